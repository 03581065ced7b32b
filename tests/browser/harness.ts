/**
 * Shared pieces of the browser tests: serve the built site with `astro preview`, drive Debian's
 * Chromium with playwright-core, and record what a reader must never see (console errors, requests
 * that leave the local server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; tests/browser/ensure-chromium.sh installs it. */
export const chromiumPath = '/usr/bin/chromium';

/** A running `astro preview` of dist/. */
export interface PreviewServer {
  /** The site's root URL, including Astro's `base`: `http://127.0.0.1:4321/` or `…/course/`. */
  url: string;
  origin: string;
  stop(): void;
}

/** Asks the OS for a TCP port nobody listens on. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Serves the built dist/ with `astro preview` on a free port and waits until it prints its URL.
 * Run `npm run build` first. `stop()` kills the server's whole process group.
 */
export async function startPreview(cwd = process.cwd(), timeoutMs = 60_000): Promise<PreviewServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro preview did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      const match = new RegExp(`http://(?:localhost|127\\.0\\.0\\.1):${port}(/\\S*)?`).exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}${match[1] ?? '/'}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`astro preview exited with ${code}:\n${output}`));
    });
  }).catch((error: unknown) => {
    stop();
    throw error;
  });
  return { url, origin: new URL(url).origin, stop };
}

/** Starts headless Chromium with no network of its own: no updates, no sync, no first-run pages. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * Records every console error, uncaught page error and request to a host other than `origin`
 * on `page`. A test asserts that `problems` is empty at the end.
 */
export function watchPage(page: Page, origin: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request off the local server: ${url}`);
    }
  });
  return { problems };
}
