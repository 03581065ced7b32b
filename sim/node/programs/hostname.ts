import { ok, type Program } from '../programs';
import { kernelHostname } from '../kubelet-pod-files';

/** `hostname`: the hostname of the Pod's UTS namespace, which the kubelet set (see kernelHostname), or the node's. */
export const hostname: Program = (ctx) => ok(`${ctx.pod ? kernelHostname(ctx.pod, ctx.cluster.config) : ctx.node!.name}\n`);
