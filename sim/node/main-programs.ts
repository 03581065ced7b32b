import type { ProcessRun } from '../shell/interpreter';
import { requestPath, type HttpRequest, type HttpResponse } from '../net/http';
import type { TlsOffer } from '../net/tls/handshake';
import type { ProgramContext } from './programs';
import { netexecHttp } from './agnhost-netexec';
import { serveHostnameHttp } from './serve-hostname';
import { goLogLine } from './go-log';
import { goResponse } from './http-exchange';
import { goDuration } from '../core/go-duration';

/**
 * The server programs of the catalogue's images (see images.ts), as a container's main process
 * runs them: each parses its flags, listens where the real program listens (whatever the Pod
 * declares as containerPorts: in Kubernetes those are informational), and runs until it is
 * stopped. A server with an `http` handler answers as the real program does (nginx, whoami,
 * serve_hostname, agnhost serve-hostname and netexec); the others answer with their Pod's name
 * (the simulator's convention, see serveHostname in http-exchange.ts), with status 200.
 */

/** What a running server listens on and how it answers. */
export interface Server {
  /** Sockets as `PROTOCOL/port`: `TCP/80`, `UDP/53`. */
  sockets: string[];
  /**
   * The HTTP status of a GET of `path`, `uptimeMs` after the server started listening (200 when
   * absent). `probe` is the kubelet's request and address when a probe asks, for a server that logs
   * the requests it answers.
   */
  httpStatus?: (path: string, uptimeMs: number, probe?: { req: HttpRequest; clientIP: string }) => number;
  /** Answers one HTTP request that reached `socket`; absent, the convention for unknown images answers (serveHostname). */
  http?: (req: HttpRequest, peer: HttpPeer) => HttpResponse;
  /**
   * A gRPC server's answer to grpc.health.v1.Health/Check for `service`, `uptimeMs` after it
   * started listening; absent, the socket does not speak gRPC (see kubelet-probes.ts).
   */
  grpcHealth?: (socket: string, service: string, uptimeMs: number) => GrpcHealthAnswer | undefined;
  /** The TLS a socket speaks (`TCP/443`) for the SNI name the client sent; undefined for plain TCP. */
  tls?: (socket: string, sni: string | undefined) => TlsOffer | undefined;
}

declare module '../net/node-network' {
  interface PodSandbox {
    /** The server program behind each listening socket (kept by the kubelet: see syncListening). */
    servers?: Map<string, Server>;
  }
}

/** Who a request came from and where it arrived, as the server's socket sees it. */
export interface HttpPeer {
  /** `TCP/80`. */
  socket: string;
  /** The client's address and port as the server sees them (after any SNAT on the way). */
  clientIP: string;
  clientPort: number;
  /** The server's own address the connection reached. */
  serverIP: string;
  /** Over TLS: the SNI name the client sent. */
  tls?: { sni?: string };
}

/** A health check's answer: a status, or a gRPC error (`NotFound`, `unknown service`). */
export type GrpcHealthAnswer = { status: 'SERVING' | 'NOT_SERVING' } | { code: 'NotFound' | 'Unimplemented'; message: string };

/** A server program: its arguments (and where it runs) to the process it runs, or a usage error. */
export type MainProgram = (args: string[], ctx: ProgramContext, log?: ProgramLog) => ProcessRun | { stderr: string; exitCode: number };

/** Where a running server writes its log lines (the container's log, as `kubectl logs` shows it). */
export type ProgramLog = (stdout: string, stderr: string) => void;

/** Listens, then runs until stopped. */
export function* serve(server: Server): ProcessRun {
  if (server.sockets.length) yield { kind: 'listen', server };
  for (;;) yield { kind: 'forever', busy: false };
}

/**
 * A flag's value in Go's flag or spf13/pflag syntax: `--name=v`, `--name v`, `-name=v`, `-name v`.
 * `undefined` when absent; `'true'` for a bare boolean flag followed by another flag.
 */
export function flag(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(args[i]);
    if (!m || m[1] !== name) continue;
    if (m[2] !== undefined) return m[2];
    const next = args[i + 1];
    return next === undefined || next.startsWith('-') ? 'true' : next;
  }
  return undefined;
}

/** The port of a `HOST:PORT` or `:PORT` listen address. */
function portOf(address: string): number | undefined {
  const m = /:(\d+)$/.exec(address);
  return m ? Number(m[1]) : undefined;
}

const invalidPort = (program: string, value: string) => ({ stderr: `${program}: invalid port "${value}"\n`, exitCode: 1 });

/** A server that listens on one TCP port given by a numeric flag, or its default. */
function portFlagServer(program: string, name: string, fallback: number): MainProgram {
  return (args) => {
    const value = flag(args, name) ?? String(fallback);
    if (!/^\d+$/.test(value)) return invalidPort(program, value);
    return serve({ sockets: [`TCP/${value}`] });
  };
}

/**
 * agnhost's subcommands the tutorials use. Source: kubernetes/test/images/agnhost: pause;
 * serve-hostname (--port 9376, --http true, --tcp, --udp false); netexec (--http-port 8080,
 * --udp-port 8081; /clientip and /hostname answer as netexec does, see agnhost-netexec.ts); liveness (8080: /healthz answers 200 for the first 10 s, then 500);
 * test-webserver (80).
 */
const agnhost: MainProgram = (args, ctx, log) => {
  const [sub, ...rest] = args;
  if (sub === 'pause') return serve({ sockets: [] });
  if (sub === 'serve-hostname') {
    const port = flag(rest, 'port') ?? '9376';
    if (!/^\d+$/.test(port)) return invalidPort('agnhost', port);
    const http = flag(rest, 'http') !== 'false';
    const tcp = flag(rest, 'tcp') === 'true';
    const udp = flag(rest, 'udp') === 'true';
    return serveHostname(ctx, port, http, [...(http || tcp ? [`TCP/${port}`] : []), ...(udp ? [`UDP/${port}`] : [])], log);
  }
  if (sub === 'netexec') {
    const http = flag(rest, 'http-port') ?? '8080';
    const udp = flag(rest, 'udp-port') ?? '8081';
    if (!/^\d+$/.test(http)) return invalidPort('agnhost', http);
    return serve({ sockets: [`TCP/${http}`, ...(/^\d+$/.test(udp) && udp !== '-1' ? [`UDP/${udp}`] : [])], http: netexecHttp(ctx) });
  }
  if (sub === 'liveness') {
    return serve({ sockets: ['TCP/8080'], httpStatus: (path, uptimeMs) => (path === '/healthz' && uptimeMs > 10_000 ? 500 : 200) });
  }
  if (sub === 'test-webserver') return serve({ sockets: ['TCP/80'] });
  if (sub === 'grpc-health-checking') return grpcHealthChecking(rest, ctx);
  if (sub === undefined) return { stderr: 'Error: requires at least 1 arg(s), only received 0\n', exitCode: 1 };
  return { stderr: `agnhost: the simulator does not model the subcommand "${sub}" (it runs pause, serve-hostname, netexec, liveness, test-webserver, grpc-health-checking)\n`, exitCode: 1 };
};

/**
 * agnhost grpc-health-checking: grpc.health.v1 on --port (5000) for --service (""), SERVING until
 * --delay-unhealthy-sec (never by default), NotFound "unknown service" for another service name;
 * HTTP on --http-port (8080): /make-not-serving and /make-serving force the answer (and write the
 * uptime). Source: kubernetes/test/images/agnhost/grpc-health-checking/grpc-health-checking.go.
 */
function grpcHealthChecking(args: string[], ctx: ProgramContext): ProcessRun | { stderr: string; exitCode: number } {
  const port = flag(args, 'port') ?? '5000';
  const httpPort = flag(args, 'http-port') ?? '8080';
  for (const p of [port, httpPort]) if (!/^\d+$/.test(p)) return invalidPort('agnhost', p);
  const service = flag(args, 'service') ?? '';
  const delaySec = Number(flag(args, 'delay-unhealthy-sec') ?? '-1');
  const started = ctx.cluster.clock.now;
  let forced: boolean | undefined;
  return serve({
    sockets: [`TCP/${port}`, `TCP/${httpPort}`],
    grpcHealth: (socket, svc, uptimeMs) => {
      if (socket !== `TCP/${port}`) return undefined;
      if (svc !== service) return { code: 'NotFound', message: 'unknown service' };
      return forced || (delaySec >= 0 && uptimeMs / 1000 >= delaySec) ? { status: 'NOT_SERVING' } : { status: 'SERVING' };
    },
    http: (req) => {
      const path = requestPath(req);
      if (path !== '/make-not-serving' && path !== '/make-serving') return goResponse(ctx.cluster, '404 page not found\n', 404);
      forced = path === '/make-not-serving';
      return goResponse(ctx.cluster, goDuration(ctx.cluster.clock.now - started));
    },
  });
}

/**
 * etcd: the client API (and grpc.health.v1, "" SERVING) on each --listen-client-urls address
 * (default http://localhost:2379, which nothing outside the Pod reaches).
 * Source: etcd's server/embed (serve.go registers the health server); the probes tutorial's grpc-liveness.yaml.
 */
const etcd: MainProgram = (args) => {
  const urls = (flag(args, 'listen-client-urls') ?? 'http://localhost:2379').split(',');
  const ports = urls.filter((u) => !/\/\/(localhost|127\.)/.test(u)).map(portOf).filter((p) => p !== undefined);
  const sockets = [...new Set(ports.map((p) => `TCP/${p}`))];
  return serve({
    sockets,
    grpcHealth: (socket, svc) => (!sockets.includes(socket) ? undefined : svc === '' ? { status: 'SERVING' } : { code: 'NotFound', message: 'unknown service' }),
  });
};

/**
 * serve_hostname and agnhost serve-hostname: they log `Serving on port N.` with Go's log package
 * once listening, then `HTTP request from IP:PORT` for each request they answer (HTTP mode).
 */
function serveHostname(ctx: ProgramContext, port: string, http: boolean, sockets: string[], log: ProgramLog | undefined): ProcessRun {
  const write = (line: string) => log?.('', goLogLine(ctx.cluster.clock, line));
  const answer = serveHostnameHttp(ctx);
  write(`Serving on port ${port}.`);
  const handler = (req: HttpRequest, peer: HttpPeer) => {
    write(`HTTP request from ${peer.clientIP}:${peer.clientPort}`);
    return answer(req);
  };
  return serve({ sockets, ...(http ? { http: handler } : {}) });
}

/** gunicorn's `-b HOST:PORT` / `--bind` (default 127.0.0.1:8000, unreachable from outside the Pod). */
const gunicorn: MainProgram = (args) => {
  const bind = flag(args, 'b') ?? flag(args, 'bind') ?? '127.0.0.1:8000';
  const port = portOf(bind);
  return serve({ sockets: port !== undefined && !bind.startsWith('127.') ? [`TCP/${port}`] : [] });
};

/** The server programs, by the base name of argv[0]; add-ons register their images' programs here too. */
export const mainPrograms = new Map<string, MainProgram>([
  ['pause', () => serve({ sockets: [] })],
  ['httpd-foreground', () => serve({ sockets: ['TCP/80'] })],
  ['traefik', () => serve({ sockets: ['TCP/80'] })],
  ['serve_hostname', (args, ctx, log) => {
    const port = flag(args, 'port') ?? '9376';
    return /^\d+$/.test(port) ? serveHostname(ctx, port, true, [`TCP/${port}`], log) : invalidPort('serve_hostname', port);
  }],
  ['agnhost', agnhost],
  ['http-echo', (args) => {
    const listen = flag(args, 'listen') ?? ':5678';
    const port = portOf(listen);
    return port === undefined ? invalidPort('http-echo', listen) : serve({ sockets: [`TCP/${port}`] });
  }],
  ['gunicorn', gunicorn],
  ['redis-server', portFlagServer('redis-server', 'port', 6379)],
  ['etcd', etcd],
  // goproxy (registry.k8s.io/goproxy, the probes tutorial's tcpSocket example): an HTTP proxy on 8080.
  ['goproxy', () => serve({ sockets: ['TCP/8080'] })],
  ['node', (args) => (args[0] === 'server.js' ? serve({ sockets: ['TCP/8080'] }) : { stderr: `node: the simulator runs only the bootcamp's server.js\n`, exitCode: 1 })],
]);
