import { fail, type Program } from '../programs';
import { parseResolvConf, resolve } from '../../addons/dns/resolver';
import type { DnsType } from '../../addons/dns/message';

/**
 * `nslookup [-type=A|SRV] NAME`, as BIND 9's nslookup (Debian's dnsutils) prints it: the server,
 * then each answer; `** server can't find NAME: NXDOMAIN` (for the last name of the search list,
 * the name as typed) and exit code 1; `;; connection timed out; no servers could be reached` when no
 * name server answers. It applies resolv.conf's search list and ndots, but not /etc/hosts.
 * Source: bind9 bin/dig/nslookup.c (printmessage, printsection) and dighost.c (next_origin).
 */
export const nslookup: Program = (ctx, args) => {
  let type: DnsType = 'A';
  const names: string[] = [];
  for (const arg of args) {
    const m = arg.match(/^-(?:type|query|q|ty)=(\w+)$/i);
    if (m) {
      const t = m[1].toUpperCase();
      if (t !== 'A' && t !== 'SRV' && t !== 'AAAA') return fail(`unknown query type: ${m[1]}\n`);
      type = t;
    } else if (arg.startsWith('-')) {
      continue;
    } else names.push(arg);
  }
  const podIP = ctx.pod?.status?.podIP;
  if (!names.length || !podIP || !ctx.fs) return fail('nslookup: no name to look up\n');
  const [name] = names;
  const conf = parseResolvConf(ctx.fs.get('/etc/resolv.conf') ?? '');
  const server = conf.nameservers[0] ?? '127.0.0.1';
  const result = resolve(ctx.cluster, podIP, ctx.fs, name, type, { hostsFile: false });
  if (result.failure === 'unreachable') {
    return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1, elapsedMs: result.elapsedMs };
  }
  let out = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  if (result.failure === 'NXDOMAIN') {
    const last = result.queries[result.queries.length - 1]?.name ?? name;
    out += `** server can't find ${last}: NXDOMAIN\n\n`;
    return { stdout: out, stderr: '', exitCode: 1, elapsedMs: result.elapsedMs };
  }
  for (const rr of result.response!.answers) {
    if (rr.type === 'A') out += `Name:\t${rr.name}\nAddress: ${rr.address}\n`;
    else if (rr.srv) out += `${rr.name}\tservice = ${rr.srv.priority} ${rr.srv.weight} ${rr.srv.port} ${rr.srv.target}.\n`;
  }
  return { stdout: `${out}\n`, stderr: '', exitCode: 0, elapsedMs: result.elapsedMs };
};
