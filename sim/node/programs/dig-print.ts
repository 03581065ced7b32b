import type { DnsRecord, DnsResponse } from '../../addons/dns/message';
import { responseBytes, type DnsClient } from '../../addons/dns/wire';

/** What dig prints, as its `+[no]cmd`, `+[no]comments`, `+[no]question`, … options choose (`+noall` clears them all). */
export interface DigDisplay {
  cmd: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
}

/** One reply, and what dig knows about the query it answers. */
export interface DigReply {
  /** The name asked, fully qualified without the trailing dot. */
  asked: string;
  type: string;
  id: number;
  response: DnsResponse;
  server: string;
  client: DnsClient;
  /** BIND 9.9 prints no cookie and no protocol after the server. */
  bind99: boolean;
  /** Wall-clock milliseconds, for `;; WHEN:`. */
  nowMs: number;
}

/**
 * dig's printmessage: the header (status, id, flags, section counts) and the OPT pseudosection
 * with the EDNS buffer and the echoed client cookie (comments), the question, answer, authority
 * and additional sections in master-file columns, then the statistics (query time, server, date,
 * size). Source: bind9 bin/dig/dig.c (printmessage), lib/dns/masterdump.c (columns).
 */
export function printReply(reply: DigReply, show: DigDisplay): string {
  const r = reply.response;
  const authority = r.authority ?? [];
  let out = '';
  if (show.comments) {
    const flags = ['qr', ...(r.authoritative ? ['aa'] : []), 'rd', ...(r.authoritative ? [] : ['ra'])];
    out += ';; Got answer:\n';
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${reply.id}\n`;
    out += `;; flags: ${flags.join(' ')}; QUERY: 1, ANSWER: ${r.answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: ${r.additional.length + 1}\n`;
    if (r.authoritative) out += ';; WARNING: recursion requested but not available\n';
    out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${reply.client.bufsize}\n`;
    if (!reply.bind99) out += `; COOKIE: ${cookie(reply.id)} (echoed)\n`;
  }
  if (show.question) out += section('QUESTION', [columns([`;${reply.asked}.`, 'IN', reply.type], [32, 40])], show.comments);
  for (const [title, records, on] of [['ANSWER', r.answers, show.answer], ['AUTHORITY', authority, show.authority], ['ADDITIONAL', r.additional, show.additional]] as const) {
    if (on && records.length) out += section(title, records.map(recordLine), show.comments);
  }
  if (show.stats) {
    const [day, date, month, year, time] = new Date(reply.nowMs).toUTCString().replace(',', '').split(' ');
    out += `;; Query time: 0 msec\n;; SERVER: ${reply.server}#53(${reply.server})${reply.bind99 ? '' : ` (${reply.client.proto.toUpperCase()})`}\n;; WHEN: ${day} ${month} ${date} ${time} UTC ${year}\n`;
    out += `;; MSG SIZE  rcvd: ${responseBytes({ name: reply.asked }, r, reply.client)}\n\n`;
  }
  return out;
}

/** A section: its heading and a blank line after it when comments are on. */
function section(title: string, lines: string[], comments: boolean): string {
  const body = lines.map((l) => `${l}\n`).join('');
  return comments ? `;; ${title} SECTION:\n${body}\n` : body;
}

/** The client COOKIE dig sent and CoreDNS echoed: 8 bytes, derived here from the query's ID. */
function cookie(id: number): string {
  return ((id * 2654435761) >>> 0).toString(16).padStart(8, '0') + ((id * 40503 + 0x9e3779b9) >>> 0).toString(16).padStart(8, '0');
}

/** A record in master-file format: name, TTL, class, type, data. */
function recordLine(rr: DnsRecord): string {
  return columns([`${rr.name}.`, String(rr.ttl), 'IN', rr.type, rdata(rr)], [24, 32, 40, 48]);
}

/** A record's data as dig prints it, names fully qualified. */
export function rdata(rr: DnsRecord): string {
  if (rr.type === 'A') return rr.address!;
  if (rr.srv) return `${rr.srv.priority} ${rr.srv.weight} ${rr.srv.port} ${rr.srv.target}.`;
  if (rr.ptr) return `${rr.ptr}.`;
  const s = rr.soa!;
  return `${s.mname}. ${s.rname}. ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
}

/**
 * Fields laid out as BIND's master-file style does: each field after the first starts at the next
 * of `stops` (columns 24, 32, 40, 48 for a record; 32, 40 for the question), reached with tabs 8
 * wide; a field that runs past its stop is followed by one space instead.
 */
function columns(fields: string[], stops: number[]): string {
  let line = '';
  let col = 0;
  fields.forEach((f, i) => {
    line += f;
    col += f.length;
    if (i === fields.length - 1) return;
    if (col >= stops[i]) {
      line += ' ';
      col += 1;
    } else {
      while (col < stops[i]) {
        line += '\t';
        col += 8 - (col % 8);
      }
    }
  });
  return line;
}
