/**
 * What RulesView draws: one node's `iptables-save -t nat`, as the engine renders it for
 * `ssh NODE iptables-save -t nat`, split into lines that can be filtered to one Service and
 * marked where a packet's walk matched them; and when kube-proxy last synced.
 */
import type { Cluster } from '../../sim/cluster';
import { renderTable } from '../../sim/net/netfilter-render';
import { nowMs } from '../../sim/console/context';

export interface RuleLine {
  /** Its line number in the whole output (a stable key). */
  n: number;
  text: string;
  kind: 'comment' | 'table' | 'chain' | 'rule' | 'commit';
  /** The chain the line declares or appends to. */
  chain?: string;
  /** A packet's walk matched this rule. */
  taken: boolean;
}

export interface RulesView {
  node: string;
  /** The lines shown (all, or those of one Service and the chains they jump to). */
  lines: RuleLine[];
  /** How many rule lines the whole table has. */
  total: number;
  kubeProxyRunning: boolean;
  /** Virtual ms of kube-proxy's last sync on this node, if any. */
  lastSyncAt?: number;
  syncCount: number;
}

/**
 * The nat table of `node`. With `service` (`namespace/name`), only the lines of that Service: its
 * rules (kube-proxy's comments name it) and the declarations of the chains they use. `taken` lists
 * rule texts (as iptables-save prints them) that a packet matched.
 */
export function rulesView(cluster: Cluster, node: string, service?: string, taken: readonly string[] = []): RulesView {
  const host = cluster.nodes.get(node);
  if (!host) return { node, lines: [], total: 0, kubeProxyRunning: false, syncCount: 0 };
  const text = renderTable(host.netfilter.nat, nowMs(cluster));
  const takenSet = new Set(taken);
  const all: RuleLine[] = text
    .trimEnd()
    .split('\n')
    .map((line, n) => {
      if (line.startsWith('#')) return { n, text: line, kind: 'comment', taken: false };
      if (line.startsWith('*')) return { n, text: line, kind: 'table', taken: false };
      if (line.startsWith(':')) return { n, text: line, kind: 'chain', chain: line.slice(1).split(' ')[0], taken: false };
      if (line.startsWith('-A ')) return { n, text: line, kind: 'rule', chain: line.split(' ')[1], taken: takenSet.has(line) };
      return { n, text: line, kind: 'commit', taken: false };
    });
  let lines = all;
  if (service) {
    // kube-proxy's comments name the Service: "default/web cluster IP", "default/web -> 10.244.1.3:80",
    // "default/web" (a named port adds ":NAME"); see sim/node/kube-proxy-rules.ts.
    const named = new RegExp(`--comment "${service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ ":]`);
    const mine = all.filter((l) => l.kind === 'rule' && named.test(l.text));
    const chains = new Set<string>();
    for (const l of mine) {
      chains.add(l.chain!);
      const jump = / -j (KUBE-[A-Z0-9-]+)/.exec(l.text)?.[1];
      if (jump) chains.add(jump);
    }
    lines = all.filter((l) => l.kind === 'table' || l.kind === 'commit' || (l.kind === 'chain' && chains.has(l.chain!)) || mine.includes(l));
  }
  const proxy = host.kubeProxy;
  return {
    node,
    lines,
    total: all.filter((l) => l.kind === 'rule').length,
    kubeProxyRunning: proxy?.running ?? false,
    lastSyncAt: proxy && Number.isFinite(proxy.lastSyncAt) ? proxy.lastSyncAt : undefined,
    syncCount: proxy?.syncCount ?? 0,
  };
}
