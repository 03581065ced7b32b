import type { HostEnvironment } from '../../node/programs';
import { isIPv4 } from '../../net/ip';
import { canonicalName, type DnsResponse, type DnsType } from './message';
import { exchangeDns, type DnsExchange } from './server';
import { neighbourFailureMs } from '../../net/dataplane';

/**
 * The C library's stub resolver inside a container (glibc's res_search and getaddrinfo): it reads
 * /etc/hosts and /etc/resolv.conf from the container's files and asks the name server through the
 * Pod's network.
 *
 * Search order (resolv.conf(5)): a name ending in a dot is tried as is only; a name with at least
 * `ndots` dots is tried as is first, then with each search domain; a shorter name is tried with
 * each search domain first, then as is. NXDOMAIN and empty answers go on to the next candidate; a
 * name server that does not answer ends the search. Each query waits `timeout` seconds (5) and is
 * tried `attempts` times (2); an ICMP "port unreachable" fails the query at once; an ICMP "host
 * unreachable" ends each attempt when ARP gives up (3 s).
 * (musl differs in details the course does not show: it does not try a name as is after the search.)
 */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  timeoutMs: number;
  attempts: number;
}

/** Parses /etc/resolv.conf with glibc's defaults (ndots 1, timeout 5 s, attempts 2; resolv.h). */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeoutMs: 5000, attempts: 2 };
  for (const line of text.split('\n')) {
    const [key, ...values] = line.trim().split(/\s+/);
    if (key === 'nameserver' && values[0]) conf.nameservers.push(values[0]);
    else if (key === 'search' || key === 'domain') conf.search = values;
    else if (key === 'options') {
      for (const opt of values) {
        const [name, value] = opt.split(':');
        const n = Number(value);
        if (!Number.isInteger(n)) continue;
        if (name === 'ndots') conf.ndots = Math.min(n, 15);
        if (name === 'timeout') conf.timeoutMs = n * 1000;
        if (name === 'attempts') conf.attempts = n;
      }
    }
  }
  return conf;
}

/** The names the resolver tries for `name`, in order. */
export function searchCandidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [canonicalName(name)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((d) => canonicalName(`${name}.${d}`));
  return dots >= conf.ndots ? [canonicalName(name), ...searched] : [...searched, canonicalName(name)];
}

/** One query the resolver sent, for traces and nslookup. */
export interface SentQuery {
  name: string;
  type: DnsType;
  server: string;
  outcome: DnsExchange['outcome'];
  response?: DnsResponse;
}

export interface Resolution {
  /** The answer that ended the search, with the name it is for; undefined when none was found. */
  name?: string;
  response?: DnsResponse;
  /** Why the search failed: no such name, or no name server reachable. */
  failure?: 'NXDOMAIN' | 'unreachable';
  /** Virtual time spent waiting for replies. */
  elapsedMs: number;
  queries: SentQuery[];
}

/**
 * Resolves `name` for `type` as the container at `podIP` with these files would. getaddrinfo reads
 * /etc/hosts first for A lookups (nsswitch `hosts: files dns`); nslookup asks DNS only.
 */
export function resolve(
  cluster: HostEnvironment,
  podIP: string,
  files: Map<string, string>,
  name: string,
  type: DnsType,
  opts: { hostsFile: boolean } = { hostsFile: true },
): Resolution {
  if (type === 'A' && opts.hostsFile) {
    const fromHosts = hostsLookup(files.get('/etc/hosts') ?? '', name);
    if (fromHosts) {
      return { name: canonicalName(name), response: { rcode: 'NOERROR', answers: [{ name: canonicalName(name), type: 'A', ttl: 0, address: fromHosts }], additional: [] }, elapsedMs: 0, queries: [] };
    }
  }
  const conf = parseResolvConf(files.get('/etc/resolv.conf') ?? '');
  const queries: SentQuery[] = [];
  let elapsedMs = 0;
  for (const candidate of searchCandidates(name, conf)) {
    let reply: SentQuery | undefined;
    for (const server of conf.nameservers) {
      for (let attempt = 0; attempt < conf.attempts; attempt++) {
        const ex = exchangeDns(cluster, podIP, server, { name: candidate, type });
        const sent: SentQuery = { name: candidate, type, server, outcome: ex.outcome, response: ex.response };
        queries.push(sent);
        if (ex.outcome === 'timeout') elapsedMs += conf.timeoutMs;
        // ICMP host unreachable ends the wait as a receive error once ARP gives up; the next
        // attempt tries again (glibc res_send.c send_dg).
        if (ex.outcome === 'unreachable') elapsedMs += Math.min(conf.timeoutMs, neighbourFailureMs);
        if (ex.outcome === 'answered') reply = sent;
        if (ex.outcome !== 'timeout' && ex.outcome !== 'unreachable') break;
      }
      if (reply) break;
    }
    if (!reply) return { failure: 'unreachable', elapsedMs, queries };
    if (reply.response!.rcode === 'NOERROR' && reply.response!.answers.length) {
      return { name: candidate, response: reply.response, elapsedMs, queries };
    }
  }
  return { failure: 'NXDOMAIN', elapsedMs, queries };
}

/** The IPv4 address /etc/hosts gives a name, if any. */
function hostsLookup(hosts: string, name: string): string | undefined {
  const wanted = canonicalName(name);
  for (const line of hosts.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (ip && isIPv4(ip) && names.some((n) => canonicalName(n) === wanted)) return ip;
  }
  return undefined;
}
