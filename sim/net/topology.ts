/**
 * The network a packet walks: elements that receive a packet and hand it on (a node's kernel,
 * the VPC router, and, on a cloud, its internet gateway, NAT gateway, load balancers and the
 * hosts of the internet). The data plane (dataplane.ts) only moves a packet from one element to
 * the next; each element decides what happens to it there and writes its own hops in the trace.
 */
import type { ConntrackEntry } from './conntrack';
import type { Hop, Packet } from './packet';
import type { HttpAnswer, NodeNetwork, PodSandbox } from './node-network';
import type { Rng } from '../core/rng';

export type Outcome = 'established' | 'refused' | 'timeout' | 'unreachable';

export type ElementKind = 'node' | 'vpc-router' | 'internet-gateway' | 'nat-gateway' | 'load-balancer' | 'internet-host';

/** A connection-tracking table an element keeps (a node's kernel, a NAT gateway, a load balancer). */
export interface Tracker {
  readonly name: string;
  /** False while the element is down: its entries are gone with it. */
  readonly up: boolean;
  confirm(entry: ConntrackEntry, now: number): void;
  /** Does the entry still stand for a packet of the connection? */
  holds(entry: ConntrackEntry, packet: Packet, now: number): boolean;
  refresh(entry: ConntrackEntry, now: number, state?: ConntrackEntry['state']): void;
}

/** A conntrack entry on one element, as a connection holds it. */
export interface TrackedEntry {
  tracker: Tracker;
  entry: ConntrackEntry;
}

/** Where a walk ended: who accepted the packet, as it received it. */
export interface Arrival {
  outcome: Outcome;
  /** The Pod that accepted the connection. */
  server?: PodSandbox;
  /** The node whose kernel delivered it (to a Pod or to a host process). */
  serverNode?: NodeNetwork;
  /** Any other element that answered (an internet host). */
  serverElement?: NetworkElement;
  /** The packet as the server received it. */
  delivered?: Packet;
}

/** The state of one packet's walk: its trace and the conntrack entries it created on the way. */
export interface WalkState {
  readonly trace: Hop[];
  readonly entries: TrackedEntry[];
  hop(h: Hop): void;
  /** The seeded random source (kube-proxy's probability rules, MASQUERADE's ports). */
  readonly rng: Rng;
  readonly now: number;
}

/** What an element does with a packet: hands it to the next element, or ends the walk. */
export type Step = { next: NetworkElement; packet: Packet; from: NetworkElement; nextHop?: string } | { end: Arrival };

export interface NetworkElement {
  /** The element's name in traces: `node-1`, `vpc`, `igw`, `nat-gw`, `internet`. */
  readonly name: string;
  readonly kind: ElementKind;
  /** Its primary address, as a trace names it. */
  readonly address: string;
  /** Addresses it owns: a packet to one of them is received by it. */
  owns(ip: string): boolean;
  /**
   * Receives a packet from `from` (the previous element), addressed on the link to `nextHop`
   * (the IP the sender's route named: the destination itself, or a gateway).
   */
  receive(p: Packet, walk: WalkState, from: NetworkElement, nextHop: string): Step;
  /** What it answers to an HTTP GET of `path` from `client` (the address it sees), when it serves HTTP itself (an internet host). */
  readonly http?: (client: string, path: string) => HttpAnswer;
}

/** An element a connection can start from: it sends its own packets (a host on the internet, a load balancer's health checker). */
export interface Sender extends NetworkElement {
  send(p: Packet, walk: WalkState): Step;
}

/** Every element of the network, found by the addresses it owns. */
export class Topology {
  private readonly elements: NetworkElement[] = [];

  add(element: NetworkElement): void {
    this.elements.push(element);
  }

  remove(element: NetworkElement): void {
    const i = this.elements.indexOf(element);
    if (i >= 0) this.elements.splice(i, 1);
  }

  /** The element that owns `ip`, if any. */
  owner(ip: string): NetworkElement | undefined {
    return this.elements.find((e) => e.owns(ip));
  }

  ofKind<T extends NetworkElement>(kind: ElementKind): T[] {
    return this.elements.filter((e) => e.kind === kind) as T[];
  }

  get all(): readonly NetworkElement[] {
    return this.elements;
  }
}
