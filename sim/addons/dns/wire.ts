import type { DnsQuestion, DnsRecord, DnsResponse } from './message';

/**
 * Sizes of DNS messages on the wire (RFC 1035 section 4), for what tools print about them: the
 * `log` plugin's request and reply sizes, dig's `MSG SIZE  rcvd`. CoreDNS does not compress names
 * in replies this small (request.Scrub compresses only above the fragmentation limit), so every
 * name counts in full.
 */

/** How a client asks: over UDP or TCP, whether it adds an EDNS OPT record (RFC 6891), and what it carries. */
export interface DnsClient {
  proto: 'udp' | 'tcp';
  /** Bytes of the OPT record the client adds (and the server echoes): 0 for none. */
  optBytes: number;
  /** The UDP payload size it advertises: 512 without EDNS. */
  bufsize: number;
}

/** glibc's and musl's stub resolvers, BusyBox's and BIND's nslookup: plain RFC 1035 queries. */
export const plainClient: DnsClient = { proto: 'udp', optBytes: 0, bufsize: 512 };

/** dig 9.18: EDNS with a 1232-byte payload and an 8-byte client COOKIE option (11 + 4 + 8 bytes). */
export const digClient: DnsClient = { proto: 'udp', optBytes: 23, bufsize: 1232 };

const headerBytes = 12;

/** A name's wire length: one length byte per label plus the root's zero byte. */
export function nameBytes(name: string): number {
  return name === '' ? 1 : name.length + 2;
}

function recordBytes(rr: DnsRecord): number {
  let rdata = 0;
  if (rr.type === 'A') rdata = 4;
  else if (rr.type === 'SRV') rdata = 6 + nameBytes(rr.srv!.target);
  else if (rr.type === 'PTR') rdata = nameBytes(rr.ptr!);
  else if (rr.soa) rdata = nameBytes(rr.soa.mname) + nameBytes(rr.soa.rname) + 20;
  return nameBytes(rr.name) + 10 + rdata;
}

export function queryBytes(q: Pick<DnsQuestion, 'name'>, client: DnsClient): number {
  return headerBytes + nameBytes(q.name) + 4 + client.optBytes;
}

export function responseBytes(q: Pick<DnsQuestion, 'name'>, r: DnsResponse, client: DnsClient): number {
  const records = [...r.answers, ...(r.authority ?? []), ...r.additional];
  return queryBytes(q, client) + records.reduce((n, rr) => n + recordBytes(rr), 0);
}
