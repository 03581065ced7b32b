import type { ExecResult, Program, ProgramContext } from '../programs';
import { busyboxBanner } from './busybox';
import { clientOf, dialTCP, lookupHost } from './client-socket';
import { exchange } from '../http-exchange';
import { reasonPhrase } from '../../net/http';
import { isDirectory, resolvePath } from './fs';

/**
 * `wget [-q] [-O FILE] [--spider] [-T SEC | --timeout=SEC] URL...`, as BusyBox 1.36 prints it
 * (the wget of the busybox images in the Kubernetes tutorials). Messages go to stderr:
 * `Connecting to HOST (IP:PORT)`, then `writing to stdout` / `saving to 'FILE'`, a progress line,
 * `written to stdout` / `'FILE' saved`; with --spider, `remote file exists`. -q silences them all.
 * Errors end the run with exit code 1: `bad address 'HOST'` (the name did not resolve),
 * `can't connect to remote host (IP): Connection refused` (or `No route to host`, or
 * `Connection timed out` when the kernel gives up), and `download timed out` when -T (default
 * 900 s) fires during the connect. -T does not cover the name lookup.
 * Sources: busybox networking/wget.c (download_one_url, retrieve_file_data, open_socket,
 * alarm_handler, wget_main: timeout_seconds = 900, O_EXCL unless -O), libbb/xconnect.c (xconnect,
 * str2sockaddr "bad address"), libbb/progress.c (bb_progress_update); strerror wording of glibc.
 */
const defaultTimeoutSeconds = 900;

interface Options {
  quiet: boolean;
  spider: boolean;
  /** -O: `-` for stdout, else a file; without -O the name comes from the URL. */
  output?: string;
  timeoutMs: number;
  urls: string[];
}

const usage = `${busyboxBanner}\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n`;

export const wget: Program = (ctx, args) => {
  const o = parseArgs(args);
  if (typeof o === 'string') return { stdout: '', stderr: o, exitCode: 1 };
  const run: Run = { stdout: '', stderr: '', exitCode: 0, elapsedMs: 0, outputOpened: false };
  for (const url of o.urls) {
    if (!download(ctx, o, url, run)) {
      run.exitCode = 1;
      break;
    }
  }
  return { stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode, elapsedMs: run.elapsedMs };
};

/** What one wget process has printed so far; -O FILE is opened once and every URL is written into it. */
interface Run extends ExecResult {
  elapsedMs: number;
  outputOpened: boolean;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { quiet: false, spider: false, timeoutMs: defaultTimeoutSeconds * 1000, urls: [] };
  const seconds = (v: string | undefined): number | string => (v !== undefined && /^\d+$/.test(v) ? Number(v) * 1000 : `wget: invalid number '${v ?? ''}'\n`);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--spider') o.spider = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--timeout' || a.startsWith('--timeout=')) {
      const ms = seconds(a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
      if (typeof ms === 'string') return ms;
      o.timeoutMs = ms;
    } else if (a === '--output-document' || a.startsWith('--output-document=')) {
      o.output = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
    } else if (a.startsWith('--')) return `wget: unrecognized option '${a}'\n${usage}`;
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 'q') o.quiet = true;
        else if (f === 'O' || f === 'T') {
          const value = a.slice(j + 1) || args[++i];
          if (value === undefined) return `wget: option requires an argument -- '${f}'\n${usage}`;
          if (f === 'O') o.output = value;
          else {
            const ms = seconds(value);
            if (typeof ms === 'string') return ms;
            o.timeoutMs = ms;
          }
          break;
        } else return `wget: invalid option -- '${f}'\n${usage}`;
      }
    } else o.urls.push(a);
  }
  if (!o.urls.length) return usage;
  return o;
}

interface Target {
  host: string;
  port: number;
  /** The path without its leading slash, as busybox keeps it. */
  path: string;
}

function parseUrl(url: string): Target | string {
  let rest = url;
  const scheme = url.indexOf('://');
  if (scheme >= 0) {
    // TLS is not modelled: the simulated busybox speaks http only, like a build without FEATURE_WGET_HTTPS.
    if (url.slice(0, scheme) !== 'http') return `not an http or ftp url: ${url.slice(0, scheme)}://${url.slice(scheme + 3)}`;
    rest = url.slice(scheme + 3);
  }
  const cut = rest.search(/[/?#]/);
  const hostPort = cut < 0 ? rest : rest.slice(0, cut);
  const path = cut < 0 ? '' : rest.slice(cut + 1);
  const m = /^(.*?)(?::(\d+))?$/.exec(hostPort.slice(hostPort.lastIndexOf('@') + 1))!;
  return { host: m[1], port: m[2] ? Number(m[2]) : 80, path };
}

/** One URL; false when wget dies (it stops at the first error). */
function download(ctx: ProgramContext, o: Options, url: string, run: Run): boolean {
  const say = (line: string) => {
    if (!o.quiet) run.stderr += `${line}\n`;
  };
  const die = (message: string) => {
    run.stderr += `wget: ${message}\n`;
    return false;
  };
  const target = parseUrl(url);
  if (typeof target === 'string') return die(target);
  const client = clientOf(ctx);
  if (!client) return die(`bad address '${target.host}'`);
  const lookup = lookupHost(ctx, client, target.host);
  run.elapsedMs += lookup.elapsedMs;
  const ip = lookup.addresses[0];
  if (!ip) return die(`bad address '${target.host}'`);
  say(`Connecting to ${target.host} (${ip}:${target.port})`);

  const dial = dialTCP(ctx, client.podIP, ip, target.port, o.timeoutMs);
  run.elapsedMs += dial.elapsedMs;
  if (dial.outcome === 'deadline') return die('download timed out');
  if (dial.outcome === 'refused') return die(`can't connect to remote host (${ip}): Connection refused`);
  if (dial.outcome === 'unreachable') return die(`can't connect to remote host (${ip}): No route to host`);
  if (dial.outcome === 'timedOut') return die(`can't connect to remote host (${ip}): Connection timed out`);

  // The request goes out with `Connection: close`, as busybox sends it.
  const hostHeader = target.port === 80 ? target.host : `${target.host}:${target.port}`;
  const response = exchange(ctx.cluster, dial.connection, {
    method: 'GET',
    path: `/${target.path}`,
    headers: [['Host', hostHeader], ['User-Agent', 'Wget'], ['Connection', 'close']],
  });
  dial.connection.close();
  if (response.status !== 200) return die(`server returned error: ${response.version ?? 'HTTP/1.1'} ${response.status} ${response.reason ?? reasonPhrase(response.status)}`);
  const body = response.body;
  if (o.spider) {
    say('remote file exists');
    return true;
  }
  const toStdout = o.output === '-';
  const fileName = o.output ?? (target.path.slice(target.path.lastIndexOf('/') + 1) || 'index.html');
  if (!toStdout) {
    const fs = client.fs;
    const path = resolvePath(fileName);
    if (isDirectory(fs, path)) return die(`can't open '${fileName}': Is a directory`);
    if (o.output === undefined && fs.has(path)) return die(`can't open '${fileName}': File exists`);
    const appended = o.output !== undefined && run.outputOpened;
    fs.set(path, (appended ? (fs.get(path) ?? '') : '') + body);
    run.outputOpened = o.output !== undefined;
  }
  say(toStdout ? 'writing to stdout' : `saving to '${fileName}'`);
  if (!o.quiet) run.stderr += progressLine(toStdout ? '-' : fileName, body.length);
  if (toStdout) run.stdout += body;
  say(toStdout ? 'written to stdout' : `'${fileName}' saved`);
  return true;
}

/**
 * The progress line bb_progress_update writes when stderr is not a terminal (kubectl exec without
 * -t): the file name in 20 columns, the percentage, a bar as wide as an 80-column terminal allows
 * (80 - 49 = 31), the size, the ETA, and a newline instead of a carriage return.
 */
function progressLine(name: string, bytes: number): string {
  return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(31)}|${String(bytes).padStart(6)}   0:00:00 ETA\n`;
}
