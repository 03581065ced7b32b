import type { ExecResult, Program, ProgramContext } from '../programs';
import { busyboxBanner } from './busybox';
import { lookupHost, serverAddress, withServer } from './dns-tools';
import { parseResolvConf, resolve } from '../../addons/dns/resolver';
import { reverseName } from '../../addons/dns/message';
import { isIPv4 } from '../../net/ip';

/**
 * BusyBox's nslookup before 1.29 (busybox:1.28, which the Kubernetes DNS docs long used): the
 * small applet, which asks the C library (getaddrinfo, then getnameinfo for each address's name),
 * so it follows /etc/hosts and resolv.conf's search list and ndots like any program:
 *   Server:    10.96.0.10
 *   Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local
 *
 *   Name:      kubernetes.default
 *   Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local
 * A name that does not resolve: `nslookup: can't resolve 'NAME'` on stderr, exit code 1.
 * Source: busybox 1.28 networking/nslookup.c (print_host, server_print; `%-10s` header).
 */
export const busyboxLegacyNslookup: Program = (ctx, args) => {
  const host = lookupHost(ctx);
  if (!args[0] || args[0].startsWith('-') || args.length > 2 || !host) {
    return { stdout: '', stderr: `${busyboxBanner}\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n`, exitCode: 1 };
  }
  const [name, serverArg] = args;
  const serverIP = serverArg === undefined ? undefined : serverAddress(ctx, host, serverArg);
  if (serverArg !== undefined && !serverIP) return { stdout: '', stderr: `nslookup: bad address '${serverArg}'\n`, exitCode: 1 };
  const files = serverIP ? withServer(host.files, serverIP) : host.files;
  const server = parseResolvConf(files.get('/etc/resolv.conf') ?? '').nameservers[0] ?? '127.0.0.1';
  let elapsedMs = 0;
  const printHost = (hostname: string, header: string): string | undefined => {
    const addresses = lookupAddresses(ctx, host.ip, files, hostname);
    elapsedMs += addresses.elapsedMs;
    if (!addresses.ips.length) return undefined;
    return `${header.padEnd(10)} ${hostname}\n${addresses.ips.map((ip, i) => `Address ${i + 1}: ${ip}${reverse(ip) ? ` ${reverse(ip)}` : ''}\n`).join('')}`;
  };
  const reverse = (ip: string): string | undefined => {
    const r = resolve(ctx.cluster, host.ip, files, `${reverseName(ip)}.`, 'PTR', { hostsFile: false });
    elapsedMs += r.elapsedMs;
    return r.response?.answers.find((a) => a.ptr)?.ptr;
  };
  const stdout = `${printHost(server, 'Server:') ?? ''}\n`;
  const answer = printHost(name, 'Name:');
  const done: ExecResult = answer
    ? { stdout: stdout + answer, stderr: '', exitCode: 0 }
    : { stdout, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
  return elapsedMs ? { ...done, elapsedMs } : done;
};

/** getaddrinfo's IPv4 addresses for a name: an address stands for itself; else /etc/hosts, then DNS with the search list. */
function lookupAddresses(ctx: ProgramContext, fromIP: string, files: Map<string, string>, name: string): { ips: string[]; elapsedMs: number } {
  if (isIPv4(name)) return { ips: [name], elapsedMs: 0 };
  const r = resolve(ctx.cluster, fromIP, files, name, 'A');
  return { ips: (r.response?.answers ?? []).flatMap((a) => (a.address ? [a.address] : [])), elapsedMs: r.elapsedMs };
}
