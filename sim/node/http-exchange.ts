import type { Clock } from '../core/clock';
import type { Connection } from '../net/dataplane';
import { httpDate, reasonPhrase, requestPath, type Headers, type HttpRequest, type HttpResponse } from '../net/http';
import type { Server } from './main-programs';
import type { HostServer } from '../net/node-network';

/**
 * One HTTP request over an established connection, answered by the server program listening on
 * the socket the connection reached: its own handler when it has one (nginx, agnhost, an ingress
 * controller that proxies), else the simulator's convention for unknown images (the Pod's name).
 * A connection that reached no Pod is answered by the host process listening on the node
 * (kube-proxy's health servers) or by the internet host it reached (the echo host). `tls` is set
 * when the request travels inside a TLS session (the SNI name the client sent).
 */
export function exchange(env: { clock: Clock }, connection: Connection, req: HttpRequest, tls?: { sni?: string }): HttpResponse {
  const delivered = connection.delivered;
  const socket = `TCP/${delivered?.dport ?? 0}`;
  if (!connection.server) {
    const { element } = connection.serverHost;
    const answer = element?.http ? element.http(delivered?.src ?? '', requestPath(req)) : hostServerAt(connection, socket)?.http(requestPath(req), req, tls);
    if (answer) return answer;
  }
  const server = serverAt(connection, socket);
  if (server?.http && delivered) {
    return server.http(req, { socket, clientIP: delivered.src, clientPort: delivered.sport, serverIP: delivered.dst, ...(tls ? { tls } : {}) });
  }
  return serveHostname(env, connection.server?.podName ?? '');
}

/** The process of the machine (not of a Pod) listening on the socket a connection reached, if any. */
export function hostServerAt(connection: Connection, socket: string): HostServer | undefined {
  return connection.server ? undefined : connection.serverHost.node?.hostServers.get(socket);
}

/** The server program behind the socket a connection reached, if a program (not the convention) answers there. */
export function serverAt(connection: Connection, socket: string): Server | undefined {
  return connection.server?.servers?.get(socket);
}

/**
 * What a server of an image the simulator does not know answers (the simulator's convention, see
 * images.ts): 200 OK with its Pod's name and a newline, as Go's net/http writes it. The images the
 * simulator knows answer as their programs do (nginx its default page, serve_hostname and agnhost
 * their hostname with no newline).
 */
export function serveHostname(env: { clock: Clock }, podName: string): HttpResponse {
  return goResponse(env, `${podName}\n`);
}

/**
 * A response as a Go net/http handler writes it: the headers the handler set, sorted by name (Header.WriteSubset),
 * then the ones the server adds (extraHeader.Write): Date, Content-Length (the handler finished
 * without setting it), and Content-Type sniffed from the body when the handler set none (plain text
 * here; an empty body has none). Source: net/http's server.go (chunkWriter.writeHeader).
 */
export function goResponse(env: { clock: Clock }, body: string, status = 200, set: Headers = []): HttpResponse & { reason: string } {
  const own = [...set].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const typed = own.some(([n]) => n.toLowerCase() === 'content-type');
  return {
    status,
    reason: reasonPhrase(status),
    headers: [
      ...own,
      ['Date', httpDate(env.clock.epochMs + env.clock.now)],
      ['Content-Length', String(new TextEncoder().encode(body).length)],
      ...(body && !typed ? ([['Content-Type', 'text/plain; charset=utf-8']] as Headers) : []),
    ],
    body,
  };
}
