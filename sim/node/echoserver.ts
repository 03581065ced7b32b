import { header, httpDate, requestPath, type HttpRequest, type HttpResponse } from '../net/http';
import { parseImageRef } from './images';
import { mainPrograms, serve, type HttpPeer, type MainProgram } from './main-programs';
import type { ProgramContext } from './programs';
import { containerHostname } from './serve-hostname';
import { processEnvironment } from './programs/environ';

/**
 * `registry.k8s.io/echoserver` (registered for its effect: import this module once), the nginx +
 * Lua server of the "Using Source IP" tutorial and of minikube's hello example: on 8080 it answers
 * every request with what reached it, the client address first, so a reader sees whether the
 * source IP survived the trip. Tags up to 1.4 print the old layout (CLIENT VALUES, `command=`,
 * `query=nil`, nginx 1.10.0); later ones (1.10) the newer one (Hostname, Pod Information from the
 * downward-API variables NODE_NAME, POD_NAME, POD_NAMESPACE and POD_IP when the Pod sets them,
 * nginx 1.13.3). Headers are listed lower-cased and sorted, `request_uri` is the Host without its
 * port, then `:8080` and the path. The response is chunked, with `Server: echoserver`.
 * Not modelled: its TLS port 8443, request bodies. Sources: kubernetes/contrib echoserver
 * (nginx.conf's Lua template), and the tutorials' and minikube's printed outputs.
 */
export const echoserver: MainProgram = (_args, ctx) => {
  const image = ctx.pod?.spec.containers.find((c) => c.name === ctx.container)?.image ?? '';
  const old = /^1\.[0-4](\D|$)/.test(parseImageRef(image).tag);
  const answer = (req: HttpRequest, peer: HttpPeer): HttpResponse => ({
    status: 200,
    headers: [
      ['Server', 'echoserver'],
      ['Date', httpDate(ctx.cluster.clock.epochMs + ctx.cluster.clock.now)],
      ['Content-Type', 'text/plain; charset=UTF-8'],
      ['Transfer-Encoding', 'chunked'],
      ['Connection', 'keep-alive'],
    ],
    body: req.method === 'HEAD' ? '' : old ? oldBody(req, peer) : body(req, peer, ctx),
  });
  return serve({ sockets: ['TCP/8080'], http: answer });
};

function requestFacts(req: HttpRequest) {
  const q = req.path.indexOf('?');
  const host = (header(req.headers, 'Host') ?? '').replace(/:\d+$/, '');
  const headers = req.headers.map(([n, v]) => `${n.toLowerCase()}=${v}`).sort();
  return { path: requestPath(req), query: q < 0 ? '' : req.path.slice(q + 1), uri: `http://${host}:8080${req.path}`, headers };
}

function body(req: HttpRequest, peer: HttpPeer, ctx: ProgramContext): string {
  const r = requestFacts(req);
  const env = processEnvironment(ctx);
  const podInfo = ['NODE_NAME', 'POD_NAME', 'POD_NAMESPACE', 'POD_IP'].some((v) => env.has(v))
    ? [`node name:\t${env.get('NODE_NAME') ?? ''}`, `pod name:\t${env.get('POD_NAME') ?? ''}`, `pod namespace:\t${env.get('POD_NAMESPACE') ?? ''}`, `pod IP:\t${env.get('POD_IP') ?? ''}`]
    : ['-no pod information available-'];
  const section = (title: string, lines: string[]) => `${title}:\n${lines.map((l) => `\t${l}\n`).join('')}\n`;
  return [
    `\n\nHostname: ${containerHostname(ctx)}\n\n`,
    section('Pod Information', podInfo),
    section('Server values', ['server_version=nginx: 1.13.3 - lua: 10008']),
    section('Request Information', [`client_address=${peer.clientIP}`, `method=${req.method}`, `real path=${r.path}`, `query=${r.query}`, 'request_version=1.1', 'request_scheme=http', `request_uri=${r.uri}`]),
    section('Request Headers', r.headers),
    section('Request Body', ['-no body in request-']),
  ].join('');
}

function oldBody(req: HttpRequest, peer: HttpPeer): string {
  const r = requestFacts(req);
  return [
    'CLIENT VALUES:',
    `client_address=${peer.clientIP}`,
    `command=${req.method}`,
    `real path=${r.path}`,
    `query=${r.query || 'nil'}`,
    'request_version=1.1',
    `request_uri=${r.uri}`,
    '',
    'SERVER VALUES:',
    'server_version=nginx: 1.10.0 - lua: 10001',
    '',
    'HEADERS RECEIVED:',
    ...r.headers,
    'BODY:',
    '-no body in request-',
    '',
  ].join('\n');
}

mainPrograms.set('run.sh', echoserver);
