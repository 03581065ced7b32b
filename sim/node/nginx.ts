import { header, httpDate, requestPath, type HttpRequest, type HttpResponse } from '../net/http';
import { parseImageRef } from './images';
import { mainPrograms, serve, type MainProgram } from './main-programs';
import { nginxPage } from './nginx-pages';
import { entrypointLog, requestLog, startupNotices, type LoggedRequest } from './nginx-log';
import { resolvePath } from './programs/fs';
import { processEnvironment } from './programs/environ';

/**
 * The `nginx` image's server (registered for its effect: import this module once): the image's
 * default.conf serves the files under /usr/share/nginx/html on port 80 (8080 in
 * nginx-unprivileged), `index.html` for `/` (403 Forbidden for a folder without one), and
 * nginx's own 404 page for anything else. The files are the container's (a ConfigMap mounted
 * there, or `kubectl exec … -- sh -c 'echo hi > /usr/share/nginx/html/index.html'`, changes what
 * it serves). It logs as the image does (nginx-log.ts). Not modelled: /50x.html, directory
 * redirects, Range requests.
 * Sources: github.com/nginxinc/docker-nginx (mainline/debian: default.conf; the nginx.org package's
 * index.html, 615 bytes); nginx's ngx_http_static_module.c and ngx_http_header_filter_module.c
 * (the header order: Server, Date, Content-Type, Content-Length, Last-Modified, Connection, ETag,
 * Accept-Ranges; ETag = "hex(mtime)-hex(length)").
 */

/** The page the nginx.org packages install as /usr/share/nginx/html/index.html (the docker image's). */
export const nginxWelcomePage = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const htmlRoot = '/usr/share/nginx/html';
const utf8 = new TextEncoder();

/**
 * The last release of each nginx series the image's tags name, and its release day (nginx.org's
 * CHANGES): the version in the Server header, and the day taken as the image files' mtime (the
 * simulator's choice: the real mtime is the package's build time, that day or the next); and the
 * compiler of the Debian release its image is built on (bookworm's gcc 12, trixie's gcc 14), as
 * nginx names it at start. `latest` and `mainline` are the newest mainline, `stable` the newest stable.
 */
const bookworm = 'gcc 12.2.0 (Debian 12.2.0-14)';
const trixie = 'gcc 14.2.0 (Debian 14.2.0-19)';
const releases: Record<string, { version: string; day: string; compiler: string }> = {
  '1.25': { version: '1.25.5', day: '2024-04-16', compiler: bookworm },
  '1.26': { version: '1.26.3', day: '2025-02-05', compiler: bookworm },
  '1.27': { version: '1.27.5', day: '2025-04-16', compiler: bookworm },
  '1.28': { version: '1.28.0', day: '2025-04-23', compiler: bookworm },
  '1.29': { version: '1.29.3', day: '2025-10-28', compiler: trixie },
};

/** The nginx version, file mtime (epoch ms) and compiler of an nginx image reference: `nginx:1.27` → 1.27.5. */
export function nginxRelease(image: string): { version: string; mtimeMs: number; compiler: string } {
  const tag = parseImageRef(image).tag;
  const series = /^(\d+\.\d+)/.exec(tag)?.[1];
  const patch = /^(\d+\.\d+\.\d+)/.exec(tag)?.[1];
  const release = (series && releases[series]) || (/^stable/.test(tag) ? releases['1.28'] : releases['1.29']);
  return { version: `nginx/${patch ?? release.version}`, mtimeMs: Date.parse(`${release.day}T00:00:00Z`), compiler: release.compiler };
}

/** The Content-Type nginx's mime.types gives a file name (default_type application/octet-stream). */
function mimeType(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const types: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript', json: 'application/json' };
  return (ext && types[ext]) || 'application/octet-stream';
}

export const nginx: MainProgram = (_args, ctx, log) => {
  const spec = ctx.pod?.spec.containers.find((c) => c.name === ctx.container);
  const { version, mtimeMs, compiler } = nginxRelease(spec?.image ?? 'nginx');
  const clock = ctx.cluster.clock;
  const fs = ctx.fs;
  // The image's files, unless a volume is mounted over the folder.
  if (fs && !fs.has(`${htmlRoot}/`)) {
    for (const dir of ['/usr/share/', '/usr/share/nginx/', `${htmlRoot}/`]) fs.set(dir, '');
    fs.set(`${htmlRoot}/index.html`, nginxWelcomePage);
  }
  // The image's entrypoint script runs unless the Pod's command replaces it.
  const entrypoint = !spec?.command?.length || spec.command[0].endsWith('docker-entrypoint.sh');
  if (entrypoint && !processEnvironment(ctx).get('NGINX_ENTRYPOINT_QUIET_LOGS')) log?.(entrypointLog(), '');
  log?.('', startupNotices(clock, version, compiler));
  const startedMs = clock.epochMs + clock.now;
  const file = (path: string): { path: string; content?: string } => {
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape names no file: nginx answers 400 there; here it is looked up as typed.
    }
    const target = resolvePath(`${htmlRoot}/${decoded}${path.endsWith('/') ? 'index.html' : ''}`);
    return { path: target, content: target.startsWith(`${htmlRoot}/`) ? fs?.get(target) : undefined };
  };
  const answer = (method: string, path: string): { response: HttpResponse; missing?: LoggedRequest['missing'] } => {
    const nowMs = clock.epochMs + clock.now;
    const found = file(path);
    if (found.content === undefined) {
      // A folder without index.html: the index module declines, and nginx refuses to list it.
      const folder = path.endsWith('/') ? found.path.slice(0, -'index.html'.length) : undefined;
      if (folder && fs?.has(folder)) return { response: nginxPage(403, nowMs, undefined, version), missing: { path: folder, why: 'forbidden' } };
      return { response: nginxPage(404, nowMs, undefined, version), missing: { path: found.path, why: folder ? 'index' : 'open' } };
    }
    if (method !== 'GET' && method !== 'HEAD') return { response: nginxPage(405, nowMs, undefined, version) };
    const length = utf8.encode(found.content).length;
    const mtime = found.content === nginxWelcomePage ? mtimeMs : startedMs;
    const headers: HttpResponse['headers'] = [
      ['Server', version],
      ['Date', httpDate(nowMs)],
      ['Content-Type', mimeType(found.path)],
      ['Content-Length', String(length)],
      ['Last-Modified', httpDate(mtime)],
      ['Connection', 'keep-alive'],
      ['ETag', `"${Math.floor(mtime / 1000).toString(16)}-${length.toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
    ];
    return { response: { status: 200, headers, body: method === 'HEAD' ? '' : found.content } };
  };
  let connections = 0;
  /** Answers a request from `clientIP` and logs it: the error line while handling it, the access line once done. */
  const handle = (req: HttpRequest, clientIP: string): HttpResponse => {
    const { response, missing } = answer(req.method, requestPath(req));
    const bodyBytes = req.method === 'HEAD' ? 0 : Number(header(response.headers, 'Content-Length') ?? 0);
    const lines = requestLog(clock, ++connections, { req, clientIP, status: response.status, bodyBytes, missing });
    log?.('', lines.stderr);
    log?.(lines.stdout, '');
    return response;
  };
  // nginxinc/nginx-unprivileged runs as a user that may not bind below 1024: its default.conf listens on 8080.
  const port = parseImageRef(spec?.image ?? 'nginx').repository === 'nginxinc/nginx-unprivileged' ? 8080 : 80;
  return serve({
    sockets: [`TCP/${port}`],
    http: (req, peer) => handle(req, peer.clientIP),
    httpStatus: (path, _uptimeMs, probe) => (probe ? handle(probe.req, probe.clientIP) : answer('GET', path).response).status,
  });
};

mainPrograms.set('nginx', nginx);
