/**
 * A small static server for the built site, for the browser tests, the Lighthouse run and the
 * browser bench. Why not `astro preview`: since Astro 7 it writes a lock file
 * (`.astro/preview.json`, astro/dist/core/dev/lockfile.js) and refuses to start while another
 * preview of the same project runs ("Another astro preview server is already running",
 * astro/dist/cli/preview/index.js), so a reader's open `npm run preview` made `npm test` fail; and
 * when it detects an AI agent it forks itself into the background. This server listens on a port
 * the OS picks (port 0), keeps no lock, and can add response headers (a strict CSP, for the CSP test).
 * Text is sent gzipped to a client that accepts it, as static hosts do, so that Lighthouse and the
 * bench see the transfer sizes a reader gets.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Media types of what an Astro + Starlight + Pagefind build writes. */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  // Pagefind's index fragments and metadata.
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface StaticServer {
  /** The site's root URL, base included: `http://127.0.0.1:PORT/` or `…/course/`. */
  url: string;
  origin: string;
  stop(): Promise<void>;
}

export interface StaticServerOptions {
  /** The built folder. */
  dist: string;
  /** The path the site is built under (Astro's `base`), e.g. `/` or `/course/`. */
  base?: string;
  /** Headers added to every response, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>;
}

const compressible = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/;
const gzipCache = new Map<string, { mtime: number; body: Buffer }>();
/** A file's gzip encoding, computed once per version of the file. */
function gzipped(path: string): Buffer {
  const mtime = statSync(path).mtimeMs;
  const hit = gzipCache.get(path);
  if (hit?.mtime === mtime) return hit.body;
  const body = gzipSync(readFileSync(path));
  gzipCache.set(path, { mtime, body });
  return body;
}

/** The `base` the site is built with: astro.config.mjs reads the same variable. */
export function siteBase(): string {
  const base = process.env.ASTRO_BASE ?? '/';
  return (base.startsWith('/') ? base : `/${base}`).replace(/\/?$/, '/');
}

/** Maps a request path to a file of `dist`: `x/` → `x/index.html`, `x` → `x` or `x/index.html`. */
function fileFor(dist: string, base: string, pathname: string): string | undefined {
  if (!pathname.startsWith(base) && pathname !== base.slice(0, -1)) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const path = normalize(join(dist, rel));
  if (path !== dist && !path.startsWith(dist + sep)) return undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Serves `dist` on 127.0.0.1 at a port the OS chooses, until `stop()`. */
export async function serveStatic({ dist, base = siteBase(), headers = {} }: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(dist);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} has no index.html: run \`npm run build\` first`);
  const send = (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: base, ...headers }).end();
      return;
    }
    // A directory asked for without its slash: redirect, as static hosts do, so relative URLs resolve.
    const file = fileFor(root, base, pathname);
    if (file && file.endsWith(`${sep}index.html`) && !pathname.endsWith('/') && !pathname.endsWith('.html')) {
      res.writeHead(301, { location: `${pathname}/`, ...headers }).end();
      return;
    }
    const notFound = join(root, '404.html');
    const path = file ?? (existsSync(notFound) ? notFound : undefined);
    const status = file ? 200 : 404;
    if (!path) {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('Not found');
      return;
    }
    const type = types[extname(path)] ?? 'application/octet-stream';
    const gzip = compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? gzipped(path) : readFileSync(path);
    res.writeHead(status, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server = createServer(send);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
