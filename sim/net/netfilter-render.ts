/**
 * Renders netfilter tables as `iptables-save` (iptables v1.8.10, nf_tables backend) prints them.
 *
 * What iptables-save normalises, and this renderer reproduces:
 * - the ip header parts come first, in the order src, dst, protocol (iptables/nft-shared.c
 *   save_ipv4_addr / print_ipv4_addresses), then every `-m` match in the order it was added;
 * - addresses carry their prefix length (`-d 10.96.0.10/32`);
 * - a comment is quoted unless it is only `[_-0-9A-Za-z]` (libxtables xtables_save_string);
 * - statistic's probability is stored as a 31-bit integer, lround(0x80000000 * p), and printed as
 *   that integer / 0x80000000 with `%.11f` (extensions/libxt_statistic.c), so kube-proxy's
 *   `0.3333333333` reads back as `0.33333333349`;
 * - `--or-mark M` and `--xor-mark M` are saved as `--set-xmark M/M` and `--set-xmark M/0x0`, and an
 *   all-ones netmask of `recent` is not printed (extensions/libxt_MARK.c, libxt_recent.c, since
 *   iptables 1.8.9, "extensions: Do not print all-one's netmasks").
 */
import { builtinChains, type Chain, type Match, type Rule, type Table, type Target } from './netfilter';
import { dayAbbr, monthAbbr } from '../core/calendar';

/** The iptables release whose output is imitated. */
export const iptablesVersion = 'v1.8.10 (nf_tables)';

const noQuote = /^[_\-0-9A-Za-z]+$/;

/** A string argument as iptables-save writes it: bare when safe, else in double quotes. */
export function saveString(s: string): string {
  return noQuote.test(s) ? s : `"${s.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** An address or block with its prefix length, as iptables prints it. */
function withPrefix(cidr: string): string {
  return cidr.includes('/') ? cidr : `${cidr}/32`;
}

/** The probability iptables-save prints for the probability kube-proxy wrote. */
export function savedProbability(p: string): string {
  return (Math.round(0x80000000 * Number(p)) / 0x80000000).toFixed(11);
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

function matchText(m: Match): string {
  const not = 'invert' in m && m.invert ? '! ' : '';
  switch (m.m) {
    case 'src':
      return `${not}-s ${withPrefix(m.cidr)}`;
    case 'dst':
      return `${not}-d ${withPrefix(m.cidr)}`;
    case 'iface':
      return `${not}-${m.dir === 'in' ? 'i' : 'o'} ${m.name}`;
    case 'proto':
      return `-p ${m.protocol.toLowerCase()}`;
    case 'comment':
      return `-m comment --comment ${saveString(m.text)}`;
    case 'port':
      return `-m ${m.protocol.toLowerCase()}${m.dport === undefined ? '' : ` --dport ${m.dport}`}`;
    case 'mark':
      return `-m mark ${not}--mark ${hex(m.value)}/${hex(m.mask)}`;
    case 'statistic':
      return `-m statistic --mode random --probability ${savedProbability(m.probability)}`;
    case 'recent':
      return m.op === 'set'
        ? `-m recent --set --name ${m.name} --rsource`
        : `-m recent --rcheck --seconds ${m.seconds}${m.reap ? ' --reap' : ''} --name ${m.name} --rsource`;
    case 'addrtype':
      return `-m addrtype ${not}--${m.dir}-type ${m.type}`;
    case 'ctstate':
      return `-m conntrack ${not}--ctstate ${m.states.join(',')}`;
    case 'nfacct':
      // libxt_nfacct prints " --nfacct-name " and xtables_save_string adds its own space.
      return `-m nfacct --nfacct-name  ${m.name}`;
    case 'multiport':
      return `-m multiport --dports ${m.dports.join(',')}`;
  }
}

function targetText(t: Target): string {
  switch (t.t) {
    case 'jump':
      return `-j ${t.chain}`;
    case 'REJECT':
      return `-j REJECT --reject-with ${t.with}`;
    case 'DNAT':
      return `-j DNAT --to-destination ${t.to}`;
    case 'MASQUERADE':
      return `-j MASQUERADE${t.randomFully ? ' --random-fully' : ''}`;
    case 'MARK':
      return `-j MARK --set-xmark ${hex(t.value)}/${hex(t.mask)}`;
    default:
      return `-j ${t.t}`;
  }
}

// Addresses, then interfaces, then the protocol (nft-shared.c: save_ipv4_addr, save_iface, proto).
const ipParts = new Set(['src', 'dst', 'iface', 'proto']);
const ipOrder = (m: Match) => (m.m === 'src' ? 0 : m.m === 'dst' ? 1 : m.m === 'iface' ? (m.dir === 'in' ? 2 : 3) : 4);
const rendered = new WeakMap<Rule, string>();

/** One rule as iptables-save prints it: `-A CHAIN -d 10.96.0.10/32 -p udp -m comment … -j …`. */
export function renderRule(chain: string, r: Rule): string {
  const cached = rendered.get(r);
  if (cached) return cached;
  const head = r.matches.filter((m) => ipParts.has(m.m)).sort((a, b) => ipOrder(a) - ipOrder(b));
  const rest = r.matches.filter((m) => !ipParts.has(m.m));
  const text = ['-A', chain, ...head.map(matchText), ...rest.map(matchText), ...(r.target.t === 'none' ? [] : [targetText(r.target)])].join(' ');
  rendered.set(r, text);
  return text;
}

/** Built-in chains in hook order, then user chains sorted by name, as iptables-save lists them. */
export function orderedChains(table: Table): Chain[] {
  const builtins = builtinChains[table.name].map((n) => table.chains.get(n)!).filter(Boolean);
  const user = [...table.chains.values()].filter((c) => c.policy === undefined).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtins, ...user];
}

/**
 * The date line iptables-save prints, from ctime(3): `Thu Jan  1 00:00:00 2026` (UTC: the
 * simulated nodes run on UTC).
 */
export function ctime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dayAbbr[d.getUTCDay()]} ${monthAbbr[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** One table's block of iptables-save output, from the `# Generated by` line to `# Completed on`. */
export function renderTable(table: Table, epochMs: number): string {
  const when = ctime(epochMs);
  const chains = orderedChains(table);
  const lines = [`# Generated by iptables-save ${iptablesVersion} on ${when}`, `*${table.name}`];
  for (const c of chains) lines.push(`:${c.name} ${c.policy ?? '-'} [0:0]`);
  for (const c of chains) for (const r of c.rules) lines.push(renderRule(c.name, r));
  lines.push('COMMIT', `# Completed on ${when}`);
  return lines.join('\n') + '\n';
}
