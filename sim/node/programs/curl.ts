import { printedResult, type Program, type ProgramContext, type Write } from '../programs';
import { neighbourFailureMs, type Connection } from '../../net/dataplane';
import { isIPv4 } from '../../net/ip';
import { reasonPhrase, type Headers } from '../../net/http';
import { exchange } from '../http-exchange';
import { clientOf, dialTCP, kernelSynTimeoutMs, lookupHost, roundTripUs } from './client-socket';
import { writeOut, type TransferInfo } from './curl-write-out';
import { tlsHandshake } from './curl-tls';

/**
 * `curl [-s] [-S] [-v] [-k] [-I] [-H 'Name: value'] [-o FILE] [-w FORMAT] [--resolve HOST:PORT:ADDR]
 * [--cacert FILE] [-m|--max-time S] [--connect-timeout S] URL...`, as curl 8.7 prints it.
 * -o writes the body to a file (`/dev/null` drops it), each -o for one URL in order; -I sends HEAD
 * and prints the response's header block; -w prints a line of facts about each transfer after
 * it (see curl-write-out.ts), its times taken from the virtual clock and the hops' round trips.
 *
 * Each run opens new TCP connections through the Pod's network; several URLs for the same host and
 * port reuse the first one (HTTP/1.1 keep-alive), so they reach the same Pod whatever kube-proxy's
 * rules say. The server program answers (see ../http-exchange.ts): an ingress controller routes by
 * the Host header and path; others answer like agnhost's serve-hostname, 200 OK with their Pod's
 * name. `https://` runs a TLS handshake first (see curl-tls.ts). Errors are curl's: (6) could not resolve host, (7) refused, or unreachable after
 * ARP gives up (3 s), (28) timed out. Without -m, a connection whose SYN is dropped fails when Linux gives up
 * (tcp_syn_retries = 6: 127 s), before curl's own 300 s default connect timeout
 * (DEFAULT_CONNECT_TIMEOUT in lib/connect.h).
 * Sources: curl's lib/cf-socket.c, lib/connect.c, lib/multi.c, lib/progress.c messages; curl(1).
 */
export const CurlVersion = '8.7.1';
const curlDefaultConnectTimeoutMs = 300_000;

export interface Options {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  /** -k: go on whatever the server's certificate says. */
  insecure: boolean;
  /** --cacert FILE: the CA certificates to trust instead of the system's bundle. */
  cacert?: string;
  /** -H 'Name: value', in order; a Host header replaces the one curl writes. */
  headers: Headers;
  /** --resolve HOST:PORT:ADDR, as `host:port` → address. */
  resolve: Map<string, string>;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  /** -X/--request METHOD: the method curl writes in the request line instead of its own. */
  request?: string;
  /** -I: a HEAD request; the header block is the output. */
  head: boolean;
  /** -i (--include, --show-headers since curl 8.10): the header block, then the body. */
  include: boolean;
  /** -o FILE, one per URL in order. */
  outputs: string[];
  /** -w FORMAT. */
  writeOut?: string;
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
  const o: Options = { silent: false, showError: false, verbose: false, insecure: false, head: false, include: false, outputs: [], headers: [], resolve: new Map(), urls: [] };
  const header = (v: string | undefined): string | undefined => {
    const colon = v?.indexOf(':') ?? -1;
    if (v === undefined) return 'curl: option -H: requires parameter\n';
    if (colon > 0) o.headers.push([v.slice(0, colon).trim(), v.slice(colon + 1).trim()]);
    return undefined;
  };
  const resolve = (v: string | undefined): string | undefined => {
    const m = v === undefined ? null : /^([^:]+):(\d+):(.+)$/.exec(v);
    if (!m) return 'curl: option --resolve: requires parameter\n';
    o.resolve.set(`${m[1].toLowerCase()}:${m[2]}`, m[3]);
    return undefined;
  };
  const seconds = (v: string | undefined, flag: string): number | string => {
    const n = Number(v);
    return v !== undefined && Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : `curl: option ${flag}: expected a proper numerical parameter\n`;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--silent') o.silent = true;
    else if (a === '--show-error') o.showError = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--insecure') o.insecure = true;
    else if (a === '--head') o.head = true;
    else if (a === '--include' || a === '--show-headers') o.include = true;
    else if (a === '--output' || a === '--write-out') {
      const v = args[++i];
      if (v === undefined) return `curl: option ${a}: requires parameter\n`;
      if (a === '--output') o.outputs.push(v);
      else o.writeOut = v;
    }
    else if (a === '--header' || a.startsWith('--header=')) {
      const err = header(a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
      if (err) return err;
    } else if (a === '--resolve') {
      const err = resolve(args[++i]);
      if (err) return err;
    } else if (a === '--request') {
      o.request = args[++i];
      if (o.request === undefined) return 'curl: option --request: requires parameter\n';
    } else if (a === '--cacert') {
      o.cacert = args[++i];
      if (o.cacert === undefined) return 'curl: option --cacert: requires parameter\n';
    } else if (a === '--max-time' || a === '--connect-timeout') {
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
        else if (f === 'k') o.insecure = true;
        else if (f === 'I') o.head = true;
        else if (f === 'i') o.include = true;
        else if (f === 'o' || f === 'w') {
          const v = a.slice(j + 1) || args[++i];
          if (v === undefined) return `curl: option -${f}: requires parameter\n`;
          if (f === 'o') o.outputs.push(v);
          else o.writeOut = v;
          break;
        }
        else if (f === 'H') {
          const err = header(a.slice(j + 1) || args[++i]);
          if (err) return err;
          break;
        } else if (f === 'X') {
          o.request = a.slice(j + 1) || args[++i];
          if (o.request === undefined) return 'curl: option -X: requires parameter\n';
          break;
        } else if (f === 'm') {
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

export interface Target {
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
  /** What the run printed, in order: the progress meter starts on stderr before the body arrives on stdout. */
  private readonly writes: Write[] = [];
  private exitCode = 0;
  private elapsedMs = 0;
  private readonly cache = new Map<string, { connection: Connection; id: number; sport: number; ip: string; rttUs: number }>();
  private nextId = 0;
  /** What -w reports about the transfer under way. */
  private current!: TransferInfo;
  /** Which URL of the command line this is (the i-th -o goes with it). */
  private index = 0;

  constructor(
    private readonly ctx: ProgramContext,
    private readonly client: { podIP: string; fs: Map<string, string> },
    private readonly o: Options,
  ) {}

  run() {
    // curl loads --resolve entries into its DNS cache before the first transfer.
    for (const [hostPort, address] of this.o.resolve) this.info(`Added ${hostPort}:${address} to DNS cache`);
    for (const [i, url] of this.o.urls.entries()) {
      this.index = i;
      this.current = { httpCode: 0, remoteIP: '', remotePort: 0, localIP: '', localPort: 0, namelookupUs: 0, connectUs: 0, totalUs: 0, sizeDownload: 0, url, exitCode: 0, errorMessage: '' };
      const start = this.elapsedMs;
      this.transfer(url);
      if (this.o.writeOut !== undefined) {
        // The clock counts ms; a transfer that got an answer adds its round trips' µs (see respond).
        this.current.totalUs = Math.max(this.current.totalUs, (this.elapsedMs - start) * 1000);
        const out = writeOut(this.o.writeOut, this.current);
        this.out(out.stdout);
        this.err(out.stderr);
      }
    }
    for (const { connection } of this.cache.values()) connection.close();
    return { ...printedResult(this.writes, this.exitCode), elapsedMs: this.elapsedMs };
  }

  private out(text: string): void {
    this.writes.push({ stream: 'stdout', text });
  }

  private err(text: string): void {
    this.writes.push({ stream: 'stderr', text });
  }

  private info(line: string): void {
    if (this.o.verbose) this.err(`* ${line}\n`);
  }

  /** What -v prints besides `*` lines: `> ` request and `< ` response lines. */
  private trace(text: string): void {
    if (this.o.verbose) this.err(text);
  }

  private fail(code: number, message: string, spentMs: number, more = ''): void {
    this.current.exitCode = code;
    this.current.errorMessage = message;
    this.info(message);
    this.info('Closing connection');
    if (!this.o.silent && !this.o.verbose && !this.ctx.tty) this.err(meterStart() + meterEnd(0, spentMs));
    if (!this.o.silent || this.o.showError) this.err(`curl: (${code}) ${message}\n${more}`);
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
      this.connected(cached.ip, target.port, cached.sport, 0);
      return this.respond(target, cached.connection, cached.id, cached.rttUs);
    }
    if (cached) this.cache.delete(key);

    let ip = target.host;
    const start = this.elapsedMs;
    const pinned = this.o.resolve.get(`${target.host.toLowerCase()}:${target.port}`);
    if (pinned) {
      this.info(`Hostname ${target.host} was found in DNS cache`);
      ip = pinned;
    } else if (!isIPv4(target.host)) {
      const r = lookupHost(this.ctx, this.client, target.host);
      if (r.elapsedMs > this.maxLeft()) {
        const waited = this.maxLeft();
        this.elapsedMs += waited;
        return this.fail(28, `Resolving timed out after ${timeoutFigure(this.o.maxTimeMs!)} milliseconds`, this.elapsedMs - start);
      }
      this.elapsedMs += r.elapsedMs;
      this.current.namelookupUs = r.elapsedMs * 1000 + 25;
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
        this.info(`Connected to ${target.host} (${ip}) port ${target.port}`);
        if (target.scheme === 'https') {
          const handshake = tlsHandshake(this.ctx, this.client, dial.connection, target, this.o);
          this.trace(handshake.verbose);
          if (!handshake.ok) {
            dial.connection.close();
            return this.fail(handshake.code, handshake.message, this.elapsedMs - start, handshake.more);
          }
        }
        const id = this.nextId++;
        const rttUs = roundTripUs(dial.trace);
        this.cache.set(key, { connection: dial.connection, id, sport: dial.sport, ip, rttUs });
        this.connected(ip, target.port, dial.sport, rttUs);
        return this.respond(target, dial.connection, id, rttUs);
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

  /**
   * Sends the request and prints the reply: the body on stdout, whatever the status (curl fails
   * on an HTTP error only with -f). curl writes its own Host, User-Agent and Accept headers, then
   * the -H headers; a -H header of the same name replaces curl's own.
   */
  private respond(target: Target, connection: Connection, id: number, rttUs: number): void {
    const method = this.o.request ?? (this.o.head ? 'HEAD' : 'GET');
    const own: Headers = [['Host', target.hostHeader], ['User-Agent', `curl/${CurlVersion}`], ['Accept', '*/*']];
    const custom = new Set(this.o.headers.map(([n]) => n.toLowerCase()));
    const headers: Headers = [...own.filter(([n]) => !custom.has(n.toLowerCase())), ...this.o.headers];
    const request = { method, path: target.path, headers };
    this.trace([`> ${method} ${target.path} HTTP/1.1`, ...headers.map(([n, v]) => `> ${n}: ${v}`), '> ', ''].join('\n'));
    this.info('Request completely sent off');
    const tls = target.scheme === 'https' ? { sni: isIPv4(target.host) ? undefined : target.host } : undefined;
    // A TLS 1.3 server sends its session tickets after the handshake; curl logs them as they arrive.
    if (tls) this.trace('* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):\n'.repeat(2));
    const response = exchange(this.ctx.cluster, connection, request, tls);
    const statusLine = `${response.version ?? 'HTTP/1.1'} ${response.status} ${response.reason ?? reasonPhrase(response.status)}`;
    this.trace([`< ${statusLine}`, ...response.headers.map(([n, v]) => `< ${n}: ${v}`), '< ', ''].join('\n'));
    // -I and -i print the header block as it arrived, CRLF line ends and all; HEAD brings no body.
    const headerBlock = [statusLine, ...response.headers.map(([n, v]) => `${n}: ${v}`), '', ''].join('\r\n');
    const body = this.o.head ? headerBlock : this.o.include ? headerBlock + response.body : response.body;
    const output = this.o.outputs[this.index];
    const meter = !this.o.verbose && !this.o.silent && (!this.ctx.tty || output !== undefined);
    if (meter) this.err(meterStart());
    if (output === undefined) this.out(body);
    else if (output !== '/dev/null') this.client.fs.set(output, body);
    if (meter) this.err(meterEnd(this.o.head ? 0 : response.body.length, 0));
    this.info(`Connection #${id} to host ${target.host} left intact`);
    this.current.httpCode = response.status;
    this.current.sizeDownload = this.o.head ? 0 : response.body.length;
    this.current.contentType = response.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
    // The request and its answer: one round trip, and the server's fraction of a ms.
    this.current.totalUs = this.current.connectUs + rttUs + 150;
  }

  /** The socket is connected (or reused): what -w's remote_ip, local_port and time_connect say. */
  private connected(ip: string, port: number, sport: number, rttUs: number): void {
    Object.assign(this.current, { remoteIP: ip, remotePort: port, localIP: this.client.podIP, localPort: sport, connectUs: this.current.namelookupUs + rttUs });
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
 * without -t) and -s is not given: its head and a first line as the transfer starts
 * (`meterStart`), then, after the body, the last line (`meterEnd`). Fields as lib/progress.c
 * formats them; a simulated transfer takes 2 ms.
 */
function meterStart(): string {
  const head = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
  return `${head}\r${meterLine(0, 0, 0, 0, '--:--:--')}`;
}

function meterEnd(bytes: number, spentMs: number): string {
  if (!bytes) return `\r${meterLine(0, 0, 0, 0, clock(spentMs))}\n`;
  return `\r${meterLine(100, bytes, bytes * 500, bytes * 1000, '--:--:--')}\n`;
}

function meterLine(pct: number, size: number, dl: number, cur: number, spent: string): string {
  return `${p3(pct)} ${p5(size)}  ${p3(pct)} ${p5(size)}  ${p3(0)} ${p5(0)}  ${p5(dl)}  ${p5(0)} --:--:-- ${spent} --:--:-- ${p5(cur)}`;
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
