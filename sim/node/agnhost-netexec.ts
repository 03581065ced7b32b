import { requestPath, type HttpRequest, type HttpResponse } from '../net/http';
import { goResponse } from './http-exchange';
import type { HttpPeer } from './main-programs';
import type { ProgramContext } from './programs';
import { containerHostname } from './serve-hostname';

/**
 * agnhost netexec's HTTP handlers, each writing with fmt.Fprint (no newline): `/clientip` the
 * client's address as the server's socket saw it, `ip:port` (r.RemoteAddr); `/hostname` (and the
 * older `/hostName`) the Pod's hostname; `/echo?msg=M&code=C` M with status C; `/healthz` 200 with
 * no body; any other path the root handler's `NOW: ` and Go's time.Now() (with its monotonic
 * reading, seconds since the program started). /dial, /shell, /exit, /redirect, /upload and
 * /shutdown are not modelled (they answer as the root handler).
 * Source: kubernetes/test/images/agnhost/netexec/netexec.go (addRoutes and the handlers).
 */
export function netexecHttp(ctx: ProgramContext): (req: HttpRequest, peer: HttpPeer) => HttpResponse {
  const startedMs = ctx.cluster.clock.now;
  return (req, peer) => {
    const path = requestPath(req);
    const query = new URLSearchParams(req.path.includes('?') ? req.path.slice(req.path.indexOf('?') + 1) : '');
    if (path === '/clientip') return goResponse(ctx.cluster, `${peer.clientIP}:${peer.clientPort}`);
    if (path === '/hostname' || path === '/hostName') return goResponse(ctx.cluster, containerHostname(ctx));
    if (path === '/healthz') return goResponse(ctx.cluster, '');
    if (path === '/echo') {
      const code = query.get('code') ?? '';
      if (code !== '' && !/^-?\d+$/.test(code)) return goResponse(ctx.cluster, `argument 'code' must be an integer or empty, got "${code}"\n`);
      const status = code === '' ? 200 : Number(code);
      return goResponse(ctx.cluster, query.get('msg') ?? '', status >= 100 && status <= 999 ? status : 200);
    }
    return goResponse(ctx.cluster, `NOW: ${goTime(ctx.cluster.clock.epochMs + ctx.cluster.clock.now, ctx.cluster.clock.now - startedMs)}`);
  };
}

/**
 * Go's Time.String() of a time.Now() in UTC: `2026-12-03 08:00:05.25 +0000 UTC m=+12.250000001`
 * (fraction without trailing zeros; the monotonic reading with nine decimals).
 */
function goTime(epochMs: number, monotonicMs: number): string {
  const iso = new Date(epochMs).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  const monotonic = (monotonicMs / 1000).toFixed(9);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''} +0000 UTC m=+${monotonic}`;
}
