import type { NodeConfig } from '../cluster-config';
import { HostLocalIpam } from './ipam';
import { allowAll, type PodFirewall } from '../net/pod-firewall';
import { Netfilter } from '../net/netfilter';
import { ConntrackTable } from '../net/conntrack';
import type { KubeProxy } from './kube-proxy';
import type { Kubelet } from './kubelet';

/**
 * A Pod's network namespace on its node, as the CNI made it: the data plane finds a Pod only
 * through this, by IP. It holds no labels.
 */
export interface PodSandbox {
  ip: string;
  /** `namespace/name` of the Pod, for traces and the kubelet's bookkeeping. */
  podKey: string;
  podName: string;
  uid: string;
  /**
   * Sockets with a server listening, as `PROTOCOL/port` (`TCP/8080`, `UDP/53`), while the container
   * that declares the port runs.
   */
  listening: Set<string>;
}

/**
 * One machine of the cluster and the agents that run on it. The API's Node object is what the
 * control plane believes; this is the machine itself, which can be stopped and started.
 */
export class NodeHost {
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
  /** The node's kube-proxy, once components are installed. */
  kubeProxy?: KubeProxy;
  /** The node's kubelet, once components are installed. */
  kubelet?: Kubelet;

  constructor(readonly config: NodeConfig) {
    this.name = config.name;
    this.ip = config.ip;
    this.podCIDR = config.podCIDR;
    this.ipam = new HostLocalIpam(config.podCIDR);
  }
}
