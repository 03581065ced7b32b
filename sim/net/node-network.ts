import type { NodeConfig } from '../cluster-config';
import type { ConntrackTable } from './conntrack';
import type { Netfilter } from './netfilter';
import type { PodFirewall } from './pod-firewall';
import type { HttpRequest } from './http';
import type { TlsOffer } from './tls/handshake';

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

/** An HTTP answer: status line, headers in the order the server writes them, body. */
export interface HttpAnswer {
  version?: 'HTTP/1.0';
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** A server process on the machine itself, outside any Pod (kube-proxy's health check server, the API server). */
export interface HostServer {
  /** The process that listens. */
  process: string;
  /** Bound to 127.0.0.1 only (kube-proxy's metrics port): unreachable at the node's own address. */
  loopbackOnly?: boolean;
  /** The TLS the socket speaks, for the SNI name the client sent; absent, it speaks plain HTTP. */
  tls?(sni: string | undefined): TlsOffer;
  /** What it answers to an HTTP request for `path`; `tls` is set when the request came inside a TLS session. */
  http(path: string, req?: HttpRequest, tls?: { sni?: string }): HttpAnswer;
}

/**
 * A machine's network stack, all the data plane sees of a node: its address, whether it is
 * powered, its Pods' network namespaces by IP, its iptables tables, its conntrack table and the
 * CNI's policy check at its Pods' interfaces. The agents that write them (kubelet, kube-proxy,
 * the CNI) live in sim/node/ and are invisible here.
 */
export interface NodeNetwork {
  readonly name: string;
  readonly ip: string;
  readonly config: NodeConfig;
  readonly running: boolean;
  readonly sandboxes: ReadonlyMap<string, PodSandbox>;
  podFirewall: PodFirewall;
  readonly netfilter: Netfilter;
  readonly conntrack: ConntrackTable;
  /** Sockets host processes listen on, as `PROTOCOL/port`, beyond sshd, the kubelet and kube-proxy's healthz. */
  readonly hostServers: Map<string, HostServer>;
  /** hostNetwork Pods' sandboxes: what they listen on, they listen on in the node's namespace. */
  readonly hostNetworkPods: ReadonlySet<PodSandbox>;
}
