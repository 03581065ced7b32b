/**
 * A node's kernel as an element of the network: a packet from one of its Pods, from a host
 * process or off the wire goes through its netfilter hooks (nat PREROUTING or OUTPUT, filter
 * FORWARD, INPUT or OUTPUT, nat POSTROUTING) and its routing table, and is delivered to a local
 * Pod through the CNI's policy check at the Pod's interface, to a host process, or sent out eth0
 * to the next hop. Each packet it passes confirms a conntrack entry.
 */
import type { ClusterConfig } from '../cluster-config';
import type { NodeNetwork, PodSandbox } from './node-network';
import { type ConntrackEntry, tupleOf } from './conntrack';
import { cidrContains } from './ip';
import { evaluate, type EvalContext, type EvalResult } from './netfilter-eval';
import type { Hop, Packet } from './packet';
import { bridgeAddress, formatRoute, lookupRoute, nodeRoutes, type Route } from './routing';
import { vethName } from './interfaces';
import type { NetworkElement, Step, Tracker, WalkState } from './topology';

/** Ports every simulated node listens on itself: sshd, kubelet, kube-proxy's healthz. */
export const hostListening = new Set(['TCP/22', 'TCP/10250', 'TCP/10256']);

export class NodeKernel implements NetworkElement, Tracker {
  readonly kind = 'node';

  constructor(
    readonly node: NodeNetwork,
    private readonly config: ClusterConfig,
    /** Where eth0 leads: the VPC's router. */
    private readonly uplink: () => NetworkElement,
  ) {}

  get name(): string {
    return this.node.name;
  }

  get up(): boolean {
    return this.node.running;
  }

  get address(): string {
    return this.node.ip;
  }

  owns(ip: string): boolean {
    return ip === this.node.ip;
  }

  /** A packet a process on this node sends: from one of its Pods (`sandbox`) or from the host. */
  send(p: Packet, walk: WalkState, sandbox?: PodSandbox): Step {
    const node = this.node;
    if (sandbox && isLoopback(p.dst)) return this.loopback(p, walk, sandbox);
    if (sandbox) {
      walk.hop({ where: `pod ${sandbox.podName} eth0`, node: node.name, packet: p, action: 'send', note: `${sandbox.podName} sends ${describe(p)}; default route via ${bridgeAddress(node.config)} (cni0)` });
    } else {
      walk.hop({ where: `${node.name} host`, node: node.name, packet: p, action: 'send', note: `a host process on ${node.name} sends ${describe(p)}` });
    }
    return this.process(p, walk, !sandbox, sandbox);
  }

  receive(p: Packet, walk: WalkState): Step {
    return this.process(p, walk, false);
  }

  private process(p: Packet, walk: WalkState, local: boolean, sandbox?: PodSandbox): Step {
    const node = this.node;
    if (!node.running) {
      walk.hop({ where: `${node.name}`, node: node.name, packet: p, action: 'DROP', note: `${node.name} is down: the packet is lost` });
      return { end: { outcome: 'timeout' } };
    }
    const original = p;
    const ctx = this.context(walk);
    const natHook = local ? 'OUTPUT' : 'PREROUTING';
    const nat = evaluate(node.netfilter.nat, natHook, p, ctx);
    if (nat.dnat) p = { ...p, dst: nat.dnat.ip, dport: nat.dnat.port };
    walk.hop(hookHop(node, 'nat', natHook, p, nat, nat.dnat ? `DNAT to ${nat.dnat.ip}:${nat.dnat.port}` : 'no rule rewrote the packet'));
    if (sandbox) {
      const egress = checkEgress(node, sandbox, p, !!nat.dnat);
      walk.hop(egress);
      if (egress.action === 'DROP') return { end: { outcome: 'timeout' } };
    }

    const toHost = isLocalAddress(node, p.dst);
    const filterHook = toHost ? 'INPUT' : local ? 'OUTPUT' : 'FORWARD';
    const filter = evaluate(node.netfilter.filter, filterHook, p, ctx);
    walk.hop(hookHop(node, 'filter', filterHook, p, filter, filter.verdict === 'ACCEPT' ? 'accepted' : `${filter.verdict}`));
    if (filter.verdict === 'REJECT') return { end: { outcome: 'refused' } };
    if (filter.verdict === 'DROP') return { end: { outcome: 'timeout' } };

    const entry: ConntrackEntry = { protocol: p.protocol, original: tupleOf(original), reply: tupleOf(p), unreplied: true, assured: false, expiresAt: 0, natRule: nat.dnat ? nat.decisive?.text : undefined };
    if (toHost) {
      entry.reply = reverse(p);
      walk.entries.push({ tracker: this, entry });
      const socket = `${p.protocol}/${p.dport}`;
      // A hostNetwork Pod's server listens in the node's namespace, on all its addresses.
      const hostPod = p.protocol === 'ICMP' ? undefined : [...node.hostNetworkPods].find((s) => s.listening.has(socket));
      if (hostPod) {
        walk.hop({ where: `${node.name} host`, node: node.name, packet: p, action: 'deliver', note: `${hostPod.podName} (hostNetwork) accepts port ${p.dport} in ${node.name}'s network namespace` });
        return { end: { outcome: 'established', server: hostPod, serverNode: node, delivered: p } };
      }
      const hostServer = node.hostServers.get(socket);
      const listening = p.protocol === 'ICMP' || hostListening.has(socket) || (!!hostServer && (!hostServer.loopbackOnly || isLoopback(p.dst)));
      const accepts = p.protocol === 'ICMP' ? `${node.name}'s kernel answers the echo request` : `a process on ${node.name} accepts port ${p.dport}`;
      walk.hop({ where: `${node.name} host`, node: node.name, packet: p, action: 'deliver', note: listening ? accepts : `nothing listens on ${node.name} port ${p.dport}: reset` });
      return { end: { outcome: listening ? 'established' : 'refused', serverNode: node, delivered: p } };
    }

    const routes = nodeRoutes(this.config, node.config);
    const route = lookupRoute(routes, p.dst);
    walk.hop({ where: `${node.name} routing`, node: node.name, packet: p, action: 'route', note: formatRoute(route) });

    const post = evaluate(node.netfilter.nat, 'POSTROUTING', p, ctx);
    if (post.masquerade) p = { ...p, src: egressAddress(node, route), sport: masqueradePort(walk) };
    walk.hop(hookHop(node, 'nat', 'POSTROUTING', p, post, post.masquerade ? `MASQUERADE: source becomes ${p.src}:${p.sport}` : 'source unchanged'));
    entry.reply = reverse(p);
    walk.entries.push({ tracker: this, entry });

    if (route.dev === 'cni0') return this.deliverLocal(p, walk);
    return { next: this.uplink(), packet: p, from: this, nextHop: route.via ?? p.dst };
  }

  /**
   * A Pod's packet to its own loopback: it never leaves the Pod's network namespace (no veth, no
   * node netfilter, no policy), and reaches whatever listens in the Pod, on any of its containers.
   */
  private loopback(p: Packet, walk: WalkState, sandbox: PodSandbox): Step {
    const listening = p.protocol === 'ICMP' || sandbox.listening.has(`${p.protocol}/${p.dport}`);
    walk.hop({
      where: `pod ${sandbox.podName} lo`,
      node: this.node.name,
      packet: p,
      action: 'deliver',
      note: listening ? `${sandbox.podName} sends ${describe(p)} to itself over lo, and accepts it` : `nothing listens on ${p.protocol}/${p.dport} in ${sandbox.podName}: ${p.protocol === 'TCP' ? 'reset (RST)' : 'ICMP port unreachable'}`,
    });
    return { end: listening ? { outcome: 'established', server: sandbox, serverNode: this.node, delivered: p } : { outcome: 'refused' } };
  }

  private deliverLocal(p: Packet, walk: WalkState): Step {
    const node = this.node;
    const sandbox = node.sandboxes.get(p.dst);
    if (!sandbox) {
      // The bridge asks who has the address (ARP) and nobody answers: after `neighbourFailureMs`
      // the kernel reports "host unreachable" back to the sender.
      walk.hop({ where: `${node.name} cni0`, node: node.name, packet: p, action: 'DROP', note: `no Pod has ${p.dst} on ${node.name}: no answer to ARP, host unreachable` });
      return { end: { outcome: 'unreachable' } };
    }
    const ingress = node.podFirewall.check('ingress', sandbox.ip, p);
    walk.hop({ where: `${node.name} ${vethName(sandbox.uid)}`, node: node.name, packet: p, action: ingress.verdict, note: `ingress to ${sandbox.podName}: ${ingress.reason}` });
    if (ingress.verdict === 'DROP') {
      walk.entries.pop();
      return { end: { outcome: 'timeout' } };
    }
    // The Pod's kernel answers an echo request itself; anything else needs a listening socket.
    const listening = p.protocol === 'ICMP' || sandbox.listening.has(`${p.protocol}/${p.dport}`);
    walk.hop({
      where: `pod ${sandbox.podName} eth0`,
      node: node.name,
      packet: p,
      action: 'deliver',
      note: listening ? `${sandbox.podName} accepts ${describe(p)}` : `nothing listens on ${p.protocol}/${p.dport} in ${sandbox.podName}: ${p.protocol === 'TCP' ? 'reset (RST)' : 'ICMP port unreachable'}`,
    });
    return { end: listening ? { outcome: 'established', server: sandbox, serverNode: node, delivered: p } : { outcome: 'refused' } };
  }

  private context(walk: WalkState): EvalContext {
    const node = this.node;
    return { mark: 0, ctstate: 'NEW', isLocal: (ip) => isLocalAddress(node, ip), random: () => walk.rng.next(), now: walk.now, recent: node.netfilter.recent };
  }

  // ---- Tracker: the node's conntrack table ------------------------------------------------------

  confirm(entry: ConntrackEntry, now: number): void {
    this.node.conntrack.confirm(entry);
    this.node.conntrack.refresh(entry, now);
  }

  holds(entry: ConntrackEntry, packet: Packet, now: number): boolean {
    // A mid-stream packet with no entry is INVALID: KUBE-FORWARD drops it.
    return this.node.conntrack.lookup(packet, now) === entry;
  }

  refresh(entry: ConntrackEntry, now: number, state?: ConntrackEntry['state']): void {
    this.node.conntrack.refresh(entry, now, state);
  }
}

/**
 * The client Pod's egress policy, judged after its node's nat PREROUTING: a connection to a
 * ClusterIP is judged against the endpoint kube-proxy's DNAT chose, as Calico (its cali-fw-* chain
 * for the Pod's interface runs in filter FORWARD, after nat) and Cilium (service translation
 * before the policy lookup) do. So a policy allowing egress to the CoreDNS Pods lets DNS through
 * the kube-dns ClusterIP.
 */
function checkEgress(node: NodeNetwork, client: PodSandbox, p: Packet, translated: boolean): Hop {
  const egress = node.podFirewall.check('egress', client.ip, p);
  const to = translated ? ` to the Service endpoint ${p.dst}:${p.dport}` : '';
  return { where: `${node.name} ${vethName(client.uid)}`, node: node.name, packet: p, action: egress.verdict, note: `egress from ${client.podName}${to}: ${egress.reason}` };
}

function reverse(p: Packet): ConntrackEntry['reply'] {
  return { src: p.dst, dst: p.src, sport: p.dport, dport: p.sport };
}

/** MASQUERADE --random-fully: a fully random source port (1024–65535). */
function masqueradePort(walk: WalkState): number {
  return 1024 + walk.rng.int(65535 - 1024 + 1);
}

/** The node's own addresses (addrtype LOCAL): its node IP, the bridge, loopback. */
export function isLocalAddress(node: NodeNetwork, ip: string): boolean {
  return ip === node.ip || ip === bridgeAddress(node.config) || isLoopback(ip);
}

/** An address of 127.0.0.0/8, which every network namespace keeps on its own `lo`. */
export function isLoopback(ip: string): boolean {
  return cidrContains('127.0.0.0/8', ip);
}

/** The address MASQUERADE picks: the primary address of the interface the packet leaves by. */
function egressAddress(node: NodeNetwork, route: Route): string {
  return route.dev === 'cni0' ? bridgeAddress(node.config) : node.ip;
}

export function describe(p: Packet): string {
  if (p.protocol === 'ICMP') return `ICMP echo request ${p.src} → ${p.dst}`;
  return `${p.protocol} ${p.src}:${p.sport} → ${p.dst}:${p.dport}`;
}

function hookHop(node: NodeNetwork, table: string, hook: string, p: Packet, r: EvalResult, summary: string): Hop {
  const action: Hop['action'] = r.dnat ? 'DNAT' : r.masquerade ? 'MASQUERADE' : r.verdict;
  const path = r.hits.filter((h) => h.text !== r.decisive?.text).map((h) => h.text);
  return {
    where: `${node.name} ${table} ${hook}`,
    node: node.name,
    packet: p,
    action,
    rule: r.decisive?.text,
    rules: r.hits.map((h) => h.text),
    note: path.length ? `${summary}; via ${path.join(' | ')}` : summary,
  };
}
