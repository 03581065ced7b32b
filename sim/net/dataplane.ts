/**
 * The data plane: where packets walk. A connection's first packet leaves the client (a Pod's
 * network namespace or a host process) and is handed from element to element of the network's
 * topology (topology.ts): its node's kernel (node-kernel.ts: netfilter hooks, routing, the CNI's
 * policy check), the VPC router, the next node's kernel, … until one delivers it or drops it.
 * Each element that tracks connections confirms a conntrack entry; every later packet of the
 * connection follows those entries and sees no nat rule.
 *
 * It sees addresses, ports, rules and sockets only: never a label, a selector or a Service object.
 */
import type { ClusterConfig } from '../cluster-config';
import type { Clock } from '../core/clock';
import type { Rng } from '../core/rng';
import type { NodeNetwork, PodSandbox } from './node-network';
import type { ConntrackEntry } from './conntrack';
import type { Hop, Packet, Protocol } from './packet';
import { isLoopback, NodeKernel } from './node-kernel';
import { VpcRouter } from './vpc-router';
import { Topology, type Arrival, type NetworkElement, type Outcome, type Sender, type Step, type TrackedEntry, type WalkState } from './topology';

export type { Outcome } from './topology';

export interface ConnectRequest {
  /** A Pod IP, or a node IP for a host-network client. */
  fromIP: string;
  protocol: Protocol;
  dstIP: string;
  dstPort: number;
}

export interface ConnectResult {
  outcome: Outcome;
  /** The Pod that accepted the connection. */
  server?: PodSandbox;
  trace: Hop[];
  connection?: Connection;
}

export interface SendResult {
  outcome: Outcome;
  trace: Hop[];
  server?: PodSandbox;
}

/** ip_local_port_range default, 32768–60999 (Documentation/networking/ip-sysctl.rst). */
export const localPortRange = [32768, 60999] as const;

/**
 * How long a connection to an address nobody answers ARP for takes to fail with "host
 * unreachable" (EHOSTUNREACH): the neighbour entry gives up after mcast_solicit (3) probes sent
 * retrans_time_ms (1000) apart (Documentation/networking/ip-sysctl.rst, neigh/default).
 */
export const neighbourFailureMs = 3000;

/** How many elements a packet may cross before the walk gives up (a routing loop's TTL). */
const maxElements = 16;

/** Where a connection starts: a Pod on a node, a host process on a node, or another element (a host on the internet). */
interface Source {
  kernel?: NodeKernel;
  sandbox?: PodSandbox;
  sender?: Sender;
}

/** The name a trace gives the source. */
function sourceName(s: Source): string {
  return s.kernel?.name ?? s.sender!.name;
}

/** The result of walking one new packet. */
export interface Walk extends Arrival {
  trace: Hop[];
  entries: TrackedEntry[];
}

/** What the data plane runs on: the virtual clock and the seeded random source, and the cluster's shape. */
export interface DataplaneEnvironment {
  clock: Clock;
  rng: Rng;
  config: ClusterConfig;
}

/** What the data plane did, as observers see it: a connection opened, or one more request on one. */
export type DataplaneEvent =
  | { kind: 'connect'; at: number; request: ConnectRequest; result: ConnectResult }
  | { kind: 'request'; at: number; connection: Connection; result: SendResult };

export class Dataplane {
  /** Called after every connect() and every request on a connection: widgets draw the packets from these. */
  readonly observers = new Set<(event: DataplaneEvent) => void>();
  /** Every element packets may cross: the nodes' kernels and the VPC router. */
  readonly topology = new Topology();
  readonly vpc: VpcRouter;
  private readonly kernels = new Map<string, NodeKernel>();

  constructor(
    private readonly env: DataplaneEnvironment,
    nodes: ReadonlyMap<string, NodeNetwork>,
  ) {
    this.vpc = new VpcRouter(env.config, this.topology);
    for (const node of nodes.values()) {
      const kernel = new NodeKernel(node, env.config, () => this.vpc);
      this.kernels.set(node.name, kernel);
      this.topology.add(kernel);
    }
    this.topology.add(this.vpc);
  }

  /** Tells every observer; an observer's error never breaks the packet's walk. */
  notify(event: DataplaneEvent): void {
    for (const observe of this.observers) {
      try {
        observe(event);
      } catch {
        // Observers only draw; the data plane goes on.
      }
    }
  }

  /**
   * Opens a connection: sends its first packet (a TCP SYN, or a UDP datagram) and reports how it
   * ends, with every hop. Throws when no Pod or node has `fromIP`.
   */
  connect(req: ConnectRequest): ConnectResult {
    const source = this.findSource(req.fromIP);
    if (!source) throw new Error(`no Pod or node has the address ${req.fromIP}`);
    const packet: Packet = { protocol: req.protocol, src: sourceAddress(req.fromIP, req.dstIP), sport: this.pickPort(source, req), dst: req.dstIP, dport: req.dstPort };
    const walk = this.walk(source, packet);
    const now = this.env.clock.now;
    for (const { tracker, entry } of walk.entries) {
      settleEntry(entry, walk.outcome, req.protocol);
      tracker.confirm(entry, now);
    }
    const result: ConnectResult = { outcome: walk.outcome, trace: walk.trace, server: walk.server };
    if (walk.outcome === 'established') result.connection = new Connection(this, this.env.clock, source, packet, walk);
    this.notify({ kind: 'connect', at: now, request: req, result });
    return result;
  }

  /**
   * Sends one ICMP echo request (ping) and reports its fate, with every hop: a Pod or a node
   * answers it from its kernel (nothing needs to listen); an address nobody owns does not. No
   * kube-proxy rule matches ICMP (its rules match a Service's TCP/UDP ports), so an echo request
   * to a ClusterIP leaves by the default route and is lost: a ClusterIP is not a host.
   * Echo requests are not entered in this model's conntrack tables (a kernel tracks them for 30 s).
   */
  echo(fromIP: string, dstIP: string): { outcome: Outcome; trace: Hop[] } {
    const source = this.findSource(fromIP);
    if (!source) throw new Error(`no Pod or node has the address ${fromIP}`);
    const walk = this.walk(source, { protocol: 'ICMP', src: sourceAddress(fromIP, dstIP), sport: 0, dst: dstIP, dport: 0 });
    return { outcome: walk.outcome, trace: walk.trace };
  }

  /**
   * Sends a connection's first packet and reports where it ended, without keeping anything: no
   * conntrack entry stays, no observer hears of it. What a load balancer's health check does.
   */
  probe(req: ConnectRequest & { sport: number }): Walk {
    const source = this.findSource(req.fromIP);
    if (!source) throw new Error(`no Pod or node has the address ${req.fromIP}`);
    return this.walk(source, { protocol: req.protocol, src: sourceAddress(req.fromIP, req.dstIP), sport: req.sport, dst: req.dstIP, dport: req.dstPort });
  }

  private findSource(ip: string): Source | undefined {
    for (const kernel of this.kernels.values()) {
      const sandbox = kernel.node.sandboxes.get(ip);
      if (sandbox) return { kernel, sandbox };
    }
    for (const kernel of this.kernels.values()) if (kernel.node.ip === ip) return { kernel };
    const owner = this.topology.owner(ip);
    return owner && 'send' in owner ? { sender: owner as Sender } : undefined;
  }

  /** An ephemeral port from ip_local_port_range that no tracked connection from this address uses. */
  private pickPort(source: Source, req: ConnectRequest): number {
    const [lo, hi] = localPortRange;
    for (;;) {
      const sport = lo + this.env.rng.int(hi - lo + 1);
      const probe: Packet = { protocol: req.protocol, src: req.fromIP, sport, dst: req.dstIP, dport: req.dstPort };
      if (!source.kernel?.node.conntrack.lookup(probe, this.env.clock.now)) return sport;
    }
  }

  /** Hands the packet from element to element until one delivers it or drops it. */
  private walk(source: Source, first: Packet): Walk {
    const trace: Hop[] = [];
    const entries: TrackedEntry[] = [];
    const state: WalkState = { trace, entries, hop: (h) => trace.push({ ...h, packet: { ...h.packet } }), rng: this.env.rng, now: this.env.clock.now };
    let step: Step = source.kernel ? source.kernel.send(first, state, source.sandbox) : source.sender!.send(first, state);
    for (let i = 0; i < maxElements && 'next' in step; i++) step = step.next.receive(step.packet, state, step.from, step.nextHop ?? step.packet.dst);
    if ('next' in step) return { outcome: 'timeout', trace, entries };
    return { ...step.end, trace, entries };
  }
}

/**
 * The source address the kernel picks for a packet from `fromIP`'s machine to `dstIP`: a loopback
 * destination is reached over `lo`, so the source is 127.0.0.1 (the local routing table's `src`
 * for 127.0.0.0/8); any other destination leaves with the machine's own address.
 */
function sourceAddress(fromIP: string, dstIP: string): string {
  return isLoopback(dstIP) ? '127.0.0.1' : fromIP;
}

/**
 * An established connection. Every `send()` follows the conntrack entries its first packet
 * created: no rule is evaluated again, so it reaches the same Pod every time, even after the rules
 * change, until the entries expire or are closed.
 */
export class Connection {
  closed = false;
  private readonly trace: Hop[];

  constructor(
    private readonly dataplane: Dataplane,
    private readonly clock: Clock,
    private readonly source: Source,
    /** The connection's first packet, as the client sent it. */
    readonly packet: Packet,
    private readonly walk: Walk,
  ) {
    this.trace = conntrackTrace(source, packet, walk);
  }

  /** The Pod that serves this connection. */
  get server(): PodSandbox | undefined {
    return this.walk.server;
  }

  /** Where the connection ended when no Pod serves it: a node's host process, or another element (a host on the internet). */
  get serverHost(): { node?: NodeNetwork; element?: NetworkElement } {
    return { node: this.walk.serverNode, element: this.walk.serverElement };
  }

  /** The client's address and port as the server sees them, after every NAT on the way. */
  get peer(): { ip: string; port: number } | undefined {
    const d = this.walk.delivered;
    return d && { ip: d.src, port: d.sport };
  }

  /** The connection's first packet as the server received it: the address and port it reached, and the source it saw. */
  get delivered(): Packet | undefined {
    return this.walk.delivered;
  }

  /** The conntrack entries of this connection, one per element that tracks it. */
  get entries(): readonly { node: string; entry: ConntrackEntry }[] {
    return this.walk.entries.map((t) => ({ node: t.tracker.name, entry: t.entry }));
  }

  /** Sends one more request on the connection and returns the reply's fate. */
  send(): SendResult {
    const result = this.deliver();
    this.dataplane.notify({ kind: 'request', at: this.clock.now, connection: this, result });
    return result;
  }

  private deliver(): SendResult {
    if (this.closed) throw new Error('connection is closed');
    const now = this.clock.now;
    for (const { tracker, entry } of this.walk.entries) {
      if (!tracker.up) return { outcome: 'timeout', trace: this.trace };
      if (!tracker.holds(entry, { protocol: entry.protocol, ...entry.original }, now)) return { outcome: 'timeout', trace: this.trace };
    }
    const server = this.walk.server;
    if (server) {
      const node = this.walk.serverNode!;
      if (!node.running) return { outcome: 'timeout', trace: this.trace };
      if (node.sandboxes.get(server.ip) !== server) return { outcome: 'unreachable', trace: this.trace };
      if (!server.listening.has(`${this.walk.delivered!.protocol}/${this.walk.delivered!.dport}`)) return { outcome: 'refused', trace: this.trace };
    }
    for (const { tracker, entry } of this.walk.entries) {
      if (entry.protocol === 'UDP') entry.assured = true;
      tracker.refresh(entry, now);
    }
    return { outcome: 'established', trace: this.trace, server };
  }

  /** Closes the connection: TCP entries go to TIME_WAIT (120 s); UDP entries just time out. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const now = this.clock.now;
    for (const { tracker, entry } of this.walk.entries) if (entry.protocol === 'TCP') tracker.refresh(entry, now, 'TIME_WAIT');
  }

  /** Where the client is: a Pod or a host. */
  get client(): { node: string; pod?: string } {
    return { node: sourceName(this.source), pod: this.source.sandbox?.podName };
  }
}

/** The hops of a packet that follows conntrack entries: at each element, the entry's NAT instead of the rules. */
function conntrackTrace(source: Source, first: Packet, walk: Walk): Hop[] {
  const hops: Hop[] = [];
  const where = source.sandbox ? `pod ${source.sandbox.podName} eth0` : `${sourceName(source)} host`;
  hops.push({ where, node: source.kernel?.name, packet: first, action: 'send', note: `same connection, next request` });
  let p = first;
  for (const { tracker, entry } of walk.entries) {
    const after: Packet = { protocol: entry.protocol, src: entry.reply.dst, sport: entry.reply.dport, dst: entry.reply.src, dport: entry.reply.sport };
    const nat = after.dst !== p.dst || after.dport !== p.dport;
    hops.push({
      where: `${tracker.name} conntrack`,
      node: tracker instanceof NodeKernel ? tracker.name : undefined,
      packet: after,
      action: 'conntrack',
      rule: nat ? entry.natRule : undefined,
      note: nat ? `conntrack entry found: destination ${p.dst}:${p.dport} → ${after.dst}:${after.dport}, no rule evaluated` : 'conntrack entry found: no NAT, no rule evaluated',
    });
    p = after;
  }
  if (walk.server) hops.push({ where: `pod ${walk.server.podName} eth0`, node: walk.serverNode?.name, packet: p, action: 'deliver', note: `${walk.server.podName} receives the request` });
  else if (walk.serverNode) hops.push({ where: `${walk.serverNode.name} host`, node: walk.serverNode.name, packet: p, action: 'deliver' });
  else if (walk.serverElement) hops.push({ where: walk.serverElement.name, packet: p, action: 'deliver' });
  return hops.map((h) => Object.freeze(h));
}

function settleEntry(entry: ConntrackEntry, outcome: Outcome, protocol: Protocol): void {
  if (protocol === 'UDP') {
    entry.unreplied = outcome !== 'established';
    return;
  }
  if (outcome === 'established') {
    entry.state = 'ESTABLISHED';
    entry.unreplied = false;
    entry.assured = true;
  } else if (outcome === 'refused') {
    entry.state = 'CLOSE';
    entry.unreplied = false;
  } else entry.state = 'SYN_SENT';
}
