import { httpDate, requestPath, type HttpRequest, type HttpResponse } from '../net/http';
import { serveHostname } from './http-exchange';
import type { HttpPeer } from './main-programs';
import type { ProgramContext } from './programs';

/**
 * agnhost netexec's HTTP handlers that tell a reader something about the path a request took:
 * `/clientip` writes the client's address as the server's socket saw it, `ip:port` with no
 * newline (r.RemoteAddr), and `/hostname` the Pod's hostname with no newline. Other paths keep
 * the simulator's serve-hostname convention. Source: kubernetes/test/images/agnhost/netexec/
 * netexec.go (addRoutes, clientIPHandler, hostnameHandler).
 */
export function netexecHttp(ctx: ProgramContext): (req: HttpRequest, peer: HttpPeer) => HttpResponse {
  const hostname = () => (ctx.fs?.get('/etc/hostname') ?? ctx.pod?.metadata.name ?? '').trim();
  return (req, peer) => {
    const path = requestPath(req).split('?')[0];
    const body = path === '/clientip' ? `${peer.clientIP}:${peer.clientPort}` : path === '/hostname' || path === '/hostName' ? hostname() : undefined;
    if (body === undefined) return serveHostname(ctx.cluster, ctx.pod?.metadata.name ?? hostname());
    return {
      status: 200,
      headers: [
        ['Content-Length', String(body.length)],
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Date', httpDate(ctx.cluster.clock.epochMs + ctx.cluster.clock.now)],
      ],
      body,
    };
  };
}
