import type { ProgramContext } from '../programs';
import { neighbourFailureMs, type Connection } from '../../net/dataplane';
import { isIPv4 } from '../../net/ip';
import { resolve } from '../../addons/dns/resolver';
import type { Hop } from '../../net/packet';

/**
 * What the network clients in a container (curl, wget, ping) share: the C library's name lookup
 * and the kernel's connect(2), with the time each takes. Each program prints the outcome in its
 * own words.
 */

/**
 * How long Linux tries a TCP connection whose SYN gets no answer: tcp_syn_retries = 6
 * retransmissions, 1+2+4+8+16+32+64 = 127 s (Documentation/networking/ip-sysctl.rst).
 */
export const kernelSynTimeoutMs = 127_000;

/** The address and files a client uses: its Pod's, or a machine's outside the cluster; undefined outside a running Pod. */
export function clientOf(ctx: ProgramContext): { podIP: string; fs: Map<string, string> } | undefined {
  const podIP = ctx.pod?.status?.podIP ?? ctx.address;
  return podIP && ctx.fs ? { podIP, fs: ctx.fs } : undefined;
}

/**
 * getaddrinfo for IPv4: an address is itself; a name goes through /etc/hosts, then DNS with the
 * search list. No address means the name did not resolve (or no name server answered).
 */
export function lookupHost(ctx: ProgramContext, client: { podIP: string; fs: Map<string, string> }, host: string): { addresses: string[]; elapsedMs: number } {
  if (isIPv4(host)) return { addresses: [host], elapsedMs: 0 };
  const r = resolve(ctx.cluster, client.podIP, client.fs, host, 'A');
  const addresses = (r.response?.answers ?? []).filter((a) => a.type === 'A').map((a) => a.address!);
  return { addresses, elapsedMs: r.elapsedMs };
}

/**
 * How connect(2) ends, and after how long: at once (established, refused: RST or ICMP port
 * unreachable), when ARP gives up (EHOSTUNREACH, `neighbourFailureMs`), when the kernel stops
 * retrying the SYN (ETIMEDOUT, `kernelSynTimeoutMs`), or when the program's own limit fires first.
 */
export type Dial =
  | { outcome: 'established'; connection: Connection; sport: number; elapsedMs: number; trace: Hop[] }
  | { outcome: 'refused'; sport: number; elapsedMs: number }
  | { outcome: 'unreachable'; sport: number; elapsedMs: number }
  | { outcome: 'timedOut'; elapsedMs: number }
  | { outcome: 'deadline'; elapsedMs: number };

/** Opens a TCP connection from the Pod through the data plane; `limitMs` is the program's own timeout. */
export function dialTCP(ctx: ProgramContext, fromIP: string, dstIP: string, dstPort: number, limitMs = Infinity): Dial {
  const result = ctx.cluster.dataplane.connect({ fromIP, protocol: 'TCP', dstIP, dstPort });
  const sport = result.trace[0]?.packet.sport ?? 0;
  if (result.outcome === 'established' && result.connection) return { outcome: 'established', connection: result.connection, sport, elapsedMs: 0, trace: result.trace };
  if (result.outcome === 'refused') return { outcome: 'refused', sport, elapsedMs: 0 };
  if (result.outcome === 'unreachable' && limitMs > neighbourFailureMs) return { outcome: 'unreachable', sport, elapsedMs: neighbourFailureMs };
  if (limitMs <= kernelSynTimeoutMs) return { outcome: 'deadline', elapsedMs: limitMs };
  return { outcome: 'timedOut', elapsedMs: kernelSynTimeoutMs };
}

/**
 * A simulated round trip in µs, from the hops a packet took: tens of µs on one node, about half a
 * ms more for each crossing of the VPC (there and back). No random number is drawn.
 */
export function roundTripUs(trace: Hop[]): number {
  return 40 + trace.filter((h) => h.where === 'vpc').length * 2 * 250;
}
