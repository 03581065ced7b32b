import type { Program, ProgramContext } from '../programs';
import type { Hop } from '../../net/packet';
import { busyboxBanner } from './busybox';
import { clientOf, lookupHost, roundTripUs } from './client-socket';
import { millis, parsePingArgs, type PingOptions } from './ping-options';

/**
 * `ping [-q] [-c COUNT] [-W SEC] [-w SEC] HOST`, as BusyBox 1.36 prints it (the ping of the
 * busybox images in the Kubernetes tutorials): one echo request a second through the data plane;
 * a Pod or a node answers from its kernel, a ClusterIP never does (no kube-proxy rule matches ICMP,
 * claim C9). The summary gives the loss; the exit code is 1 when nothing came back (or, with -w,
 * fewer than COUNT replies).
 *
 * Timing: after the last request ping waits -W seconds (default 10) when no reply came at all,
 * else about two round trips (at least 1 s) for a missing last reply; -w stops sending once that
 * many seconds have passed.
 * Sources: busybox networking/ping.c (common_ping_main, sendping_tail, unpack_tail,
 * print_stats_and_exit: MAXWAIT 10, DEFDATALEN 56), libbb/xconnect.c ("bad address").
 */
const dataBytes = 56;
/** An echo request of 56 data bytes comes back as 64 bytes of ICMP (8-byte header). */
const icmpBytes = dataBytes + 8;
const defaultWaitSeconds = 10;
/** A reply leaves with TTL 64 (net.ipv4.ip_default_ttl); each router on the way takes one off. */
const defaultTtl = 64;

const usage = `${busyboxBanner}\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n`;

export const ping: Program = (ctx, args) => {
  const o = parseArgs(args);
  if (typeof o === 'string') return { stdout: '', stderr: o, exitCode: 1 };
  if (!o.count && !o.deadlineSeconds) {
    return { stdout: '', stderr: 'ping: without -c COUNT or -w SECONDS ping runs until interrupted, which the simulator cannot do: add -c 3\n', exitCode: 2 };
  }
  const client = clientOf(ctx);
  const lookup = client ? lookupHost(ctx, client, o.host!) : { addresses: [], elapsedMs: 0 };
  const ip = lookup.addresses[0];
  if (!client || !ip) return { stdout: '', stderr: `ping: bad address '${o.host}'\n`, exitCode: 1, elapsedMs: lookup.elapsedMs };

  let stdout = `PING ${o.host} (${ip}): ${dataBytes} data bytes\n`;
  const times: number[] = [];
  let sent = 0;
  let at = 0;
  for (;;) {
    if (o.deadlineSeconds && at >= o.deadlineSeconds * 1000) break;
    const { outcome, trace } = ctx.cluster.dataplane.echo(client.podIP, ip);
    if (outcome === 'established') {
      const us = roundTripMicros(ctx, trace);
      times.push(us);
      if (!o.quiet) stdout += `${icmpBytes} bytes from ${ip}: seq=${sent} ttl=${replyTtl(ctx, trace)} time=${millis(us)} ms\n`;
    }
    sent++;
    if (o.count && sent >= o.count) {
      // The last reply ends the run; else ping waits for it: -W with no reply at all, ~2 RTT (1 s) otherwise.
      if (outcome !== 'established') at += times.length ? 1000 : o.waitSeconds * 1000;
      break;
    }
    at += 1000;
  }
  const received = times.length;
  stdout += `\n--- ${o.host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${Math.floor(((sent - received) * 100) / sent)}% packet loss\n`;
  if (received) {
    const avg = Math.floor(times.reduce((a, b) => a + b, 0) / received);
    stdout += `round-trip min/avg/max = ${millis(Math.min(...times))}/${millis(avg)}/${millis(Math.max(...times))} ms\n`;
  }
  const failed = received === 0 || (o.deadlineSeconds > 0 && received < o.count);
  return { stdout, stderr: '', exitCode: failed ? 1 : 0, elapsedMs: lookup.elapsedMs + at };
};

function parseArgs(args: string[]): PingOptions | string {
  return parsePingArgs(args, defaultWaitSeconds, {
    usage,
    invalidOption: (f) => `ping: invalid option -- '${f}'\n${usage}`,
    missingArgument: (f) => `ping: option requires an argument -- '${f}'\n${usage}`,
    invalidValue: (_, value) => (/^\d+$/.test(value) ? undefined : `ping: invalid number '${value}'\n`),
  });
}

/**
 * The TTL the reply arrives with: 64 less one for every node that routed it. Pods on one node
 * share a bridge (no routing); a host-network client's own node (or the node itself, over ssh)
 * sends rather than routes.
 */
export function replyTtl(ctx: ProgramContext, trace: Hop[]): number {
  const routers = trace.filter((h) => h.where.endsWith(' routing')).map((h) => h.node);
  const last = trace[trace.length - 1];
  let forwarded = routers.length;
  if (ctx.pod?.spec.hostNetwork || !ctx.pod) forwarded--;
  else if (routers.length === 1 && last.where.startsWith('pod ') && last.node === routers[0]) forwarded = 0;
  return defaultTtl - Math.max(0, forwarded);
}

/** A round trip as ping measures it: the hops' (see roundTripUs) and up to 40 µs of jitter. */
export function roundTripMicros(ctx: ProgramContext, trace: Hop[]): number {
  return roundTripUs(trace) + ctx.cluster.rng.stream('ping').int(40);
}
