import type { ExecResult, Program } from '../programs';
import { busyboxBanner } from './busybox';
import { lookupHost, serverAddress } from './dns-tools';
import { DnsSocket } from '../../addons/dns/server';
import { reverseName, type DnsRecord, type DnsType } from '../../addons/dns/message';
import { isIPv4 } from '../../net/ip';
import { kernelHostname } from '../kubelet-pod-files';

const usage = `${busyboxBanner}\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,srv,ptr,any\n`;

/** The query types BusyBox knows, in the order it sends them (its qtypes table); the simulator's server answers A, SRV and PTR, the rest with no record. */
const qtypes: DnsType[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'ANY'];

/** Its options, matched by prefix in this order (index_in_substrings): `-q=a` is `-querytype=a`, `-t=2` is `-timeout=2`. */
const options = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];

/** How long BusyBox waits for one server's replies (default_timeout, 5 s); it sends again halfway (default_retry 2). */
const timeoutMs = 5000;

/**
 * BusyBox 1.36's `nslookup [-type=T] HOST [DNS_SERVER]` (FEATURE_NSLOOKUP_BIG, its own resolver):
 *  - the servers are DNS_SERVER, else resolv.conf's nameservers, else 127.0.0.1; the search list is
 *    resolv.conf's `search` (or `domain`) line, applied only to a name without a dot, whatever ndots
 *    says; no type asks A then AAAA for each candidate, an address asks PTR;
 *  - all queries leave at once, from one socket, to the first server; each reply is printed as it
 *    arrives: `Server:`/`Address:` with `:53` before the first, then the answer's records
 *    (`Non-authoritative answer:` first when it is not authoritative) or `** server can't find NAME:
 *    NXDOMAIN`, and a blank line (a reply with no record prints only the blank line);
 *  - any NXDOMAIN makes the exit code 1, even when another candidate was found;
 *  - queries still without a reply after 5 s: `*** Can't find NAME: No answer`;
 *  - a server that does not answer within 5 s gives way to the next; when none does:
 *    `;; connection timed out; no servers could be reached`, exit code 1. An ICMP error on the
 *    socket is `nslookup: read: Connection refused` on stderr, once per round of sending.
 * Everything else goes to stdout.
 * Source: busybox networking/nslookup.c (nslookup_main, send_queries, parse_reply, parse_resolvconf,
 * add_query_with_search).
 */
export const busyboxNslookup: Program = (ctx, args) => {
  const types: DnsType[] = [];
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const [key, value = ''] = args[i].slice(1).split(/=(.*)/s);
    const option = key ? options.find((o) => o === key) ?? options.find((o) => o.startsWith(key)) : undefined;
    if (!option) return { stdout: '', stderr: usage, exitCode: 1 };
    if (option === 'type' || option === 'querytype') {
      const t = qtypes.find((q) => q.toLowerCase() === value.toLowerCase());
      if (!t) return { stdout: '', stderr: `nslookup: invalid query type "${value}"\n`, exitCode: 1 };
      if (!types.includes(t)) types.push(t);
    }
  }
  const [name, serverArg, extra] = args.slice(i);
  const host = lookupHost(ctx);
  if (!name || extra !== undefined || !host) return { stdout: '', stderr: usage, exitCode: 1 };
  const serverIP = serverArg === undefined ? undefined : serverAddress(ctx, host, serverArg);
  if (serverArg !== undefined && !serverIP) return { stdout: '', stderr: `nslookup: bad address '${serverArg}'\n`, exitCode: 1 };

  const conf = resolvConf(host.files.get('/etc/resolv.conf') ?? '', ctx.pod ? kernelHostname(ctx.pod, ctx.cluster.config) : ctx.node?.name ?? '');
  const servers = serverIP ? [serverIP] : conf.servers.length ? conf.servers : ['127.0.0.1'];
  const search = serverArg ? [] : conf.search;
  const withSearch = (type: DnsType) => (name.includes('.') || !search.length ? [name] : search.map((d) => `${name}.${d}`)).map((n) => ({ name: n, type }));
  const queries = isIPv4(name)
    ? [{ name: reverseName(name), type: 'PTR' as DnsType }]
    : (types.length ? qtypes.filter((t) => types.includes(t)) : (['A', 'AAAA'] as DnsType[])).flatMap(withSearch);
  // Transaction IDs: the seconds plus the microseconds of the clock, then one more per query.
  const now = ctx.cluster.clock.epochMs + ctx.cluster.clock.now;
  const firstId = Math.floor(now / 1000) + (now % 1000) * 1000;

  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  let elapsedMs = 0;
  for (const server of servers) {
    const socket = new DnsSocket(ctx.cluster, host.ip, server);
    const replies = queries.map((q, n) => socket.exchange({ name: q.name.toLowerCase().replace(/\.$/, ''), type: q.type }, undefined, (firstId + n) & 0xffff));
    if (!replies.some((r) => r.outcome === 'answered')) {
      const failed = replies.find((r) => r.outcome === 'refused' || r.outcome === 'unreachable');
      if (failed) stderr += `nslookup: read: ${failed.outcome === 'refused' ? 'Connection refused' : 'No route to host'}\n`.repeat(failed.outcome === 'refused' ? 2 : 1);
      elapsedMs += timeoutMs;
      continue;
    }
    stdout += `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
    replies.forEach((r, n) => {
      if (!r.response) return;
      if (r.response.rcode !== 'NOERROR') {
        stdout += `** server can't find ${queries[n].name}: ${r.response.rcode}\n`;
        exitCode = 1;
      } else {
        if (!r.response.authoritative) stdout += 'Non-authoritative answer:\n';
        stdout += r.response.answers.map(printRecord).join('');
      }
      stdout += '\n';
    });
    // Queries left without a reply when the 5 s ran out.
    const unanswered = queries.filter((_, n) => replies[n].outcome !== 'answered');
    if (unanswered.length) {
      stdout += `${unanswered.map((q) => `*** Can't find ${q.name}: No answer\n`).join('')}\n`;
      elapsedMs += timeoutMs;
    }
    return { stdout, stderr, exitCode, ...(elapsedMs ? { elapsedMs } : {}) } satisfies ExecResult;
  }
  return { stdout: `${stdout};; connection timed out; no servers could be reached\n\n`, stderr, exitCode: 1, elapsedMs };
};

/** parse_reply's line for one answer record. */
function printRecord(rr: DnsRecord): string {
  if (rr.type === 'A') return `Name:\t${rr.name}\nAddress: ${rr.address}\n`;
  if (rr.srv) return `${rr.name}\tservice = ${rr.srv.priority} ${rr.srv.weight} ${rr.srv.port} ${rr.srv.target}\n`;
  if (rr.ptr) return `${rr.name}\tname = ${rr.ptr}\n`;
  return '';
}

/**
 * parse_resolvconf: nameserver lines, and the search list from the `search` line (or `domain` when
 * there is no search line), else the domain part of the hostname (a Pod with setHostnameAsFQDN).
 */
function resolvConf(text: string, hostname: string): { servers: string[]; search: string[] } {
  const servers: string[] = [];
  let search: string[] = [];
  let haveSearch = false;
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0]) servers.push(rest[0]);
    else if (key === 'search' && rest.length) {
      haveSearch = true;
      search = rest;
    } else if (key === 'domain' && rest.length && !haveSearch) search = rest;
  }
  if (!search.length && hostname.includes('.')) search = [hostname.slice(hostname.indexOf('.') + 1)];
  return { servers, search: search.join(' ') === '.' ? [] : search };
}
