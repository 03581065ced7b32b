import { httpDate, requestPath, type HttpResponse } from '../net/http';
import { parseImageRef } from './images';
import { mainPrograms, serve, type MainProgram } from './main-programs';
import { nginxPage } from './nginx-pages';
import { resolvePath } from './programs/fs';

/**
 * The `nginx` image's server (registered for its effect: import this module once): the image's
 * default.conf serves the files under /usr/share/nginx/html on port 80, `index.html` for `/`, and
 * nginx's own 404 page for anything else. The files are the container's (a ConfigMap mounted
 * there, or `kubectl exec … -- sh -c 'echo hi > /usr/share/nginx/html/index.html'`, changes what
 * it serves). Not modelled: /50x.html, directory redirects, Range requests.
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

/**
 * The last release of each nginx series the image's tags name, and its release day (nginx.org's
 * CHANGES): the version in the Server header, and the day taken as the image files' mtime (the
 * simulator's choice: the real mtime is the package's build time, that day or the next).
 * `latest` and `mainline` are the newest mainline, `stable` the newest stable.
 */
const releases: Record<string, { version: string; day: string }> = {
  '1.25': { version: '1.25.5', day: '2024-04-16' },
  '1.26': { version: '1.26.3', day: '2025-02-05' },
  '1.27': { version: '1.27.5', day: '2025-04-16' },
  '1.28': { version: '1.28.0', day: '2025-04-23' },
  '1.29': { version: '1.29.3', day: '2025-10-28' },
};

/** The nginx version and file mtime (epoch ms) of an nginx image reference: `nginx:1.27` → 1.27.5. */
export function nginxRelease(image: string): { version: string; mtimeMs: number } {
  const tag = parseImageRef(image).tag;
  const series = /^(\d+\.\d+)/.exec(tag)?.[1];
  const patch = /^(\d+\.\d+\.\d+)/.exec(tag)?.[1];
  const release = (series && releases[series]) || (/^stable/.test(tag) ? releases['1.28'] : releases['1.29']);
  return { version: `nginx/${patch ?? release.version}`, mtimeMs: Date.parse(`${release.day}T00:00:00Z`) };
}

/** The Content-Type nginx's mime.types gives a file name (default_type application/octet-stream). */
function mimeType(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const types: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript', json: 'application/json' };
  return (ext && types[ext]) || 'application/octet-stream';
}

export const nginx: MainProgram = (_args, ctx) => {
  const image = ctx.pod?.spec.containers.find((c) => c.name === ctx.container)?.image ?? 'nginx';
  const { version, mtimeMs } = nginxRelease(image);
  const fs = ctx.fs;
  // The image's files, unless a volume is mounted over the folder.
  if (fs && !fs.has(`${htmlRoot}/`)) {
    for (const dir of ['/usr/share/', '/usr/share/nginx/', `${htmlRoot}/`]) fs.set(dir, '');
    fs.set(`${htmlRoot}/index.html`, nginxWelcomePage);
  }
  const startedMs = ctx.cluster.clock.epochMs + ctx.cluster.clock.now;
  const file = (path: string): { path: string; content: string } | undefined => {
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape names no file: nginx answers 400 there; here it is looked up as typed.
    }
    const target = resolvePath(`${htmlRoot}/${decoded}${path.endsWith('/') ? 'index.html' : ''}`);
    const content = target.startsWith(`${htmlRoot}/`) ? fs?.get(target) : undefined;
    return content === undefined ? undefined : { path: target, content };
  };
  const answer = (method: string, path: string): HttpResponse => {
    const nowMs = ctx.cluster.clock.epochMs + ctx.cluster.clock.now;
    const found = file(path);
    if (!found) return nginxPage(404, nowMs, undefined, version);
    if (method !== 'GET' && method !== 'HEAD') return nginxPage(405, nowMs, undefined, version);
    const length = new TextEncoder().encode(found.content).length;
    const mtime = found.content === nginxWelcomePage ? mtimeMs : startedMs;
    return {
      status: 200,
      headers: [
        ['Server', version],
        ['Date', httpDate(nowMs)],
        ['Content-Type', mimeType(found.path)],
        ['Content-Length', String(length)],
        ['Last-Modified', httpDate(mtime)],
        ['Connection', 'keep-alive'],
        ['ETag', `"${Math.floor(mtime / 1000).toString(16)}-${length.toString(16)}"`],
        ['Accept-Ranges', 'bytes'],
      ],
      body: method === 'HEAD' ? '' : found.content,
    };
  };
  return serve({
    sockets: ['TCP/80'],
    http: (req) => answer(req.method, requestPath(req)),
    httpStatus: (path) => answer('GET', path).status,
  });
};

mainPrograms.set('nginx', nginx);
