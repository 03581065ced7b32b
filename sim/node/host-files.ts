import type { ClusterConfig } from '../cluster-config';
import { cidrHost } from '../net/ip';
import type { Program, ProgramContext } from './programs';

/**
 * A node's own files that its network clients read: /etc/hosts and /etc/resolv.conf. The node's
 * resolver is the VPC's (as in AWS, the VPC network's base address + 2), not the cluster DNS:
 * on a node, `curl web` does not resolve, only a ClusterIP or a Pod IP works. The kubelet hands
 * the same resolver to Pods with dnsPolicy Default (see kubelet-pod-files.ts).
 */
export function nodeFiles(config: ClusterConfig): Map<string, string> {
  return new Map([
    // cloud-init's hosts template for Ubuntu (templates/hosts.debian.tmpl), as on a cloud image.
    ['/etc/hosts', '127.0.0.1 localhost\n\n# The following lines are desirable for IPv6 capable hosts\n::1 ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\nff02::3 ip6-allhosts\n'],
    ['/etc/resolv.conf', `nameserver ${cidrHost(config.vpcCIDR, 2)}\n`],
  ]);
}

/**
 * A client program (curl, ping) run on the node itself, in its network namespace: the node IP is
 * the source, its packets go through the node's OUTPUT chain (kube-proxy's rules make ClusterIPs
 * work from there) and it reads the node's files.
 */
export function onTheNode(program: Program): Program {
  return (ctx: ProgramContext, args) => {
    const node = ctx.node!;
    return program({ ...ctx, address: node.ip, fs: ctx.fs ?? nodeFiles(ctx.cluster.config) }, args);
  };
}
