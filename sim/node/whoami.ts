import { httpDate, type HttpRequest } from '../net/http';
import { mainPrograms, serve, type MainProgram } from './main-programs';

/**
 * traefik/whoami (registered for its effect: import this module once), whose answer tells what reached it: the Pod's hostname, its addresses, the
 * client address it saw (RemoteAddr) and the request as it arrived (Go's Request.Write: request
 * line, Host, User-Agent, then the other headers in canonical form, sorted, CRLF line ends), so
 * a reader sees what a proxy added (X-Forwarded-For, X-Real-Ip). The addresses are loopback's and
 * eth0's IPv4 and loopback's ::1; the link-local IPv6 address a real Pod also lists is left out.
 * Source: github.com/traefik/whoami, app.go (whoamiHandler, getIPs; --port, default 80).
 */
export const whoami: MainProgram = (args, ctx) => {
  const port = flagValue(args, 'port') ?? '80';
  if (!/^\d+$/.test(port)) return { stderr: `whoami: invalid port "${port}"\n`, exitCode: 1 };
  const hostname = (ctx.fs?.get('/etc/hostname') ?? `${ctx.pod?.metadata.name ?? ''}\n`).trim();
  return serve({
    sockets: [`TCP/${port}`],
    http: (req, peer) => {
      const body = [`Hostname: ${hostname}`, 'IP: 127.0.0.1', 'IP: ::1', `IP: ${peer.serverIP}`, `RemoteAddr: ${peer.clientIP}:${peer.clientPort}`, ''].join('\n') + requestWrite(req);
      return {
        status: 200,
        headers: [
          ['Content-Length', String(body.length)],
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Date', httpDate(ctx.cluster.clock.epochMs + ctx.cluster.clock.now)],
        ],
        body,
      };
    },
  });
};

/** Go's http.Request.Write for a received request. */
function requestWrite(req: HttpRequest): string {
  const canonical = (name: string) => name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
  const get = (name: string) => req.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const excluded = new Set(['host', 'user-agent', 'content-length', 'transfer-encoding', 'trailer']);
  const rest = req.headers.filter(([n]) => !excluded.has(n.toLowerCase())).map(([n, v]) => [canonical(n), v] as const);
  rest.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const lines = [`${req.method} ${req.path} HTTP/1.1`, `Host: ${get('host') ?? ''}`, `User-Agent: ${get('user-agent') ?? 'Go-http-client/1.1'}`, ...rest.map(([n, v]) => `${n}: ${v}`)];
  return lines.map((l) => `${l}\r\n`).join('') + '\r\n';
}

function flagValue(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(args[i]);
    if (m?.[1] === name) return m[2] ?? args[i + 1];
  }
  return undefined;
}

mainPrograms.set('whoami', whoami);
