/**
 * Netfilter's tables, chains and rules as structured data: one source of truth that
 * `iptables-save` renders (netfilter-render.ts) and the packet walk evaluates (netfilter-eval.ts).
 *
 * Only the matches and targets kube-proxy's iptables mode writes are modelled. Each one carries
 * the values the kernel module keeps, so the renderer prints what iptables-save prints and the
 * evaluator decides what the kernel decides.
 */
import type { Protocol } from './packet';

/** A match, in the order it appears on the rule. */
export type Match =
  /** `-s CIDR` / `! -s CIDR` (ip header part). */
  | { m: 'src'; cidr: string; invert?: boolean }
  /** `-d CIDR` / `! -d CIDR` (ip header part). */
  | { m: 'dst'; cidr: string; invert?: boolean }
  /** `-i IFACE` / `! -o IFACE` (ip header part): the interface the packet came in by or leaves by. */
  | { m: 'iface'; dir: 'in' | 'out'; name: string; invert?: boolean }
  /** `-p tcp` (ip header part). */
  | { m: 'proto'; protocol: Protocol }
  /** `-m comment --comment TEXT`: matches everything. */
  | { m: 'comment'; text: string }
  /** `-m tcp --dport N` (or udp); `-m tcp` alone when `dport` is absent. */
  | { m: 'port'; protocol: Protocol; dport?: number }
  /** `-m mark --mark VALUE/MASK`, matches when (mark & mask) == value. */
  | { m: 'mark'; value: number; mask: number; invert?: boolean }
  /** `-m statistic --mode random --probability P`: P as kube-proxy wrote it. */
  | { m: 'statistic'; probability: string }
  /** `-m recent --set` or `--rcheck --seconds S --reap`, on the source address. */
  | { m: 'recent'; op: 'set' | 'rcheck'; name: string; seconds?: number; reap?: boolean }
  /** `-m addrtype --dst-type LOCAL` / `--src-type LOCAL`. */
  | { m: 'addrtype'; dir: 'src' | 'dst'; type: 'LOCAL'; invert?: boolean }
  /** `-m conntrack --ctstate A,B`. */
  | { m: 'ctstate'; states: CtState[]; invert?: boolean }
  /** `-m nfacct --nfacct-name NAME`: counts the packet in an nfacct object, matches everything. */
  | { m: 'nfacct'; name: string }
  /** `-m multiport --dports 8080,8081` (with `-p`): the destination port is one of these. */
  | { m: 'multiport'; dports: number[] };

export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'DNAT';

export type Target =
  | { t: 'jump'; chain: string }
  | { t: 'ACCEPT' }
  | { t: 'DROP' }
  | { t: 'RETURN' }
  | { t: 'REJECT'; with: 'icmp-port-unreachable' }
  | { t: 'DNAT'; to: string }
  | { t: 'MASQUERADE'; randomFully?: boolean }
  /** `-j MARK --set-xmark VALUE/MASK`: mark = (mark & ~mask) ^ value (--or-mark, --xor-mark are spellings of it). */
  | { t: 'MARK'; value: number; mask: number }
  /** No `-j` at all: the rule only counts (and documents, with its comment); the packet goes on. */
  | { t: 'none' };

export interface Rule {
  matches: Match[];
  target: Target;
}

export interface Chain {
  name: string;
  /** Built-in chains have a policy; user chains print `-`. */
  policy?: 'ACCEPT' | 'DROP';
  rules: Rule[];
}

export type TableName = 'nat' | 'filter';

/** One table: its chains by name, built-in chains first in hook order. */
export interface Table {
  name: TableName;
  chains: Map<string, Chain>;
}

/** The built-in chains of each table, in the order iptables-save lists them. */
export const builtinChains: Record<TableName, string[]> = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** An empty table with only its built-in chains, policy ACCEPT: a node before any agent wrote rules. */
export function emptyTable(name: TableName): Table {
  const chains = new Map<string, Chain>();
  for (const c of builtinChains[name]) chains.set(c, { name: c, policy: 'ACCEPT', rules: [] });
  return { name, chains };
}

/** A node's netfilter state: the tables agents write, and the `recent` module's address lists. */
export class Netfilter {
  nat: Table = emptyTable('nat');
  filter: Table = emptyTable('filter');
  /** xt_recent lists: list name → source IP → virtual ms last seen. */
  readonly recent = new Map<string, Map<string, number>>();

  /** Replaces whole tables at once, as iptables-restore commits a table atomically. */
  restore(tables: { nat: Table; filter: Table }): void {
    this.nat = tables.nat;
    this.filter = tables.filter;
  }

  /**
   * What kube-proxy's `iptables-restore --noflush` does: the chains in `tables` replace those of
   * the same name; a built-in chain keeps its other rules after the given ones (kube-proxy's jumps
   * are prepended, once); every other KUBE-* chain is kube-proxy's and goes; other agents' chains
   * (IP-MASQ-AGENT) stay.
   */
  restoreOwned(tables: { nat: Table; filter: Table }): void {
    this.nat = merged(this.nat, tables.nat);
    this.filter = merged(this.filter, tables.filter);
  }

  /** A machine that boots: only the built-in chains, no address lists (rules are not persisted). */
  reset(): void {
    this.restore({ nat: emptyTable('nat'), filter: emptyTable('filter') });
    this.recent.clear();
  }

  table(name: TableName): Table {
    return name === 'nat' ? this.nat : this.filter;
  }
}

function merged(current: Table, owned: Table): Table {
  const chains = new Map<string, Chain>();
  for (const [name, chain] of owned.chains) {
    const before = current.chains.get(name);
    if (chain.policy === undefined || !before) chains.set(name, chain);
    else {
      const mine = new Set(chain.rules.map((r) => JSON.stringify(r)));
      chains.set(name, { ...chain, rules: [...chain.rules, ...before.rules.filter((r) => !mine.has(JSON.stringify(r)))] });
    }
  }
  for (const [name, chain] of current.chains) if (!chains.has(name) && !name.startsWith('KUBE-')) chains.set(name, chain);
  return { name: current.name, chains };
}

/** A small builder for rules, so rule-writing code reads like the iptables command line. */
export function rule(target: Target, ...matches: Match[]): Rule {
  return { matches, target };
}
