import type { NodeHost } from './node-host';
import { klogF, klogS, type KlogValue } from './klog';

/**
 * A node's systemd journal: what the services that run on the machine itself (kube-proxy, the
 * kubelet) write to stderr, as journald keeps it, for `journalctl -u UNIT` over ssh. Bounded: the
 * oldest entries go first, as journald rotates its files.
 */
export interface JournalEntry {
  /** Virtual ms. */
  at: number;
  /** The systemd unit, `kube-proxy.service`. */
  unit: string;
  /** SYSLOG_IDENTIFIER: the program's name. */
  identifier: string;
  pid: number;
  /** The line as written, or a klog line kept as data (formatted only when read). */
  message: string | KlogRecord;
  /** Which boot of the machine wrote it (see bootAgain). */
  boot: number;
}

/** A klog line's parts: wall-clock ms (its fraction gives the µs), `file:line`, the message and its values. */
export interface KlogRecord {
  severity: 'I' | 'W' | 'E';
  wallMs: number;
  where: string;
  message: string;
  values?: [string, KlogValue][];
  /** A printf-style line (Infof): the message is not quoted. */
  printf?: boolean;
}

/** An entry's MESSAGE as journalctl prints it. */
export function journalMessage(e: JournalEntry): string {
  const m = e.message;
  if (typeof m === 'string') return m;
  return m.printf ? klogF(m.severity, m.wallMs, e.pid, m.where, m.message) : klogS(m.severity, m.wallMs, e.pid, m.where, m.message, m.values);
}

/** The entries the journal still holds, oldest first. */
export function journalEntries(node: NodeHost): JournalEntry[] {
  return (node.journal ?? []).slice(-journalCapacity);
}

/** How many entries a node keeps. */
export const journalCapacity = 5000;

declare module './node-host' {
  interface NodeHost {
    /** The machine's journal, once a service has written to it. */
    journal?: JournalEntry[];
  }
}

export function writeJournal(node: NodeHost, entry: Omit<JournalEntry, 'boot'>): void {
  const journal = (node.journal ??= []);
  journal.push({ ...entry, boot: node.boot ?? 0 });
  // Rotation, done now and then rather than at every line: readers see the last journalCapacity.
  if (journal.length > 2 * journalCapacity) journal.splice(0, journal.length - journalCapacity);
}
