/**
 * A node's connection tracking table (nf_conntrack). The first packet of a connection goes through
 * the nat table and creates an entry holding the original tuple and the reply tuple (with the NAT
 * applied); every later packet of the connection follows the entry and never sees a nat rule.
 * That is why Service load balancing is per connection, not per request.
 *
 * Entries expire on the virtual clock; they are checked lazily on lookup and listing, so no timer
 * runs per entry.
 */
import type { Packet, Protocol } from './packet';

/** Timeouts in seconds, the kernel's defaults (Documentation/networking/nf_conntrack-sysctl.rst). */
export const conntrackTimeouts = {
  /** nf_conntrack_tcp_timeout_syn_sent */
  tcpSynSent: 120,
  /** nf_conntrack_tcp_timeout_established: 5 days */
  tcpEstablished: 432_000,
  /** nf_conntrack_tcp_timeout_time_wait */
  tcpTimeWait: 120,
  /** nf_conntrack_tcp_timeout_close */
  tcpClose: 10,
  /** nf_conntrack_udp_timeout: a flow that has not become a stream */
  udp: 30,
  /** nf_conntrack_udp_timeout_stream: a flow with traffic both ways more than once */
  udpStream: 120,
} as const;

export type TcpState = 'SYN_SENT' | 'ESTABLISHED' | 'TIME_WAIT' | 'CLOSE';

export interface Tuple {
  src: string;
  dst: string;
  sport: number;
  dport: number;
}

export interface ConntrackEntry {
  protocol: Protocol;
  /** The connection as the client sent its first packet. */
  original: Tuple;
  /** The connection as the server's replies look: after DNAT, src is the endpoint; after SNAT, dst is the node. */
  reply: Tuple;
  /** TCP only. */
  state?: TcpState;
  /** No reply seen yet ([UNREPLIED]). */
  unreplied: boolean;
  /** Seen in both directions and kept ([ASSURED]). */
  assured: boolean;
  /** Virtual ms when the entry expires. */
  expiresAt: number;
  /** The rule that chose the NAT, for explanations. */
  natRule?: string;
}

function key(protocol: Protocol, t: Tuple): string {
  return `${protocol} ${t.src} ${t.sport} ${t.dst} ${t.dport}`;
}

/** The tuple of a packet. */
export function tupleOf(p: Packet): Tuple {
  return { src: p.src, dst: p.dst, sport: p.sport, dport: p.dport };
}

export class ConntrackTable {
  /** Entries by original-direction key, in creation order. */
  private entries = new Map<string, ConntrackEntry>();

  /** The live entry whose original tuple is this packet's, if any. */
  lookup(p: Packet, now: number): ConntrackEntry | undefined {
    const e = this.entries.get(key(p.protocol, p));
    if (!e) return undefined;
    if (e.expiresAt <= now) {
      this.entries.delete(key(e.protocol, e.original));
      return undefined;
    }
    return e;
  }

  /** Adds (confirms) the entry for a connection's first packet. */
  confirm(entry: ConntrackEntry): void {
    this.entries.set(key(entry.protocol, entry.original), entry);
  }

  /** Restarts an entry's timer for a new state, as a packet of the connection passes. */
  refresh(e: ConntrackEntry, now: number, state?: TcpState): void {
    if (state) e.state = state;
    e.expiresAt = now + timeoutFor(e) * 1000;
  }

  /** Live entries, oldest first; expired ones are dropped. */
  list(now: number): ConntrackEntry[] {
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
    return [...this.entries.values()];
  }

  /** `conntrack -F`: drops every entry. */
  flush(): number {
    const n = this.entries.size;
    this.entries.clear();
    return n;
  }
}

/** The timeout, in seconds, that applies to an entry in its current state. */
export function timeoutFor(e: ConntrackEntry): number {
  if (e.protocol === 'UDP') return e.assured ? conntrackTimeouts.udpStream : conntrackTimeouts.udp;
  switch (e.state) {
    case 'SYN_SENT':
      return conntrackTimeouts.tcpSynSent;
    case 'TIME_WAIT':
      return conntrackTimeouts.tcpTimeWait;
    case 'CLOSE':
      return conntrackTimeouts.tcpClose;
    default:
      return conntrackTimeouts.tcpEstablished;
  }
}

// IANA protocol numbers (/etc/protocols).
const protoNumber: Record<Protocol, number> = { TCP: 6, UDP: 17, ICMP: 1 };

function tupleText(t: Tuple): string {
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
}

/**
 * One line of `conntrack -L`, as conntrack-tools prints it (src/conntrack.c with
 * libnetfilter_conntrack's default output): the protocol name padded to 8 columns, its number,
 * the seconds left, the TCP state, both tuples, the flags, `mark=0 use=1`.
 *
 * The kernel reports the time left as whole seconds, truncated, and its timer has been running
 * since the last packet: a connection made this instant shows 431999, not 432000.
 */
export function formatEntry(e: ConntrackEntry, now: number): string {
  const left = Math.max(0, Math.ceil((e.expiresAt - now) / 1000) - 1);
  const parts = [`${e.protocol.toLowerCase().padEnd(8)} ${protoNumber[e.protocol]} ${left}`];
  if (e.state) parts.push(e.state);
  parts.push(tupleText(e.original));
  if (e.unreplied) parts.push('[UNREPLIED]');
  parts.push(tupleText(e.reply));
  if (e.assured) parts.push('[ASSURED]');
  parts.push('mark=0', 'use=1');
  return parts.join(' ');
}
