/**
 * Walks a packet through one hook of one table, as the kernel's xtables do: rules in order, every
 * match must hold, a jump descends into a user chain, RETURN or the end of a user chain goes back
 * up, the built-in chain's policy applies at its end. NAT targets (DNAT, MASQUERADE) are terminal.
 *
 * It reads the same rule structures that iptables-save prints, so what the reader sees in
 * `iptables-save` is exactly what decides the packet's fate.
 */
import { ipToInt, parseCidr, type Cidr } from './ip';
import type { Packet } from './packet';
import type { CtState, Match, Rule, Table } from './netfilter';
import { renderRule } from './netfilter-render';

export interface EvalContext {
  /** The packet's netfilter mark (skb->mark), changed by MARK targets. */
  mark: number;
  /** The connection's conntrack state as the ctstate match sees it. */
  ctstate: CtState;
  /** Is this address one of the node's own (addrtype LOCAL)? */
  isLocal(ip: string): boolean;
  /** A float in [0, 1) from the cluster's seeded source. */
  random(): number;
  /** Virtual milliseconds now, for the recent module. */
  now: number;
  /** The node's xt_recent lists. */
  recent: Map<string, Map<string, number>>;
  /** The interface the packet came in by, and the one it leaves by (`-i`, `-o`), when known. */
  inIface?: string;
  outIface?: string;
}

/** A rule that matched, with its text as iptables-save prints it. */
export interface RuleHit {
  chain: string;
  text: string;
}

export interface EvalResult {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  /** Set when a DNAT rule rewrote the destination: `ip:port`. */
  dnat?: { ip: string; port: number };
  /** Set when a MASQUERADE rule matched. */
  masquerade?: boolean;
  /** Every rule that matched on the way, in order (comments-only rules included). */
  hits: RuleHit[];
  /** The rule that decided the verdict or rewrote the packet, if a rule did. */
  decisive?: RuleHit;
}

const maxDepth = 16;

// Rules hold addresses as text, as iptables-save shows them; matching parses each block and
// address once and keeps the numbers (the kernel holds them as numbers too).
const blocks = new Map<string, Cidr>();
const addresses = new Map<string, number>();

function inBlock(cidr: string, ip: string): boolean {
  let block = blocks.get(cidr);
  if (!block) blocks.set(cidr, (block = parseCidr(cidr.includes('/') ? cidr : `${cidr}/32`)));
  let n = addresses.get(ip);
  if (n === undefined) addresses.set(ip, (n = ipToInt(ip)));
  return n >= block.base && n < block.base + block.size;
}

function matches(m: Match, p: Packet, ctx: EvalContext): boolean {
  switch (m.m) {
    case 'src':
      return inBlock(m.cidr, p.src) !== !!m.invert;
    case 'dst':
      return inBlock(m.cidr, p.dst) !== !!m.invert;
    case 'iface':
      return ((m.dir === 'in' ? ctx.inIface : ctx.outIface) === m.name) !== !!m.invert;
    case 'proto':
      return p.protocol === m.protocol;
    case 'comment':
      return true;
    case 'port':
      return p.protocol === m.protocol && (m.dport === undefined || p.dport === m.dport);
    case 'mark':
      return ((ctx.mark & m.mask) === m.value) !== !!m.invert;
    case 'statistic':
      // xt_statistic: (random u32 & 0x7FFFFFFF) < lround(0x80000000 * p)
      return Math.floor(ctx.random() * 0x80000000) < Math.round(0x80000000 * Number(m.probability));
    case 'recent':
      return recentMatch(m, p, ctx);
    case 'addrtype':
      return ctx.isLocal(m.dir === 'dst' ? p.dst : p.src) !== !!m.invert;
    case 'ctstate':
      return m.states.includes(ctx.ctstate) !== !!m.invert;
    case 'nfacct':
      return true;
    case 'multiport':
      return m.dports.includes(p.dport);
  }
}

/** xt_recent on the source address: `--set` records it and matches; `--rcheck --seconds` looks it up. */
function recentMatch(m: Extract<Match, { m: 'recent' }>, p: Packet, ctx: EvalContext): boolean {
  let list = ctx.recent.get(m.name);
  if (m.op === 'set') {
    if (!list) ctx.recent.set(m.name, (list = new Map()));
    list.set(p.src, ctx.now);
    return true;
  }
  if (!list) return false;
  const windowMs = (m.seconds ?? 0) * 1000;
  if (m.reap) for (const [ip, at] of list) if (ctx.now - at > windowMs) list.delete(ip);
  const seen = list.get(p.src);
  return seen !== undefined && (m.seconds === undefined || ctx.now - seen <= windowMs);
}

/**
 * Evaluates `packet` through `chain` of `table`. The packet itself is not changed: the result says
 * what NAT to apply; the mark in `ctx` is updated in place.
 */
export function evaluate(table: Table, chain: string, packet: Packet, ctx: EvalContext): EvalResult {
  const hits: RuleHit[] = [];
  const result = walk(table, chain, packet, ctx, hits, 0);
  if (result === 'RETURN') {
    const policy = table.chains.get(chain)?.policy ?? 'ACCEPT';
    return { verdict: policy, hits };
  }
  return { ...result, hits };
}

type Walk = Omit<EvalResult, 'hits'> | 'RETURN';

function walk(table: Table, chainName: string, packet: Packet, ctx: EvalContext, hits: RuleHit[], depth: number): Walk {
  const chain = table.chains.get(chainName);
  if (!chain || depth > maxDepth) return 'RETURN';
  for (const r of chain.rules) {
    if (!allMatch(r.matches, packet, ctx)) continue;
    const hit = { chain: chainName, text: renderRule(chainName, r) };
    hits.push(hit);
    const out = apply(r, table, packet, ctx, hits, depth, hit);
    if (out !== 'CONTINUE') return out;
  }
  return 'RETURN';
}

const ipPart = (m: Match) => m.m === 'src' || m.m === 'dst' || m.m === 'proto';

/** As the kernel does (ip_packet_match before the extensions), the ip header parts are checked first. */
function allMatch(ms: Match[], packet: Packet, ctx: EvalContext): boolean {
  for (let i = 0; i < ms.length; i++) if (ipPart(ms[i]) && !matches(ms[i], packet, ctx)) return false;
  for (let i = 0; i < ms.length; i++) if (!ipPart(ms[i]) && !matches(ms[i], packet, ctx)) return false;
  return true;
}

function apply(r: Rule, table: Table, packet: Packet, ctx: EvalContext, hits: RuleHit[], depth: number, hit: RuleHit): Walk | 'CONTINUE' {
  const t = r.target;
  switch (t.t) {
    case 'jump': {
      const sub = walk(table, t.chain, packet, ctx, hits, depth + 1);
      return sub === 'RETURN' ? 'CONTINUE' : sub;
    }
    case 'RETURN':
      return 'RETURN';
    case 'none':
      return 'CONTINUE';
    case 'MARK':
      ctx.mark = (ctx.mark & ~t.mask) ^ t.value;
      return 'CONTINUE';
    case 'DNAT': {
      const i = t.to.lastIndexOf(':');
      return { verdict: 'ACCEPT', dnat: { ip: t.to.slice(0, i), port: Number(t.to.slice(i + 1)) }, decisive: hit };
    }
    case 'MASQUERADE':
      return { verdict: 'ACCEPT', masquerade: true, decisive: hit };
    case 'ACCEPT':
    case 'DROP':
    case 'REJECT':
      return { verdict: t.t, decisive: hit };
  }
}
