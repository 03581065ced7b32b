/**
 * NetworkPolicies as the CNI's data plane holds them, once the control plane has compiled them:
 * addresses and ports only. No label, no selector, no port name is left here; a label change
 * reaches traffic only when the compiler runs again and hands the nodes new sets.
 *
 * Plain, serialisable data, keyed by Pod IP, like the ipsets and per-endpoint chains Calico
 * writes on each node (one ingress and one egress chain per workload interface).
 */

/**
 * A set of peer addresses: single Pod IPs (what podSelector/namespaceSelector peers compile to)
 * and CIDR blocks with holes (ipBlock with except).
 */
export interface PeerSet {
  ips: string[];
  blocks: { cidr: string; except: string[] }[];
}

/** A protocol and an inclusive port range (`port`…`endPort`; one port has endPort = port). */
export interface PortRange {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  endPort: number;
  /**
   * Only towards these destination IPs. Set for an egress named port: the name is resolved per
   * destination Pod, from its containerPorts, so each number holds only for the Pods that declare it.
   */
  dstIPs?: string[];
}

/** One ingress or egress rule of one policy, compiled for one Pod: which peers, on which ports. */
export interface CompiledRule {
  /** The NetworkPolicy the rule came from, `namespace/name`, for traces. */
  policy: string;
  /** `any`: the rule had no `from`/`to`, so every peer is allowed. */
  peers: PeerSet | 'any';
  /** `any`: the rule had no `ports`, so every port and protocol is allowed. */
  ports: PortRange[] | 'any';
}

/** The rules of one direction at a Pod that some policy isolates in that direction. */
export interface IsolatedDirection {
  /** The policies that select the Pod for this direction, `namespace/name`. */
  isolatedBy: string[];
  /** The union of their rules: a connection passes if any one rule allows it. */
  rules: CompiledRule[];
}

/**
 * What the CNI enforces at one Pod's interface. A direction that is absent is not isolated: all
 * traffic passes, as for a Pod that no NetworkPolicy selects.
 */
export interface PodPolicyRules {
  ingress?: IsolatedDirection;
  egress?: IsolatedDirection;
}

/** Compiled policies of the whole cluster (or of one node's Pods), by Pod IP. */
export type CompiledPolicies = Record<string, PodPolicyRules>;
