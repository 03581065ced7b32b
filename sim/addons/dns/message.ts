/**
 * DNS questions and answers as the simulator carries them between a Pod's resolver and CoreDNS:
 * only what the course shows (A and SRV records, NOERROR / NXDOMAIN), no wire format.
 */
export type DnsType = 'A' | 'AAAA' | 'SRV';

export interface DnsQuestion {
  /** Fully qualified, lower case, without the trailing dot. */
  name: string;
  type: DnsType;
}

export interface DnsRecord {
  name: string;
  type: 'A' | 'SRV';
  ttl: number;
  /** For A records. */
  address?: string;
  /** For SRV records. */
  srv?: { priority: number; weight: number; port: number; target: string };
}

export interface DnsResponse {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: DnsRecord[];
  /** A records for SRV targets, as CoreDNS adds them in the additional section. */
  additional: DnsRecord[];
}

/** Lower-cases a name and drops a trailing dot: DNS names compare case-insensitively. */
export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}
