import type { DnsResponse } from './message';
import type { DnsQuery } from './server';
import { queryBytes, responseBytes } from './wire';

/** A query as the log plugin sees it; its type may be one the simulator does not answer (the loop plugin's HINFO). */
export type LoggedQuery = Omit<DnsQuery, 'question'> & { question: { name: string; type: string } };

/**
 * One line of CoreDNS's `log` plugin in its default format, as `kubectl logs` shows it:
 * `[INFO] {remote}:{port} - {>id} "{type} {class} {name} {proto} {size} {>do} {>bufsize}" {rcode} {>rflags} {rsize} {duration}`.
 * The flags are the reply's: `qr,aa,rd` for the cluster zone's own answers, `qr,rd,ra` for what
 * `forward` relays. The duration is the server's time to answer; the simulator takes none, so it
 * prints a plausible few tens of microseconds derived from the transaction ID.
 * Source: coredns.io/plugins/log (Log Format, the common format), plugin/pkg/replacer.
 */
export function queryLogLine(q: LoggedQuery, r: DnsResponse): string {
  const flags = r.authoritative ? 'qr,aa,rd' : 'qr,rd,ra';
  const question = `"${q.question.type} IN ${q.question.name}. ${q.client.proto} ${queryBytes(q.question, q.client)} false ${q.client.bufsize}"`;
  const micros = 40 + ((q.id * 7919) % 160);
  const duration = `0.000${String(micros).padStart(3, '0')}${String((q.id * 104729) % 1000).padStart(3, '0')}`.replace(/0+$/, '');
  return `[INFO] ${q.peer.ip}:${q.peer.port} - ${q.id} ${question} ${r.rcode} ${flags} ${responseBytes(q.question, r, q.client)} ${duration}s`;
}
