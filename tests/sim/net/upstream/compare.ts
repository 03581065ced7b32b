import { orderedChains, renderRule, savedProbability } from '../../../../sim/net/netfilter-render';
import type { Table } from '../../../../sim/net/netfilter';

/**
 * Compares rules written two ways: kube-proxy's iptables-restore input (upstream's test
 * expectations) and the engine's iptables-save output. Both are reduced to the options each rule
 * sets, whatever their order and spelling: `-d 1.2.3.4` and `-d 1.2.3.4/32`; `--or-mark M` and
 * `--set-xmark M/M`; a probability as written and as iptables reads it back; the defaults
 * iptables-save prints (`--reject-with icmp-port-unreachable`, `--rsource`, `--mask
 * 255.255.255.255`) and the `-m MODULE` words, implied by their options, are left out.
 */
export function canonicalRule(line: string): string {
  const words = tokens(line);
  const chain = words[1];
  const options: string[] = [];
  for (let i = 2; i < words.length; i++) {
    let not = '';
    if (words[i] === '!') {
      not = '! ';
      i++;
    }
    const w = words[i];
    if (w === '-m') {
      i++;
      continue;
    }
    // --random-fully is left out too: upstream's fake iptables reports no support for it, real ones (and the engine) have it.
    const flags = new Set(['--set', '--rcheck', '--reap', '--rsource', '--random-fully']);
    if (flags.has(w)) {
      if (w !== '--rsource' && w !== '--random-fully') options.push(not + w);
      continue;
    }
    let value = words[++i] ?? '';
    let name = w;
    if ((w === '-d' || w === '-s') && !value.includes('/')) value += '/32';
    if (w === '--probability') value = savedProbability(value);
    if (w === '--or-mark') [name, value] = ['--set-xmark', `${value}/${value}`];
    if (w === '--xor-mark') [name, value] = ['--set-xmark', `${value}/0x0`];
    if (w === '--reject-with' && value === 'icmp-port-unreachable') continue;
    if (w === '--mask' && value === '255.255.255.255') continue;
    options.push(`${not}${name} ${value}`);
  }
  return `${chain}: ${options.sort().join(' ')}`;
}

/** Splits a rule into words, keeping a double-quoted comment as one word. */
function tokens(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  return out;
}

/** Upstream's expected text, table → chain → canonical rules; chains declared without rules are kept. */
export function parseRestoreInput(text: string): Map<string, Map<string, string[]>> {
  const tables = new Map<string, Map<string, string[]>>();
  let table: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('*')) tables.set(line.slice(1), (table = new Map()));
    else if (line.startsWith(':')) table!.set(line.slice(1).split(' ')[0], []);
    else if (line.startsWith('-A ')) table!.get(line.split(' ')[1])!.push(canonicalRule(line));
  }
  return tables;
}

/** The engine's kube-proxy chains (KUBE-*) of one table, the same way. */
export function engineChains(table: Table): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  for (const chain of orderedChains(table)) {
    if (!chain.name.startsWith('KUBE-')) continue;
    chains.set(chain.name, chain.rules.map((r) => canonicalRule(renderRule(chain.name, r))));
  }
  return chains;
}
