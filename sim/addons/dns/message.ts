/**
 * DNS questions and answers as the simulator carries them between a Pod's resolver and CoreDNS:
 * only what the course shows (A, SRV, PTR records; NOERROR / NXDOMAIN, with the zone's SOA for a
 * negative answer), no wire format. Sizes on the wire are computed in wire.ts.
 */
/** The types a client may ask; the cluster zone has A, SRV and PTR records, so the others find none. */
export type DnsType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'SOA' | 'NS' | 'CNAME' | 'MX' | 'TXT' | 'ANY';
export const dnsTypes: readonly DnsType[] = ['A', 'AAAA', 'SRV', 'PTR', 'SOA', 'NS', 'CNAME', 'MX', 'TXT', 'ANY'];

export interface DnsQuestion {
  /** Fully qualified, lower case, without the trailing dot. */
  name: string;
  type: DnsType;
}

export interface SoaData {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

export interface DnsRecord {
  name: string;
  type: 'A' | 'SRV' | 'PTR' | 'SOA';
  ttl: number;
  /** For A records. */
  address?: string;
  /** For SRV records. */
  srv?: { priority: number; weight: number; port: number; target: string };
  /** For PTR records: the name, without the trailing dot. */
  ptr?: string;
  /** For SOA records (the authority section of a negative answer). */
  soa?: SoaData;
}

export interface DnsResponse {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: DnsRecord[];
  /** A records for SRV targets, as CoreDNS adds them in the additional section. */
  additional: DnsRecord[];
  /** The zone's SOA when the answer is negative (NXDOMAIN, or a name with no record of the type). */
  authority?: DnsRecord[];
  /** The AA flag: the server answered from its own zone (CoreDNS's kubernetes plugin), not from upstream. */
  authoritative?: boolean;
}

/** Lower-cases a name and drops a trailing dot: DNS names compare case-insensitively. */
export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** The reverse-lookup name of an IPv4 address: 10.96.0.10 → 10.0.96.10.in-addr.arpa. */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}
