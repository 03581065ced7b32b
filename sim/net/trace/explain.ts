/**
 * Explains a connection in words, for widgets and the reader: where the packet went, which rule
 * rewrote it, which conntrack entries now carry the connection. Built only from the trace and the
 * entries: what the data plane did, never what the control plane intended.
 */
import type { Hop } from '../packet';
import type { ConnectResult } from '../dataplane';
import { formatEntry } from '../conntrack';

const endpoint = (ip: string, port: number) => `${ip}:${port}`;

/** One sentence per step that matters, in order. */
export function explainConnection(result: ConnectResult, now: number): string[] {
  const lines: string[] = [];
  const first = result.trace[0];
  if (first) lines.push(`${first.where}: sends ${first.packet.protocol} ${endpoint(first.packet.src, first.packet.sport)} → ${endpoint(first.packet.dst, first.packet.dport)}.`);
  let before: Hop | undefined = first;
  for (const hop of result.trace.slice(1)) {
    const p = hop.packet;
    if (hop.action === 'DNAT' && before) {
      lines.push(`${hop.where}: the rule \`${hop.rule}\` rewrote the destination ${endpoint(before.packet.dst, before.packet.dport)} → ${endpoint(p.dst, p.dport)}.`);
    } else if (hop.action === 'MASQUERADE' && before) {
      lines.push(`${hop.where}: the rule \`${hop.rule}\` rewrote the source ${endpoint(before.packet.src, before.packet.sport)} → ${endpoint(p.src, p.sport)}.`);
    } else if (hop.action === 'REJECT' || hop.action === 'DROP') {
      lines.push(`${hop.where}: ${hop.action}${hop.rule ? ` by \`${hop.rule}\`` : ''}${hop.note ? ` (${hop.note})` : ''}.`);
    } else if (hop.where === 'vpc' || hop.action === 'deliver') {
      lines.push(`${hop.where}: ${hop.note ?? hop.action}.`);
    }
    before = hop;
  }
  const nat = result.trace.some((h) => h.action === 'DNAT' || h.action === 'MASQUERADE');
  if (!nat) lines.push('No rule rewrote the packet at any hop: the server sees the client\'s own address.');
  for (const { node, entry } of result.connection?.entries ?? []) lines.push(`${node} conntrack: ${formatEntry(entry, now)}`);
  lines.push(outcomeSentence(result));
  return lines;
}

function outcomeSentence(result: ConnectResult): string {
  switch (result.outcome) {
    case 'established':
      return `Connection established${result.server ? ` with ${result.server.podName}` : ''}; every later request on it follows the conntrack entries above.`;
    case 'refused':
      return 'Connection refused: the client got a reset (or an ICMP port unreachable).';
    case 'unreachable':
      return 'No route to host: nobody answered for the destination address.';
    case 'timeout':
      return 'No answer: the packet was lost, and the client waits until it times out.';
  }
}
