/**
 * The data plane: where packets walk. A connection's first packet leaves the client's network
 * namespace, enters its node through the veth, goes through the node's netfilter hooks (nat
 * PREROUTING or OUTPUT, filter FORWARD or OUTPUT, nat POSTROUTING) and routing, crosses the VPC
 * to the next node, goes through that node's hooks, and reaches the server's namespace through the
 * CNI's policy check at the Pod's interface. Each node it crosses confirms a conntrack entry; every
 * later packet of the connection follows those entries and sees no nat rule.
 *
 * It sees addresses, ports, rules and sockets only: never a label, a selector or a Service object.
 */
import type { Cluster } from '../cluster';
import type { NodeHost, PodSandbox } from '../node/node-host';
import { type ConntrackEntry, tupleOf } from './conntrack';
import { cidrContains } from './ip';
import { evaluate, type EvalContext, type EvalResult } from './netfilter-eval';
import type { Hop, Packet, Protocol } from './packet';
import { bridgeAddress, formatRoute, lookupRoute, nodeRoutes, type Route } from './routing';
import { vethName } from './interfaces';
import { ApiServerPort, apiServerAddress } from '../addons/kubernetes-service';

export type Outcome = 'established' | 'refused' | 'timeout' | 'unreachable';

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

/** Ports every simulated node listens on itself: sshd, kubelet, kube-proxy's healthz. */
export const hostListening = new Set(['TCP/22', 'TCP/10250', 'TCP/10256']);

/** ip_local_port_range default, 32768–60999 (Documentation/networking/ip-sysctl.rst). */
export const localPortRange = [32768, 60999] as const;

/**
 * How long a connection to an address nobody answers ARP for takes to fail with "host
 * unreachable" (EHOSTUNREACH): the neighbour entry gives up after mcast_solicit (3) probes sent
 * retrans_time_ms (1000) apart (Documentation/networking/ip-sysctl.rst, neigh/default).
 */
export const neighbourFailureMs = 3000;

const maxNodeHops = 4;

interface Source {
  node: NodeHost;
  sandbox?: PodSandbox;
}

/** A conntrack entry on one node, as a connection holds it. */
interface TrackedEntry {
  node: NodeHost;
  entry: ConntrackEntry;
}

/** The result of walking one new packet. */
interface Walk {
  outcome: Outcome;
  trace: Hop[];
  entries: TrackedEntry[];
  server?: PodSandbox;
  serverNode?: NodeHost;
  /** The packet as the server received it. */
  delivered?: Packet;
}

/** What the data plane did, as observers see it: a connection opened, or one more request on one. */
export type DataplaneEvent =
  | { kind: 'connect'; at: number; request: ConnectRequest; result: ConnectResult }
  | { kind: 'request'; at: number; connection: Connection; result: SendResult };

export class Dataplane {
  /** Called after every connect() and every request on a connection: widgets draw the packets from these. */
  readonly observers = new Set<(event: DataplaneEvent) => void>();

  constructor(private readonly cluster: Cluster) {}

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
    const packet: Packet = { protocol: req.protocol, src: req.fromIP, sport: this.pickPort(source.node, req), dst: req.dstIP, dport: req.dstPort };
    const walk = this.walk(source, packet);
    const now = this.cluster.clock.now;
    for (const { node, entry } of walk.entries) {
      settleEntry(entry, walk.outcome, req.protocol);
      node.conntrack.confirm(entry);
      node.conntrack.refresh(entry, now);
    }
    const result: ConnectResult = { outcome: walk.outcome, trace: walk.trace, server: walk.server };
    if (walk.outcome === 'established') result.connection = new Connection(this.cluster, source, packet, walk);
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
    const walk = this.walk(source, { protocol: 'ICMP', src: fromIP, sport: 0, dst: dstIP, dport: 0 });
    return { outcome: walk.outcome, trace: walk.trace };
  }

  private findSource(ip: string): Source | undefined {
    for (const node of this.cluster.nodes.values()) {
      const sandbox = node.sandboxes.get(ip);
      if (sandbox) return { node, sandbox };
    }
    for (const node of this.cluster.nodes.values()) if (node.ip === ip) return { node };
    return undefined;
  }

  /** An ephemeral port from ip_local_port_range that no tracked connection from this address uses. */
  private pickPort(node: NodeHost, req: ConnectRequest): number {
    const [lo, hi] = localPortRange;
    for (;;) {
      const sport = lo + this.cluster.rng.int(hi - lo + 1);
      const probe: Packet = { protocol: req.protocol, src: req.fromIP, sport, dst: req.dstIP, dport: req.dstPort };
      if (!node.conntrack.lookup(probe, this.cluster.clock.now)) return sport;
    }
  }

  private walk(source: Source, first: Packet): Walk {
    const trace: Hop[] = [];
    const entries: TrackedEntry[] = [];
    const hop = (h: Hop) => trace.push({ ...h, packet: { ...h.packet } });
    let p = first;
    let node = source.node;
    let local = !source.sandbox;
    if (source.sandbox) {
      hop({ where: `pod ${source.sandbox.podName} eth0`, node: node.name, packet: p, action: 'send', note: `${source.sandbox.podName} sends ${describe(p)}; default route via ${bridgeAddress(node.config)} (cni0)` });
    } else {
      hop({ where: `${node.name} host`, node: node.name, packet: p, action: 'send', note: `a host process on ${node.name} sends ${describe(p)}` });
    }

    for (let i = 0; i < maxNodeHops; i++) {
      if (!node.running) {
        hop({ where: `${node.name}`, node: node.name, packet: p, action: 'DROP', note: `${node.name} is down: the packet is lost` });
        return { outcome: 'timeout', trace, entries };
      }
      const original = p;
      const ctx = this.context(node);
      const natHook = local ? 'OUTPUT' : 'PREROUTING';
      const nat = evaluate(node.netfilter.nat, natHook, p, ctx);
      if (nat.dnat) p = { ...p, dst: nat.dnat.ip, dport: nat.dnat.port };
      hop(hookHop(node, 'nat', natHook, p, nat, nat.dnat ? `DNAT to ${nat.dnat.ip}:${nat.dnat.port}` : 'no rule rewrote the packet'));
      if (i === 0 && source.sandbox) {
        const egress = checkEgress(node, source.sandbox, p, !!nat.dnat);
        hop(egress.hop);
        if (egress.hop.action === 'DROP') return { outcome: 'timeout', trace, entries };
      }

      const toHost = isLocalAddress(node, p.dst);
      const filterHook = toHost ? 'INPUT' : local ? 'OUTPUT' : 'FORWARD';
      const filter = evaluate(node.netfilter.filter, filterHook, p, ctx);
      hop(hookHop(node, 'filter', filterHook, p, filter, filter.verdict === 'ACCEPT' ? 'accepted' : `${filter.verdict}`));
      if (filter.verdict === 'REJECT') return { outcome: 'refused', trace, entries };
      if (filter.verdict === 'DROP') return { outcome: 'timeout', trace, entries };

      const entry: ConntrackEntry = { protocol: p.protocol, original: tupleOf(original), reply: tupleOf(p), unreplied: true, assured: false, expiresAt: 0, natRule: nat.dnat ? nat.decisive?.text : undefined };
      if (toHost) {
        entry.reply = reverse(p);
        entries.push({ node, entry });
        const listening = p.protocol === 'ICMP' || hostListening.has(`${p.protocol}/${p.dport}`) || (node.ip === apiServerAddress(this.cluster) && p.protocol === 'TCP' && p.dport === ApiServerPort);
        const accepts = p.protocol === 'ICMP' ? `${node.name}'s kernel answers the echo request` : `a process on ${node.name} accepts port ${p.dport}`;
        hop({ where: `${node.name} host`, node: node.name, packet: p, action: 'deliver', note: listening ? accepts : `nothing listens on ${node.name} port ${p.dport}: reset` });
        return { outcome: listening ? 'established' : 'refused', trace, entries, serverNode: node, delivered: p };
      }

      const routes = nodeRoutes(this.cluster.config, node.config);
      const route = lookupRoute(routes, p.dst);
      hop({ where: `${node.name} routing`, node: node.name, packet: p, action: 'route', note: formatRoute(route) });

      const post = evaluate(node.netfilter.nat, 'POSTROUTING', p, ctx);
      if (post.masquerade) p = { ...p, src: egressAddress(node, route), sport: this.masqueradePort() };
      hop(hookHop(node, 'nat', 'POSTROUTING', p, post, post.masquerade ? `MASQUERADE: source becomes ${p.src}:${p.sport}` : 'source unchanged'));
      entry.reply = reverse(p);
      entries.push({ node, entry });

      if (route.dev === 'cni0') return this.deliverLocal(node, p, trace, entries);
      const next = this.nextNode(route, p);
      if (!next) {
        hop({ where: 'vpc', packet: p, action: 'DROP', note: `the VPC has no route to ${p.dst}: the packet is dropped` });
        return { outcome: 'timeout', trace, entries };
      }
      hop({ where: 'vpc', packet: p, action: 'route', note: `${node.ip} → ${next.ip} (${next.name}): the packet crosses the VPC unchanged` });
      node = next;
      local = false;
    }
    return { outcome: 'timeout', trace, entries };
  }

  private deliverLocal(node: NodeHost, p: Packet, trace: Hop[], entries: TrackedEntry[]): Walk {
    const sandbox = node.sandboxes.get(p.dst);
    if (!sandbox) {
      // The bridge asks who has the address (ARP) and nobody answers: after `neighbourFailureMs`
      // the kernel reports "host unreachable" back to the sender.
      trace.push({ where: `${node.name} cni0`, node: node.name, packet: { ...p }, action: 'DROP', note: `no Pod has ${p.dst} on ${node.name}: no answer to ARP, host unreachable` });
      return { outcome: 'unreachable', trace, entries };
    }
    const ingress = node.podFirewall.check('ingress', sandbox.ip, p);
    trace.push({ where: `${node.name} ${vethName(sandbox.uid)}`, node: node.name, packet: { ...p }, action: ingress.verdict, note: `ingress to ${sandbox.podName}: ${ingress.reason}` });
    if (ingress.verdict === 'DROP') {
      entries.pop();
      return { outcome: 'timeout', trace, entries };
    }
    // The Pod's kernel answers an echo request itself; anything else needs a listening socket.
    const listening = p.protocol === 'ICMP' || sandbox.listening.has(`${p.protocol}/${p.dport}`);
    trace.push({
      where: `pod ${sandbox.podName} eth0`,
      node: node.name,
      packet: { ...p },
      action: 'deliver',
      note: listening ? `${sandbox.podName} accepts ${describe(p)}` : `nothing listens on ${p.protocol}/${p.dport} in ${sandbox.podName}: ${p.protocol === 'TCP' ? 'reset (RST)' : 'ICMP port unreachable'}`,
    });
    return listening ? { outcome: 'established', trace, entries, server: sandbox, serverNode: node, delivered: p } : { outcome: 'refused', trace, entries };
  }

  /** The node a route's next hop belongs to, if the VPC can deliver there. */
  private nextNode(route: Route, p: Packet): NodeHost | undefined {
    const hopIP = route.via ?? p.dst;
    for (const n of this.cluster.nodes.values()) if (n.ip === hopIP) return n;
    return undefined;
  }

  /** MASQUERADE --random-fully: a fully random source port (1024–65535). */
  private masqueradePort(): number {
    return 1024 + this.cluster.rng.int(65535 - 1024 + 1);
  }

  private context(node: NodeHost): EvalContext {
    const rng = this.cluster.rng;
    return { mark: 0, ctstate: 'NEW', isLocal: (ip) => isLocalAddress(node, ip), random: () => rng.next(), now: this.cluster.clock.now, recent: node.netfilter.recent };
  }
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
    private readonly cluster: Cluster,
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

  /** The conntrack entries of this connection, one per node it crosses. */
  get entries(): readonly { node: string; entry: ConntrackEntry }[] {
    return this.walk.entries.map((t) => ({ node: t.node.name, entry: t.entry }));
  }

  /** Sends one more request on the connection and returns the reply's fate. */
  send(): SendResult {
    const result = this.deliver();
    this.cluster.dataplane.notify({ kind: 'request', at: this.cluster.clock.now, connection: this, result });
    return result;
  }

  private deliver(): SendResult {
    if (this.closed) throw new Error('connection is closed');
    const now = this.cluster.clock.now;
    for (const { node, entry } of this.walk.entries) {
      if (!node.running) return { outcome: 'timeout', trace: this.trace };
      // A mid-stream packet with no entry is INVALID: KUBE-FORWARD drops it.
      if (node.conntrack.lookup(this.packetAt(entry), now) !== entry) return { outcome: 'timeout', trace: this.trace };
    }
    const server = this.walk.server;
    if (server) {
      const node = this.walk.serverNode!;
      if (node.sandboxes.get(server.ip) !== server) return { outcome: 'unreachable', trace: this.trace };
      if (!server.listening.has(`${this.walk.delivered!.protocol}/${this.walk.delivered!.dport}`)) return { outcome: 'refused', trace: this.trace };
    }
    for (const { node, entry } of this.walk.entries) {
      if (entry.protocol === 'UDP') entry.assured = true;
      node.conntrack.refresh(entry, now);
    }
    return { outcome: 'established', trace: this.trace, server };
  }

  /** Closes the connection: TCP entries go to TIME_WAIT (120 s); UDP entries just time out. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const now = this.cluster.clock.now;
    for (const { node, entry } of this.walk.entries) if (entry.protocol === 'TCP') node.conntrack.refresh(entry, now, 'TIME_WAIT');
  }

  private packetAt(entry: ConntrackEntry): Packet {
    return { protocol: entry.protocol, ...entry.original };
  }

  /** Where the client is: a Pod or a host. */
  get client(): { node: string; pod?: string } {
    return { node: this.source.node.name, pod: this.source.sandbox?.podName };
  }
}

/** The hops of a packet that follows conntrack entries: at each node, the entry's NAT instead of the rules. */
function conntrackTrace(source: Source, first: Packet, walk: Walk): Hop[] {
  const hops: Hop[] = [];
  const where = source.sandbox ? `pod ${source.sandbox.podName} eth0` : `${source.node.name} host`;
  hops.push({ where, node: source.node.name, packet: first, action: 'send', note: `same connection, next request` });
  let p = first;
  for (const { node, entry } of walk.entries) {
    const after: Packet = { protocol: entry.protocol, src: entry.reply.dst, sport: entry.reply.dport, dst: entry.reply.src, dport: entry.reply.sport };
    const nat = after.dst !== p.dst || after.dport !== p.dport;
    hops.push({
      where: `${node.name} conntrack`,
      node: node.name,
      packet: after,
      action: 'conntrack',
      rule: nat ? entry.natRule : undefined,
      note: nat ? `conntrack entry found: destination ${p.dst}:${p.dport} → ${after.dst}:${after.dport}, no rule evaluated` : 'conntrack entry found: no NAT, no rule evaluated',
    });
    p = after;
  }
  if (walk.server) hops.push({ where: `pod ${walk.server.podName} eth0`, node: walk.serverNode?.name, packet: p, action: 'deliver', note: `${walk.server.podName} receives the request` });
  else if (walk.serverNode) hops.push({ where: `${walk.serverNode.name} host`, node: walk.serverNode.name, packet: p, action: 'deliver' });
  return hops.map((h) => Object.freeze(h));
}

/**
 * The client Pod's egress policy, judged after its node's nat PREROUTING: a connection to a
 * ClusterIP is judged against the endpoint kube-proxy's DNAT chose, as Calico (its cali-fw-* chain
 * for the Pod's interface runs in filter FORWARD, after nat) and Cilium (service translation
 * before the policy lookup) do. So a policy allowing egress to the CoreDNS Pods lets DNS through
 * the kube-dns ClusterIP.
 */
function checkEgress(node: NodeHost, client: PodSandbox, p: Packet, translated: boolean): { hop: Hop } {
  const egress = node.podFirewall.check('egress', client.ip, p);
  const to = translated ? ` to the Service endpoint ${p.dst}:${p.dport}` : '';
  return { hop: { where: `${node.name} ${vethName(client.uid)}`, node: node.name, packet: p, action: egress.verdict, note: `egress from ${client.podName}${to}: ${egress.reason}` } };
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

function reverse(p: Packet): ConntrackEntry['reply'] {
  return { src: p.dst, dst: p.src, sport: p.dport, dport: p.sport };
}

/** The node's own addresses (addrtype LOCAL): its node IP, the bridge, loopback. */
export function isLocalAddress(node: NodeHost, ip: string): boolean {
  return ip === node.ip || ip === bridgeAddress(node.config) || cidrContains('127.0.0.0/8', ip);
}

/** The address MASQUERADE picks: the primary address of the interface the packet leaves by. */
function egressAddress(node: NodeHost, route: Route): string {
  return route.dev === 'cni0' ? bridgeAddress(node.config) : node.ip;
}

function describe(p: Packet): string {
  if (p.protocol === 'ICMP') return `ICMP echo request ${p.src} → ${p.dst}`;
  return `${p.protocol} ${p.src}:${p.sport} → ${p.dst}:${p.dport}`;
}

function hookHop(node: NodeHost, table: string, hook: string, p: Packet, r: EvalResult, summary: string): Hop {
  const action: Hop['action'] = r.dnat ? 'DNAT' : r.masquerade ? 'MASQUERADE' : r.verdict;
  const path = r.hits.filter((h) => h.text !== r.decisive?.text).map((h) => h.text);
  return {
    where: `${node.name} ${table} ${hook}`,
    node: node.name,
    packet: p,
    action,
    rule: r.decisive?.text,
    note: path.length ? `${summary}; via ${path.join(' | ')}` : summary,
  };
}
