import type { NodeConfig } from '../cluster-config';
import { HostLocalIpam } from './ipam';
import { allowAll, type PodFirewall } from '../net/pod-firewall';
import type { HostServer, NodeNetwork, PodSandbox } from '../net/node-network';
import { Netfilter } from '../net/netfilter';
import { ConntrackTable } from '../net/conntrack';

/**
 * One machine of the cluster. The API's Node object is what the control plane believes; this is
 * the machine itself, which can be stopped and started. The agents that run on it attach
 * themselves (`kubelet`, `kubeProxy`: see the `declare module` in kubelet.ts and kube-proxy.ts), so
 * the machine does not import the programs that run on it.
 */
export class NodeHost implements NodeNetwork {
  readonly name: string;
  readonly ip: string;
  readonly podCIDR: string;
  readonly ipam: HostLocalIpam;
  /** False while the machine is stopped (`sim stop node NAME`): no agent runs, no packet passes. */
  running = true;
  /** Pod network namespaces on this node, by Pod IP. */
  readonly sandboxes = new Map<string, PodSandbox>();
  /** The CNI's policy enforcement at Pod interfaces on this node. */
  podFirewall: PodFirewall = allowAll;
  /** The node's iptables (nat and filter tables), written by kube-proxy. */
  readonly netfilter = new Netfilter();
  /** The node's connection tracking table. */
  readonly conntrack = new ConntrackTable();
  /** Host processes' listening sockets (kube-proxy's health check node ports), by `PROTOCOL/port`. */
  readonly hostServers = new Map<string, HostServer>();
  /** The sandboxes of hostNetwork Pods: their servers listen in the node's own network namespace. */
  readonly hostNetworkPods = new Set<PodSandbox>();
  /** What other agents (DaemonSet Pods such as ip-masq-agent) do when the machine boots again. */
  readonly bootHooks: (() => void)[] = [];

  constructor(readonly config: NodeConfig) {
    this.name = config.name;
    this.ip = config.ip;
    this.podCIDR = config.podCIDR;
    this.ipam = new HostLocalIpam(config.podCIDR);
  }
}
