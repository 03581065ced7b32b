import { expect } from 'vitest';
import type { Packet } from '../../../sim/net/packet';
import { allPods, type NetpolModel, type PodString } from './model';

/**
 * Reachability truth tables as the upstream e2e tests keep them
 * (kubernetes/kubernetes test/e2e/network/netpol/reachability.go and truthtable.go): one row per
 * client Pod, one column per server Pod, printed as a grid of `.` (connected) and `X` (blocked).
 */
export class Reachability {
  readonly expected = new Map<string, boolean>();
  readonly observed = new Map<string, boolean>();

  constructor(defaultExpectation = true) {
    for (const from of allPods) for (const to of allPods) this.expected.set(pair(from, to), defaultExpectation);
  }

  expect(from: PodString, to: PodString, connected: boolean): this {
    this.expected.set(pair(from, to), connected);
    return this;
  }

  /**
   * Sets every pair whose client matches `from` and server matches `to`; a peer's empty namespace
   * or pod matches all, as upstream's `Peer`.
   */
  expectPeer(from: Peer, to: Peer, connected: boolean): this {
    for (const f of allPods) for (const t of allPods) if (matches(from, f) && matches(to, t)) this.expect(f, t, connected);
    return this;
  }

  expectAllIngress(to: PodString, connected: boolean): this {
    return this.expectPeer({}, peerOf(to), connected);
  }

  expectAllEgress(from: PodString, connected: boolean): this {
    return this.expectPeer(peerOf(from), {}, connected);
  }

  /** Fills `observed` by asking `probe` about every ordered pair. */
  observe(probe: (from: PodString, to: PodString) => boolean): this {
    for (const from of allPods) for (const to of allPods) this.observed.set(pair(from, to), probe(from, to));
    return this;
  }

  /**
   * Pairs where expected and observed differ. Loopback (a Pod to itself) is ignored, as upstream
   * does (`ignoreLoopback`): its semantics differ between CNIs (kubernetes/kubernetes#95879).
   */
  wrong(): string[] {
    return [...this.expected].filter(([k, v]) => !isLoopback(k) && this.observed.get(k) !== v).map(([k]) => k);
  }

  /** Expected, observed and comparison grids, as upstream's PrintSummary logs them. */
  summary(): string {
    const wrong = this.wrong();
    const comparison = new Map([...this.expected].map(([k, v]) => [k, this.observed.get(k) === v]));
    const total = allPods.length * allPods.length - allPods.length;
    return [
      `reachability: correct:${total - wrong.length}, incorrect:${wrong.length}, result=${wrong.length === 0}`,
      `expected:\n\n${prettyPrint(this.expected)}`,
      `observed:\n\n${prettyPrint(this.observed)}`,
      `comparison:\n\n${prettyPrint(comparison)}`,
    ].join('\n\n');
  }
}

/** Matches Pods by namespace and/or name; an empty field matches every Pod. */
export interface Peer {
  namespace?: string;
  pod?: string;
}

/** The grid of truthtable.go's PrettyPrint: tab-separated, `.` true, `X` false, `?` unknown. */
export function prettyPrint(values: Map<string, boolean>): string {
  const lines = [['-', ...allPods].join('\t')];
  for (const from of allPods) {
    const marks = allPods.map((to) => {
      const v = values.get(pair(from, to));
      return v === undefined ? '?' : v ? '.' : 'X';
    });
    lines.push([from, ...marks].join('\t'));
  }
  return lines.join('\n');
}

/** Fails with the three grids when any observed pair differs from the expectation. */
export function validateOrFail(reachability: Reachability, probe: (from: PodString, to: PodString) => boolean): void {
  reachability.observe(probe);
  expect(reachability.wrong(), reachability.summary()).toEqual([]);
}

/**
 * A connection attempt judged by the CNIs' filters alone: the client's egress at the client's
 * interface, then the server's ingress at the server's interface, on each Pod's own node.
 */
export function firewallProbe(model: NetpolModel, port: number, protocol: Packet['protocol'] = 'TCP') {
  return (from: PodString, to: PodString): boolean => {
    const packet: Packet = { protocol, src: model.ip(from), sport: 40_000, dst: model.ip(to), dport: port };
    const nodeOf = (p: PodString) => model.cluster.nodes.get(model.pod(p).spec.nodeName!)!;
    if (nodeOf(from).podFirewall.check('egress', packet.src, packet).verdict === 'DROP') return false;
    return nodeOf(to).podFirewall.check('ingress', packet.dst, packet).verdict === 'ACCEPT';
  };
}

/** A real connection attempt through the data plane: established, or not (timeout, refused…). */
export function dataplaneProbe(model: NetpolModel, port: number, protocol: Packet['protocol'] = 'TCP') {
  return (from: PodString, to: PodString): boolean =>
    model.cluster.dataplane.connect({ fromIP: model.ip(from), protocol, dstIP: model.ip(to), dstPort: port }).outcome === 'established';
}

function pair(from: string, to: string): string {
  return `${from}>${to}`;
}

function isLoopback(key: string): boolean {
  const [from, to] = key.split('>');
  return from === to;
}

function peerOf(p: PodString): Peer {
  const [namespace, pod] = p.split('/');
  return { namespace, pod };
}

function matches(peer: Peer, p: PodString): boolean {
  const [ns, name] = p.split('/');
  return (!peer.namespace || peer.namespace === ns) && (!peer.pod || peer.pod === name);
}
