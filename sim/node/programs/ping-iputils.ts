import type { Program } from '../programs';
import { clientOf, lookupHost } from './client-socket';
import { replyTtl, roundTripMicros } from './ping';
import { millis, parsePingArgs, type PingOptions } from './ping-options';
import { neighbourFailureMs } from '../../net/dataplane';

/**
 * `ping [-q] [-c COUNT] [-W SEC] [-w SEC] HOST` on a node, as iputils 20240117 (Ubuntu 24.04)
 * prints it: one echo request a second from the node IP; a Pod or a node answers from its kernel,
 * a ClusterIP never does (kube-proxy's rules match only a Service's TCP/UDP/SCTP ports), so the
 * summary says 100% packet loss. An address on the node's LAN that no machine holds gets
 * "Destination Host Unreachable" from the node itself once ARP gives up.
 *
 * Timing: `time` in the summary runs from the first request to the last one sent (or the last
 * reply); after the last request ping waits -W seconds (default 10, MAXWAIT) when no reply came
 * at all. Exit code 1 when nothing came back (or, with -w, fewer than COUNT replies), 2 when the
 * name does not resolve.
 * Sources: iputils ping/ping_common.c (finish, gather_statistics: `%ld.%03ld` under 1 ms,
 * `%ld.%02ld` under 10 ms), ping/ping.c (the PING line: `56(84) bytes of data.`).
 */
const dataBytes = 56;
/** 56 data bytes + 8 of ICMP header come back; the IP header adds 20 to what is sent. */
const icmpBytes = dataBytes + 8;
const ipBytes = icmpBytes + 20;
const defaultWaitSeconds = 10;

/**
 * What follows a usage error: iputils then lists all its 40-odd options (usage() in ping/ping.c);
 * the simulator shows the heading and the options it takes.
 */
const usage =
  '\nUsage\n  ping [options] <destination>\n\nOptions:\n  <destination>      DNS name or IP address\n  -c <count>         stop after <count> replies\n' +
  '  -q                 quiet output\n  -W <timeout>       time to wait for response\n  -w <deadline>      reply wait <deadline> in seconds\n';

export const pingIputils: Program = (ctx, args) => {
  const o = parseArgs(args);
  if (typeof o === 'string') return { stdout: '', stderr: o, exitCode: 2 };
  if (!o.count && !o.deadlineSeconds) {
    return { stdout: '', stderr: 'ping: without -c COUNT or -w SECONDS ping runs until interrupted, which the simulator cannot do: add -c 3\n', exitCode: 2 };
  }
  const client = clientOf(ctx)!;
  const lookup = lookupHost(ctx, client, o.host!);
  const ip = lookup.addresses[0];
  if (!ip) return { stdout: '', stderr: `ping: ${o.host}: Temporary failure in name resolution\n`, exitCode: 2, elapsedMs: lookup.elapsedMs };

  const named = o.host === ip ? ip : `${o.host} (${ip})`;
  let stdout = `PING ${o.host} (${ip}) ${dataBytes}(${ipBytes}) bytes of data.\n`;
  const times: number[] = [];
  let errors = 0;
  let sent = 0;
  let at = 0;
  let lastAt = 0;
  for (;;) {
    if (o.deadlineSeconds && at >= o.deadlineSeconds * 1000) break;
    const { outcome, trace } = ctx.cluster.dataplane.echo(client.podIP, ip);
    sent++;
    lastAt = at;
    if (outcome === 'established') {
      const us = roundTripMicros(ctx, trace);
      times.push(us);
      lastAt = at + Math.ceil(us / 1000);
      if (!o.quiet) stdout += `${icmpBytes} bytes from ${named}: icmp_seq=${sent} ttl=${replyTtl(ctx, trace)} time=${replyTime(us)} ms\n`;
    } else if (outcome === 'unreachable') {
      errors++;
      if (!o.quiet) stdout += `From ${client.podIP} icmp_seq=${sent} Destination Host Unreachable\n`;
    }
    if (o.count && sent >= o.count) {
      // Waiting for a reply that never comes: -W seconds when none came at all, else about 2 RTT.
      if (outcome === 'unreachable') at += neighbourFailureMs;
      else if (outcome !== 'established') at += times.length ? 1000 : o.waitSeconds * 1000;
      break;
    }
    at += 1000;
  }
  const received = times.length;
  const loss = ((sent - received) * 100) / sent;
  stdout += `\n--- ${o.host} ping statistics ---\n${sent} packets transmitted, ${received} received${errors ? `, +${errors} errors` : ''}, ${formatG(loss)}% packet loss, time ${lastAt}ms\n`;
  if (received) {
    const avg = Math.floor(times.reduce((a, b) => a + b, 0) / received);
    const variance = Math.floor(times.reduce((a, b) => a + b * b, 0) / received) - avg * avg;
    const mdev = Math.floor(Math.sqrt(Math.max(0, variance)));
    stdout += `rtt min/avg/max/mdev = ${[Math.min(...times), avg, Math.max(...times), mdev].map(millis).join('/')} ms\n`;
  } else stdout += '\n';
  const failed = received === 0 || (o.deadlineSeconds > 0 && received < o.count);
  return { stdout, stderr: '', exitCode: failed ? 1 : 0, elapsedMs: lookup.elapsedMs + at };
};

function parseArgs(args: string[]): PingOptions | string {
  return parsePingArgs(args, defaultWaitSeconds, {
    usage: 'ping: usage error: Destination address required\n',
    invalidOption: (f) => `ping: invalid option -- '${f}'\n${usage}`,
    missingArgument: (f) => `ping: option requires an argument -- '${f}'\n${usage}`,
    // iputils' strtol_or_err: a number, and a count of at least 1.
    invalidValue: (f, value) =>
      /^\d+$/.test(value) && !(f === 'c' && value === '0') ? undefined : `ping: invalid argument: '${value}'${f === 'c' ? ': out of range: 1 <= value <= 9223372036854775807' : ''}\n`,
  });
}

/** A reply's time as iputils prints it from µs: three decimals under 1 ms, two under 10 ms, one under 100 ms. */
function replyTime(us: number): string {
  if (us >= 100_000) return String(Math.floor(us / 1000));
  if (us >= 10_000) return `${Math.floor(us / 1000)}.${Math.floor((us % 1000) / 100)}`;
  if (us >= 1000) return `${Math.floor(us / 1000)}.${String(Math.floor((us % 1000) / 10)).padStart(2, '0')}`;
  return `0.${String(us).padStart(3, '0')}`;
}

/** C's `%g` for a loss percentage: up to six significant digits, no trailing zeros. */
function formatG(n: number): string {
  return String(Number(n.toPrecision(6)));
}
