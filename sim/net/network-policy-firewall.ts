import type { Packet } from './packet';
import type { PodFirewall } from './pod-firewall';
import { ipToInt, parseCidr, type Cidr } from './ip';
import type { CompiledPolicies, CompiledRule, IsolatedDirection, PeerSet, PortRange } from './network-policy-rules';

/**
 * The data-plane half of NetworkPolicy on one node: the CNI's filter at each local Pod's
 * interface. It knows only the compiled sets (IPs, CIDRs, port ranges) that the control plane
 * loaded; it never reads a label, so a label change matters only after the next compilation.
 *
 * It judges the first packet of a connection. Replies and later packets of an accepted connection
 * pass on the node's conntrack entry (ESTABLISHED), before any policy, as in the chains Calico and
 * kube-router write; so a new policy does not cut a connection already open.
 *
 * Exceptions from the concept page (kubernetes.io/docs/concepts/services-networking/network-policies/):
 * a Pod cannot block access to itself, and traffic to and from the node where a Pod runs is always
 * allowed.
 */
export class NetworkPolicyFirewall implements PodFirewall {
  private compiled: CompiledPolicies = {};
  private index = new Map<string, { ingress?: Direction; egress?: Direction }>();

  private readonly nodeAddresses: Set<string>;

  /** `nodeAddresses`: the node's own addresses (its IP, its bridge's), always allowed. */
  constructor(...nodeAddresses: string[]) {
    this.nodeAddresses = new Set(nodeAddresses);
  }

  /** The rules in force, by local Pod IP, as the control plane last loaded them. */
  get rules(): CompiledPolicies {
    return this.compiled;
  }

  /** Replaces the rules in force (the CNI agent's sync after a compilation). */
  load(rules: CompiledPolicies): void {
    this.compiled = rules;
    const blocks = new Map<PeerSet, Block[]>();
    const index = new Map<string, { ingress?: Direction; egress?: Direction }>();
    for (const [ip, entry] of Object.entries(rules)) {
      index.set(ip, { ingress: entry.ingress && direction(entry.ingress, blocks), egress: entry.egress && direction(entry.egress, blocks) });
    }
    this.index = index;
  }

  check(dir: 'ingress' | 'egress', podIP: string, packet: Packet): { verdict: 'ACCEPT' | 'DROP'; reason: string } {
    const rules = this.index.get(podIP)?.[dir];
    if (!rules) return { verdict: 'ACCEPT', reason: `no NetworkPolicy isolates ${podIP} for ${dir}` };
    const peer = dir === 'ingress' ? packet.src : packet.dst;
    if (peer === podIP) return { verdict: 'ACCEPT', reason: 'a Pod cannot block access to itself' };
    if (this.nodeAddresses.has(peer)) return { verdict: 'ACCEPT', reason: `traffic ${dir === 'ingress' ? 'from' : 'to'} the Pod's own node is always allowed` };
    const allow =
      first(rules.byIP.get(peer), packet) ??
      first(rules.anyPeer, packet) ??
      (rules.blocks.length ? firstInBlocks(rules.blocks, ipToInt(peer), packet) : undefined);
    if (allow) return { verdict: 'ACCEPT', reason: `allowed by NetworkPolicy ${allow.policy}` };
    const where = `${peer}:${packet.dport}/${packet.protocol}`;
    return {
      verdict: 'DROP',
      reason: `${podIP} is isolated for ${dir} by NetworkPolicy ${rules.isolatedBy}, and no rule allows ${dir === 'ingress' ? 'from' : 'to'} ${where}`,
    };
  }
}

/**
 * One rule's ports, with the policy it came from; `ports` undefined means any port. Rules are
 * indexed by peer, as an ipset is: a lookup by the peer's IP finds the few rules naming it.
 */
interface Allow {
  policy: string;
  ports?: PortMatcher[];
}

interface Direction {
  /** The isolating policies' names, joined once for the reasons of drops. */
  isolatedBy: string;
  /** Rules whose peers list this IP (podSelector and namespaceSelector peers). */
  byIP: Map<string, Allow[]>;
  /** Rules with no `from`/`to`: any peer. */
  anyPeer: Allow[];
  /** Rules with ipBlock peers, checked by address range. */
  blocks: { blocks: Block[]; allow: Allow }[];
}

interface Block {
  cidr: Cidr;
  except: Cidr[];
}

interface PortMatcher {
  protocol: PortRange['protocol'];
  port: number;
  endPort: number;
  dstIPs?: Set<string>;
}

function direction(d: IsolatedDirection, parsed: Map<PeerSet, Block[]>): Direction {
  const out: Direction = { isolatedBy: d.isolatedBy.join(', '), byIP: new Map(), anyPeer: [], blocks: [] };
  for (const rule of d.rules) {
    const allow = compileAllow(rule);
    if (rule.peers === 'any') {
      out.anyPeer.push(allow);
      continue;
    }
    for (const ip of rule.peers.ips) {
      const list = out.byIP.get(ip);
      if (list) list.push(allow);
      else out.byIP.set(ip, [allow]);
    }
    if (rule.peers.blocks.length) out.blocks.push({ blocks: parsedBlocks(rule.peers, parsed), allow });
  }
  return out;
}

function compileAllow(rule: CompiledRule): Allow {
  if (rule.ports === 'any') return { policy: rule.policy };
  return { policy: rule.policy, ports: rule.ports.map((r) => ({ ...r, dstIPs: r.dstIPs && new Set(r.dstIPs) })) };
}

/** Parses a peer set's CIDRs once: the rules of many Pods share the same compiled peers. */
function parsedBlocks(peers: PeerSet, parsed: Map<PeerSet, Block[]>): Block[] {
  let blocks = parsed.get(peers);
  if (!blocks) {
    blocks = peers.blocks.map((b) => ({ cidr: parseCidr(b.cidr), except: b.except.map(parseCidr) }));
    parsed.set(peers, blocks);
  }
  return blocks;
}

function first(allows: Allow[] | undefined, packet: Packet): Allow | undefined {
  return allows?.find((a) => !a.ports || a.ports.some((r) => portMatches(r, packet)));
}

function firstInBlocks(rules: Direction['blocks'], n: number, packet: Packet): Allow | undefined {
  for (const { blocks, allow } of rules) {
    if (blocks.some((b) => within(b.cidr, n) && !b.except.some((e) => within(e, n))) && first([allow], packet)) return allow;
  }
  return undefined;
}

function within(c: Cidr, n: number): boolean {
  return n >= c.base && n < c.base + c.size;
}

function portMatches(r: PortMatcher, packet: Packet): boolean {
  return r.protocol === packet.protocol && packet.dport >= r.port && packet.dport <= r.endPort && (!r.dstIPs || r.dstIPs.has(packet.dst));
}
