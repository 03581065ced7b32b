import { ok, type Program } from '../programs';
import { podHostname } from '../kubelet-pod-files';

/** `hostname`: the hostname of the Pod's UTS namespace, which the kubelet set (see podHostname). */
export const hostname: Program = (ctx) => ok(`${ctx.pod ? podHostname(ctx.pod) : ctx.node!.name}\n`);
