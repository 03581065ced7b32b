/**
 * Shared pieces of the browser tests: serve the built site, drive Debian's
 * Chromium with playwright-core, and record what a reader must never see (console errors, requests
 * that leave the local server).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server';

/** Debian's Chromium; tests/browser/ensure-chromium.sh installs it. */
export const chromiumPath = '/usr/bin/chromium';

/** The built site, served; see ./static-server.ts for why this is not `astro preview`. */
export type PreviewServer = StaticServer;

/**
 * Serves the built dist/ (under Astro's `base`) on a port the OS picks. Run `npm run build`
 * first. Any number of these, and a reader's own `npm run preview`, can run side by side.
 */
export function startPreview(cwd = process.cwd(), headers: Record<string, string> = {}): Promise<PreviewServer> {
  return serveStatic({ dist: `${cwd}/dist`, headers });
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

/**
 * Scrolls every island of `page` into view, as a reader scrolling down would, and waits until
 * each has hydrated (Astro removes an island's `ssr` attribute once its component has mounted)
 * and any widget inside it has started its engine (`aria-busy` goes false). An engine boots in
 * 8 ms slices between the browser's other tasks: on a machine busy with other work, one widget of
 * a page with seven took over 20 s, so each island gets 40 s.
 *
 * The island is scrolled back into view every second while it waits: prose skipped by
 * `content-visibility: auto` takes its real height as it nears the viewport, which can push an
 * island out of view before it was ever seen, and a reader would then scroll to it again.
 */
export async function hydrateIslands(page: Page, timeoutMs = 40_000): Promise<number> {
  const islands = await page.locator('astro-island').all();
  for (const [index, island] of islands.entries()) {
    const handle = (await island.elementHandle())!;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // An island is `display: contents`: scroll its first box into view.
      await handle.evaluate((el) => {
        const box = [...el.querySelectorAll('*')].find((e) => e.getClientRects().length > 0) ?? el;
        box.scrollIntoView({ block: 'center', behavior: 'instant' });
      });
      const ready = await page
        .waitForFunction((el) => !el.hasAttribute('ssr') && !el.querySelector('[aria-busy="true"]'), handle, { timeout: Math.min(1_000, Math.max(1, deadline - Date.now())) })
        .then(() => true, () => false);
      if (ready) break;
      if (Date.now() >= deadline) {
        const state = await handle.evaluate((el) => {
          const box = [...el.querySelectorAll('*')].find((e) => e.getClientRects().length > 0);
          const rect = box?.getBoundingClientRect();
          return {
            hydrated: !el.hasAttribute('ssr'),
            busy: el.querySelector('[aria-busy="true"]')?.getAttribute('aria-label') ?? null,
            alerts: [...el.querySelectorAll('[role="alert"]')].map((a) => a.textContent),
            top: rect?.top ?? null,
            height: rect?.height ?? null,
            viewport: innerHeight,
          };
        });
        throw new Error(`island ${index + 1} of ${islands.length} not live after ${timeoutMs} ms: ${JSON.stringify(state)}`);
      }
    }
  }
  return islands.length;
}

/** Scrolls a live widget into view, waits until its engine runs, and sets its time to 4× speed. */
export async function openLiveWidget(page: Page, name: string): Promise<Locator> {
  const widget = page.getByRole('figure', { name });
  await widget.scrollIntoViewIfNeeded();
  await expect.poll(() => widget.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
  await widget.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  return widget;
}

/** The built site served, and Chromium, for one test file. */
export interface Site {
  readonly server: PreviewServer;
  readonly browser: Browser;
}

/**
 * Serves the built site and starts Chromium before the test file's tests run, and closes both
 * after them. Call it at the top of a test file; its fields are set once the tests start.
 */
export function useSite(): Site {
  const site = {} as { -readonly [K in keyof Site]: Site[K] };
  beforeAll(async () => {
    site.server = await startPreview();
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.stop();
  });
  return site;
}

/** A page of the built site open in Chromium for one test file, and what the reader must never see on it. */
export interface OpenPage {
  readonly server: PreviewServer;
  readonly browser: Browser;
  readonly page: Page;
  readonly problems: string[];
}

/**
 * Opens `path` of the built site in Chromium before the test file's tests run, watched by
 * watchPage, and closes the browser and the server after them. Call it at the top of a test file.
 */
export function openPageForTests(path: string, viewport = { width: 1280, height: 900 }): OpenPage {
  const site = useSite();
  const opened = {} as { -readonly [K in keyof OpenPage]: OpenPage[K] };
  beforeAll(async () => {
    Object.assign(opened, site);
    opened.page = await site.browser.newPage({ viewport });
    opened.problems = watchPage(opened.page, site.server.origin).problems;
    await opened.page.goto(new URL(path, site.server.url).href, { waitUntil: 'load' });
  });
  return opened;
}
