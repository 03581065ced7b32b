import type { NodeHost } from './node-host';

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
  message: string;
  /** Which boot of the machine wrote it (see bootAgain). */
  boot: number;
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
  if (journal.length > journalCapacity) journal.splice(0, journal.length - journalCapacity);
}
