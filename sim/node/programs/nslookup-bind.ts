import { fail, type Program } from '../programs';
import { parseResolvConf, resolve } from '../../addons/dns/resolver';
import { dnsTypes, reverseName, type DnsType } from '../../addons/dns/message';
import { isIPv4 } from '../../net/ip';
import { bindVersion, lookupHost, serverAddress, withServer } from './dns-tools';

/**
 * `nslookup [-type=T] NAME [SERVER]`, as BIND 9's nslookup (dnsutils, bind-tools) prints
 * it: the server, `Non-authoritative answer:` when the reply is not authoritative, then each
 * answer; an address is looked up in reverse (PTR). `*** Can't find NAME: No answer` when the
 * name has no record of the type; `** server can't find NAME: NXDOMAIN` (for
 * the last name of the search list, the name as typed) and exit code 1. When no name server
 * answers, BIND 9.18 prints three `;; communications error to SERVER#53: connection refused` (or
 * `timed out`) lines and `;; no servers could be reached`; BIND 9.9 (jessie-dnsutils) `;;
 * connection timed out; no servers could be reached`. It applies resolv.conf's search list and
 * ndots, but not /etc/hosts. Everything goes to stdout.
 * Source: bind9 bin/dig/nslookup.c (printmessage, printsection) and dighost.c (next_origin).
 */
export const bindNslookup: Program = (ctx, args) => {
  let type: DnsType = 'A';
  const operands: string[] = [];
  for (const arg of args) {
    const m = arg.match(/^-(?:type|query|q|ty|querytype)=(\w+)$/i);
    if (m) {
      const t = dnsTypes.find((d) => d === m[1].toUpperCase());
      if (!t) return fail(`unknown query type: ${m[1]}\n`);
      type = t;
    } else if (!arg.startsWith('-')) operands.push(arg);
  }
  const host = lookupHost(ctx);
  const [typed, serverArg] = operands;
  if (!typed || !host) return fail('nslookup: no name to look up\n');
  const serverIP = serverArg === undefined ? undefined : serverAddress(ctx, host, serverArg);
  if (serverArg !== undefined && !serverIP) return fail(`nslookup: couldn't get address for '${serverArg}': not found\n`);
  const files = serverIP ? withServer(host.files, serverIP) : host.files;
  const server = parseResolvConf(files.get('/etc/resolv.conf') ?? '').nameservers[0] ?? '127.0.0.1';
  const reverse = isIPv4(typed);
  const name = reverse ? `${reverseName(typed)}.` : typed;
  const result = resolve(ctx.cluster, host.ip, files, name, reverse ? 'PTR' : type, { hostsFile: false });
  if (result.failure === 'unreachable') {
    const outcome = result.queries.at(-1)?.outcome;
    const why = outcome === 'refused' ? 'connection refused' : outcome === 'unreachable' ? 'host unreachable' : 'timed out';
    const stdout = bindVersion(ctx)?.startsWith('9.9.')
      ? ';; connection timed out; no servers could be reached\n\n'
      : `${`;; communications error to ${server}#53: ${why}\n`.repeat(3)};; no servers could be reached\n\n`;
    return { stdout, stderr: '', exitCode: 1, elapsedMs: result.elapsedMs };
  }
  let out = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  if (result.failure === 'NXDOMAIN') {
    const last = result.queries.at(-1);
    // The last name tried exists but has no record of the type (NODATA): BIND says there is no answer.
    out += last?.response?.rcode === 'NOERROR' ? `*** Can't find ${last.name}: No answer\n\n` : `** server can't find ${last?.name ?? typed}: NXDOMAIN\n\n`;
    return { stdout: out, stderr: '', exitCode: 1, elapsedMs: result.elapsedMs };
  }
  if (!result.response!.authoritative) out += 'Non-authoritative answer:\n';
  for (const rr of result.response!.answers) {
    if (rr.type === 'A') out += `Name:\t${rr.name}\nAddress: ${rr.address}\n`;
    else if (rr.srv) out += `${rr.name}\tservice = ${rr.srv.priority} ${rr.srv.weight} ${rr.srv.port} ${rr.srv.target}.\n`;
    else if (rr.ptr) out += `${rr.name}\tname = ${rr.ptr}.\n`;
  }
  return { stdout: `${out}\n`, stderr: '', exitCode: 0, elapsedMs: result.elapsedMs };
};
