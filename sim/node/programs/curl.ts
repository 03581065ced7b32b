import type { Program, ProgramContext } from '../programs';
import { neighbourFailureMs, type Connection } from '../../net/dataplane';
import { isIPv4 } from '../../net/ip';
import { clientOf, dialTCP, kernelSynTimeoutMs, lookupHost, servedBody } from './client-socket';

/**
 * `curl [-s] [-S] [-v] [-m|--max-time S] [--connect-timeout S] URL...`, as curl 8.7 prints it.
 *
 * Each run opens new TCP connections through the Pod's network; several URLs for the same host and
 * port reuse the first one (HTTP/1.1 keep-alive), so they reach the same Pod whatever kube-proxy's
 * rules say. Every server in the simulator answers like agnhost's serve-hostname: 200 OK with its
 * Pod's name. Errors are curl's: (6) could not resolve host, (7) refused, or unreachable after
 * ARP gives up (3 s), (28) timed out. Without -m, a connection whose SYN is dropped fails when Linux gives up
 * (tcp_syn_retries = 6: 127 s), before curl's own 300 s default connect timeout
 * (DEFAULT_CONNECT_TIMEOUT in lib/connect.h).
 * Sources: curl's lib/cf-socket.c, lib/connect.c, lib/multi.c, lib/progress.c messages; curl(1).
 */
export const CurlVersion = '8.7.1';
const curlDefaultConnectTimeoutMs = 300_000;

interface Options {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  urls: string[];
}

const usageHint = "curl: try 'curl --help' or 'curl --manual' for more information\n";

export const curl: Program = (ctx, args) => {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return { stdout: '', stderr: parsed + usageHint, exitCode: 2 };
  const client = clientOf(ctx);
  if (!client) return { stdout: '', stderr: 'curl: (7) Couldn\'t connect to server\n', exitCode: 7 };
  return new CurlRun(ctx, client, parsed).run();
};

function parseArgs(args: string[]): Options | string {
  const o: Options = { silent: false, showError: false, verbose: false, urls: [] };
  const seconds = (v: string | undefined, flag: string): number | string => {
    const n = Number(v);
    return v !== undefined && Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : `curl: option ${flag}: expected a proper numerical parameter\n`;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--silent') o.silent = true;
    else if (a === '--show-error') o.showError = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--max-time' || a === '--connect-timeout') {
      const ms = seconds(args[++i], a);
      if (typeof ms === 'string') return ms;
      if (a === '--max-time') o.maxTimeMs = ms;
      else o.connectTimeoutMs = ms;
    } else if (/^-[a-zA-Z]+/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 's') o.silent = true;
        else if (f === 'S') o.showError = true;
        else if (f === 'v') o.verbose = true;
        else if (f === 'm') {
          const rest = a.slice(j + 1);
          const ms = seconds(rest || args[++i], '-m');
          if (typeof ms === 'string') return ms;
          o.maxTimeMs = ms;
          break;
        } else return `curl: option ${a}: is unknown\n`;
      }
    } else if (a.startsWith('--')) return `curl: option ${a}: is unknown\n`;
    else o.urls.push(a);
  }
  // A bare `curl` (no URL) prints only the usage hint and exits 2, as curl 8 does.
  if (!o.urls.length) return '';
  return o;
}

interface Target {
  scheme: string;
  host: string;
  port: number;
  path: string;
  /** The Host header: the host, with the port when it is not the scheme's default. */
  hostHeader: string;
}

function parseUrl(url: string): Target | string {
  const m = url.match(/^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::([^/?#]*))?([^?#]*)?(\?[^#]*)?/);
  const scheme = (m?.[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `Protocol "${scheme}" not supported`;
  const host = m?.[2] ?? '';
  if (!host) return 'URL rejected: No host part in the URL';
  const defaultPort = scheme === 'https' ? 443 : 80;
  const port = m?.[3] ? Number(m[3]) : defaultPort;
  // curl's URL parser (lib/urlapi.c): anything but digits after the colon is refused.
  if (!/^\d*$/.test(m?.[3] ?? '') || port > 65535) return 'URL rejected: Port number was not a decimal number between 0 and 65535';
  return { scheme, host, port, path: (m?.[4] || '/') + (m?.[5] ?? ''), hostHeader: port === defaultPort ? host : `${host}:${port}` };
}

/** One curl process: its connection cache lives as long as the run. */
class CurlRun {
  private stdout = '';
  private stderr = '';
  private exitCode = 0;
  private elapsedMs = 0;
  private readonly cache = new Map<string, { connection: Connection; id: number }>();
  private nextId = 0;

  constructor(
    private readonly ctx: ProgramContext,
    private readonly client: { podIP: string; fs: Map<string, string> },
    private readonly o: Options,
  ) {}

  run() {
    for (const url of this.o.urls) this.transfer(url);
    for (const { connection } of this.cache.values()) connection.close();
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode, elapsedMs: this.elapsedMs };
  }

  private info(line: string): void {
    if (this.o.verbose) this.stderr += `* ${line}\n`;
  }

  private fail(code: number, message: string, spentMs: number): void {
    this.info(message);
    this.info('Closing connection');
    if (!this.o.silent && !this.o.verbose) this.stderr += progressMeter(0, spentMs);
    if (!this.o.silent || this.o.showError) this.stderr += `curl: (${code}) ${message}\n`;
    this.exitCode = code;
  }

  /** Time left before -m fires, counted from the start of the run. */
  private maxLeft(): number {
    return this.o.maxTimeMs === undefined ? Infinity : this.o.maxTimeMs - this.elapsedMs;
  }

  private transfer(url: string): void {
    const target = parseUrl(url);
    if (typeof target === 'string') {
      const code = target.startsWith('Protocol') ? 1 : 3;
      return this.fail(code, target, 0);
    }
    const key = `${target.scheme}://${target.host}:${target.port}`;
    const cached = this.cache.get(key);
    if (cached && cached.connection.send().outcome === 'established') {
      this.info(`Re-using existing connection with host ${target.host}`);
      return this.respond(target, cached.connection, cached.id);
    }
    if (cached) this.cache.delete(key);

    let ip = target.host;
    const start = this.elapsedMs;
    if (!isIPv4(target.host)) {
      const r = lookupHost(this.ctx, this.client, target.host);
      if (r.elapsedMs > this.maxLeft()) {
        const waited = this.maxLeft();
        this.elapsedMs += waited;
        return this.fail(28, `Resolving timed out after ${timeoutFigure(this.o.maxTimeMs!)} milliseconds`, this.elapsedMs - start);
      }
      this.elapsedMs += r.elapsedMs;
      if (!r.addresses.length) return this.fail(6, `Could not resolve host: ${target.host}`, this.elapsedMs - start);
      ip = r.addresses[0];
      this.info(`Host ${target.host}:${target.port} was resolved.`);
      this.info('IPv6: (none)');
      this.info(`IPv4: ${r.addresses.join(', ')}`);
    }
    this.info(`  Trying ${ip}:${target.port}...`);
    const maxLeft = this.maxLeft();
    const connectLimit = this.o.connectTimeoutMs ?? curlDefaultConnectTimeoutMs;
    const dial = dialTCP(this.ctx, this.client.podIP, ip, target.port, Math.min(maxLeft, connectLimit));
    this.elapsedMs += dial.elapsedMs;
    switch (dial.outcome) {
      case 'established': {
        const id = this.nextId++;
        this.cache.set(key, { connection: dial.connection, id });
        this.info(`Connected to ${target.host} (${ip}) port ${target.port}`);
        return this.respond(target, dial.connection, id);
      }
      case 'refused':
        this.info(`connect to ${ip} port ${target.port} from ${this.client.podIP} port ${dial.sport} failed: Connection refused`);
        return this.fail(7, `Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server`, this.elapsedMs - start);
      case 'unreachable':
        // EHOSTUNREACH once ARP gives up; since curl 7.86 the last line names curl's error, not
        // strerror's "No route to host", which only -v shows (curl PR #9554). Like the timeouts,
        // curl notices a couple of ms late.
        this.info(`connect to ${ip} port ${target.port} from ${this.client.podIP} port ${dial.sport} failed: No route to host`);
        return this.fail(7, `Failed to connect to ${target.host} port ${target.port} after ${timeoutFigure(neighbourFailureMs)} ms: Couldn't connect to server`, this.elapsedMs - start);
      case 'deadline':
        // The SYN is dropped and curl's own limit fires first: -m, or --connect-timeout.
        if (maxLeft <= connectLimit) {
          return this.fail(28, `Connection timed out after ${timeoutFigure(this.o.maxTimeMs!)} milliseconds`, this.elapsedMs - start);
        }
        return this.fail(28, `Failed to connect to ${target.host} port ${target.port} after ${timeoutFigure(this.o.connectTimeoutMs!)} ms: Timeout was reached`, this.elapsedMs - start);
      case 'timedOut':
        // The kernel gives up before curl's default connect timeout.
        return this.fail(28, `Failed to connect to ${target.host} port ${target.port} after ${kernelSynTimeoutMs} ms: Couldn't connect to server`, this.elapsedMs - start);
    }
  }

  /** Sends the request and prints the reply: the serving Pod's name (agnhost serve-hostname). */
  private respond(target: Target, connection: Connection, id: number): void {
    if (this.o.verbose) {
      this.stderr += [`> GET ${target.path} HTTP/1.1`, `> Host: ${target.hostHeader}`, `> User-Agent: curl/${CurlVersion}`, '> Accept: */*', '> ', ''].join('\n');
      this.info('Request completely sent off');
    }
    if (target.scheme === 'https') {
      // The Pod speaks plain HTTP: the TLS handshake reads an HTTP reply.
      return this.fail(35, 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number', 0);
    }
    const body = servedBody(connection);
    if (this.o.verbose) {
      const date = new Date(this.ctx.cluster.clock.epochMs + this.ctx.cluster.clock.now).toUTCString();
      // Go's net/http writes headers sorted by name.
      this.stderr += ['< HTTP/1.1 200 OK', `< Content-Length: ${body.length}`, '< Content-Type: text/plain; charset=utf-8', `< Date: ${date}`, '< ', ''].join('\n');
      this.info(`Connection #${id} to host ${target.host} left intact`);
    } else if (!this.o.silent) this.stderr += progressMeter(body.length, 0);
    this.stdout += body;
  }
}

/**
 * The figure curl prints for a timeout: it notices a millisecond or two after the deadline
 * (`Connection timed out after 5002 milliseconds` for -m 5).
 */
function timeoutFigure(ms: number): number {
  return ms + 2;
}

/**
 * curl's progress meter, which it writes to stderr when stdout is not a terminal (kubectl exec
 * without -t) and -s is not given. Fields as lib/progress.c formats them; a simulated transfer
 * takes 2 ms.
 */
function progressMeter(bytes: number, spentMs: number): string {
  const head = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
  const line = (pct: number, size: number, dl: number, cur: number, spent: string) =>
    `${p3(pct)} ${p5(size)}  ${p3(pct)} ${p5(size)}  ${p3(0)} ${p5(0)}  ${p5(dl)}  ${p5(0)} --:--:-- ${spent} --:--:-- ${p5(cur)}`;
  const zero = line(0, 0, 0, 0, '--:--:--');
  if (!bytes) return `${head}\r${zero}\r${line(0, 0, 0, 0, clock(spentMs))}\n`;
  return `${head}\r${zero}\r${line(100, bytes, bytes * 500, bytes * 1000, '--:--:--')}\n`;
}

function p3(n: number): string {
  return String(n).padStart(3);
}

function p5(n: number): string {
  return String(n).padStart(5);
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`.padStart(8);
}
