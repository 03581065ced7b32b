import type { Program } from '../programs';
import { bindVersion, lookupHost } from './dns-tools';
import { parseResolvConf, searchCandidates } from '../../addons/dns/resolver';
import { DnsSocket, type DnsExchange } from '../../addons/dns/server';
import { canonicalName, reverseName, type DnsRecord, type DnsType } from '../../addons/dns/message';
import { digClient, responseBytes, type DnsClient } from '../../addons/dns/wire';

/** BIND 9.9's dig (Debian 8's, in jessie-dnsutils): EDNS with a 4096-byte buffer and no cookie (11 bytes of OPT). */
const dig99Client: DnsClient = { optBytes: 11, bufsize: 4096 };
const types: DnsType[] = ['A', 'AAAA', 'SRV', 'PTR', 'SOA', 'NS', 'CNAME', 'MX', 'TXT', 'ANY'];

/**
 * `dig [@SERVER] [-x ADDR] [-t TYPE] NAME [TYPE] [+short] [+search]`, as BIND 9.18's dig prints it:
 * the command line, the header (status, id, flags and section counts), the OPT pseudosection with
 * the 1232-byte EDNS buffer and the client cookie the server echoed, the question, answer,
 * authority and additional sections in master-file format, then the query time, the server, the
 * date and the reply's size. dig does not use the search list unless asked (+search): `dig web`
 * asks for `web.`. `+short` prints only the answers' data. A server that never answers: three
 * `;; communications error` lines, `;; no servers could be reached`, exit code 9.
 * BIND 9.9's dig (jessie-dnsutils) differs where it is older: a 4096-byte buffer and no cookie,
 * no `(UDP)` after the server, and `;; connection timed out; no servers could be reached` under
 * the header when no server answers.
 * Source: bind9 bin/dig/dig.c (printmessage, short_answer), dighost.c; lib/dns/masterdump.c (columns).
 */
export const dig: Program = (ctx, args) => {
  let server: string | undefined;
  let name: string | undefined;
  let type: DnsType | undefined;
  let short = false;
  let search = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '-x' && args[i + 1]) {
      name = `${reverseName(args[++i])}.`;
      type = 'PTR';
    } else if (a === '-t' && args[i + 1]) type = types.find((t) => t === args[++i].toUpperCase());
    else if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a === '+nosearch') search = false;
    else if (a.startsWith('+') || a === '-4' || a.toUpperCase() === 'IN') continue;
    else if (a.startsWith('-')) return { stdout: '', stderr: `Invalid option: ${a}\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n\nUse "dig -h" (or "dig -h | more") for complete list of options\n`, exitCode: 1 };
    else if (name !== undefined && types.includes(a.toUpperCase() as DnsType)) type = a.toUpperCase() as DnsType;
    else name = a;
  }
  const host = lookupHost(ctx);
  if (!host) return { stdout: '', stderr: 'dig: no network\n', exitCode: 10 };
  const version = bindVersion(ctx) ?? '';
  const bind99 = version.startsWith('9.9.');
  const client = bind99 ? dig99Client : digClient;
  const conf = parseResolvConf(host.files.get('/etc/resolv.conf') ?? '');
  const target = server ?? conf.nameservers[0] ?? '127.0.0.1';
  const qtype = type ?? (name === undefined ? 'NS' : 'A');
  const typed = name ?? '.';
  const candidates = search && !typed.endsWith('.') ? searchCandidates(typed, conf) : [canonicalName(typed)];

  const socket = new DnsSocket(ctx.cluster, host.ip, target);
  let reply: DnsExchange | undefined;
  let asked = candidates[0];
  for (const candidate of candidates) {
    asked = candidate;
    reply = socket.exchange({ name: candidate, type: qtype }, client);
    if (reply.outcome !== 'answered' || (reply.response!.rcode === 'NOERROR' && reply.response!.answers.length)) break;
  }
  const command = `\n; <<>> DiG ${version} <<>> ${args.join(' ')}\n${server ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
  if (!reply || reply.outcome !== 'answered') {
    if (bind99) return { stdout: `${short ? '' : command};; connection timed out; no servers could be reached\n`, stderr: '', exitCode: 9, elapsedMs: 15_000 };
    const why = reply?.outcome === 'refused' ? 'connection refused' : reply?.outcome === 'unreachable' ? 'host unreachable' : 'timed out';
    const errors = `;; communications error to ${target}#53: ${why}\n`.repeat(3);
    const elapsedMs = reply?.outcome === 'timeout' ? 15_000 : 0;
    return { stdout: `${errors}${short ? '' : command};; no servers could be reached\n`, stderr: '', exitCode: 9, ...(elapsedMs ? { elapsedMs } : {}) };
  }
  const r = reply.response!;
  if (short) return { stdout: r.answers.map((rr) => `${rdata(rr)}\n`).join(''), stderr: '', exitCode: 0 };

  const flags = ['qr', ...(r.authoritative ? ['aa'] : []), 'rd', ...(r.authoritative ? [] : ['ra'])];
  const authority = r.authority ?? [];
  const now = new Date(ctx.cluster.clock.epochMs + ctx.cluster.clock.now);
  const [day, date, month, year, time] = now.toUTCString().replace(',', '').split(' ');
  const cookie = ((reply.id * 2654435761) >>> 0).toString(16).padStart(8, '0') + ((reply.id * 40503 + 0x9e3779b9) >>> 0).toString(16).padStart(8, '0');
  let out = command;
  out += ';; Got answer:\n';
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${reply.id}\n`;
  out += `;; flags: ${flags.join(' ')}; QUERY: 1, ANSWER: ${r.answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: ${r.additional.length + 1}\n`;
  if (r.authoritative) out += ';; WARNING: recursion requested but not available\n';
  out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${client.bufsize}\n`;
  if (!bind99) out += `; COOKIE: ${cookie} (echoed)\n`;
  out += `;; QUESTION SECTION:\n${columns([`;${asked}.`, 'IN', qtype], [32, 40])}\n\n`;
  for (const [title, records] of [['ANSWER', r.answers], ['AUTHORITY', authority], ['ADDITIONAL', r.additional]] as const) {
    if (records.length) out += `;; ${title} SECTION:\n${records.map((rr) => `${columns([`${rr.name}.`, String(rr.ttl), 'IN', rr.type, rdata(rr)], [24, 32, 40, 48])}\n`).join('')}\n`;
  }
  out += `;; Query time: 0 msec\n;; SERVER: ${target}#53(${target})${bind99 ? '' : ' (UDP)'}\n;; WHEN: ${day} ${month} ${date} ${time} UTC ${year}\n`;
  out += `;; MSG SIZE  rcvd: ${responseBytes({ name: asked }, r, client)}\n\n`;
  return { stdout: out, stderr: '', exitCode: 0 };
};

/** A record's data as dig prints it, names fully qualified. */
function rdata(rr: DnsRecord): string {
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
