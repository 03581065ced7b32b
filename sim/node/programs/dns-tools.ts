import type { ProgramContext } from '../programs';
import { currentBind, imageDnsTools } from '../images';
import { nodeResolvConf } from '../kubelet-pod-files';
import { resolve } from '../../addons/dns/resolver';
import { isIPv4 } from '../../net/ip';

/**
 * Whose DNS tools the machine a program runs on has: a container's come with its image (see
 * imageDnsTools); a node has BIND's (Ubuntu's bind9-dnsutils).
 */
export function dnsTools(ctx: ProgramContext): { bind: string } | 'busybox' | undefined {
  const image = ctx.pod?.spec.containers.find((c) => c.name === ctx.container)?.image;
  return image === undefined ? { bind: currentBind } : imageDnsTools(image);
}

/** The version of BIND's tools where the program runs (dig prints it); undefined where there are none. */
export function bindVersion(ctx: ProgramContext): string | undefined {
  const tools = dnsTools(ctx);
  return typeof tools === 'object' ? tools.bind : undefined;
}

/** Is this DNS program (nslookup, dig) on the machine? Only BIND's tools include dig. */
export function hasDnsProgram(ctx: ProgramContext, name: string): boolean {
  if (name === 'nslookup') return dnsTools(ctx) !== undefined;
  if (name === 'dig') return bindVersion(ctx) !== undefined;
  return true;
}

/**
 * Where a lookup starts: the address its datagrams leave from and the files its resolver reads
 * (/etc/resolv.conf, /etc/hosts). A container's are its own; a node's resolv.conf points at the
 * VPC's resolver, which knows no cluster name: cluster DNS is for Pods.
 */
export function lookupHost(ctx: ProgramContext): { ip: string; files: Map<string, string> } | undefined {
  if (ctx.pod) {
    const ip = ctx.pod.status?.podIP;
    return ip && ctx.fs ? { ip, files: ctx.fs } : undefined;
  }
  if (!ctx.node) return undefined;
  const hosts = `127.0.0.1 localhost\n${ctx.node.ip} ${ctx.node.name}\n`;
  return { ip: ctx.node.ip, files: new Map([['/etc/resolv.conf', nodeResolvConf(ctx.cluster.config)], ['/etc/hosts', hosts]]) };
}

/** The resolver files with the nameservers replaced by one server, as a tool given a SERVER argument uses them. */
export function withServer(files: Map<string, string>, server: string): Map<string, string> {
  const conf = (files.get('/etc/resolv.conf') ?? '').split('\n').filter((l) => !/^\s*nameserver\s/.test(l));
  return new Map([...files, ['/etc/resolv.conf', [`nameserver ${server}`, ...conf].join('\n')]]);
}

/** The address of a SERVER argument: an address as is, a name through the system resolver (search list and /etc/hosts); undefined when it does not resolve. */
export function serverAddress(ctx: ProgramContext, host: { ip: string; files: Map<string, string> }, server: string): string | undefined {
  if (isIPv4(server)) return server;
  return resolve(ctx.cluster, host.ip, host.files, server, 'A').response?.answers.find((a) => a.address)?.address;
}
