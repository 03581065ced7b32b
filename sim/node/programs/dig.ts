import type { Program } from '../programs';
import { bindVersion, lookupHost, serverAddress } from './dns-tools';
import { parseResolvConf, searchCandidates } from '../../addons/dns/resolver';
import { DnsSocket, type DnsExchange } from '../../addons/dns/server';
import { canonicalName, dnsTypes, reverseName, type DnsType } from '../../addons/dns/message';
import { digClient, type DnsClient } from '../../addons/dns/wire';
import { printReply, rdata, type DigDisplay } from './dig-print';

/** BIND 9.9's dig (Debian 8's, in jessie-dnsutils): EDNS with a 4096-byte buffer and no cookie (11 bytes of OPT). */
const dig99Client: DnsClient = { proto: 'udp', optBytes: 11, bufsize: 4096 };

/**
 * `dig [@SERVER] [-x ADDR] [-t TYPE] NAME [TYPE] [+short] [+search] [+[no]all|cmd|comments|question|answer|authority|additional|stats]`,
 * as BIND 9.18's dig prints it: the command line, then the reply (see printReply), each part as
 * the display options leave it (`+noall +answer`: the answer records alone). dig asks with EDNS
 * (a 1232-byte buffer and a client cookie) and does not use the search list unless asked
 * (+search): `dig web` asks for `web.`; `+tcp` asks over TCP. `+short` prints only the answers' data. A server that
 * never answers: three `;; communications error` lines, `;; no servers could be reached`, exit 9.
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
  let tcp = false;
  const show: DigDisplay = { cmd: true, comments: true, question: true, answer: true, authority: true, additional: true, stats: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const display = /^\+(no)?(all|cmd|comments|question|answer|authority|additional|stats)$/.exec(a);
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '-x' && args[i + 1]) {
      name = `${reverseName(args[++i])}.`;
      type = 'PTR';
    } else if (a === '-t' && args[i + 1]) {
      const wanted = args[++i].toUpperCase();
      type = dnsTypes.find((t) => t === wanted);
    }
    else if (display) {
      const keys = display[2] === 'all' ? (Object.keys(show) as (keyof DigDisplay)[]) : [display[2] as keyof DigDisplay];
      for (const k of keys) show[k] = display[1] === undefined;
    } else if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a === '+nosearch') search = false;
    else if (a === '+tcp' || a === '+vc') tcp = true;
    else if (a.startsWith('+') || a === '-4' || a.toUpperCase() === 'IN') continue;
    else if (a.startsWith('-')) return { stdout: '', stderr: `Invalid option: ${a}\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n\nUse "dig -h" (or "dig -h | more") for complete list of options\n`, exitCode: 1 };
    else if (name !== undefined && dnsTypes.includes(a.toUpperCase() as DnsType)) type = a.toUpperCase() as DnsType;
    else name = a;
  }
  const host = lookupHost(ctx);
  if (!host) return { stdout: '', stderr: 'dig: no network\n', exitCode: 10 };
  const version = bindVersion(ctx) ?? '';
  const bind99 = version.startsWith('9.9.');
  const client: DnsClient = { ...(bind99 ? dig99Client : digClient), ...(tcp ? { proto: 'tcp' } : {}) };
  const conf = parseResolvConf(host.files.get('/etc/resolv.conf') ?? '');
  const target = server === undefined ? conf.nameservers[0] ?? '127.0.0.1' : serverAddress(ctx, host, server);
  if (!target) return { stdout: '', stderr: `dig: couldn't get address for '${server}': not found\n`, exitCode: 10 };
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
  const command = short || !show.cmd ? '' : `\n; <<>> DiG ${version} <<>> ${args.join(' ')}\n${server ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
  if (!reply || reply.outcome !== 'answered') {
    if (bind99) return { stdout: `${command};; connection timed out; no servers could be reached\n`, stderr: '', exitCode: 9, elapsedMs: 15_000 };
    const why = reply?.outcome === 'refused' ? 'connection refused' : reply?.outcome === 'unreachable' ? 'host unreachable' : 'timed out';
    const errors = `;; communications error to ${target}#53: ${why}\n`.repeat(3);
    const elapsedMs = reply?.outcome === 'timeout' ? 15_000 : 0;
    return { stdout: `${errors}${command};; no servers could be reached\n`, stderr: '', exitCode: 9, ...(elapsedMs ? { elapsedMs } : {}) };
  }
  const response = reply.response!;
  if (short) return { stdout: response.answers.map((rr) => `${rdata(rr)}\n`).join(''), stderr: '', exitCode: 0 };
  const nowMs = ctx.cluster.clock.epochMs + ctx.cluster.clock.now;
  return { stdout: command + printReply({ asked, type: qtype, id: reply.id, response, server: target, client, bind99, nowMs }, show), stderr: '', exitCode: 0 };
};
