// Browser benchmark: the built course in Debian's Chromium, unthrottled and with the CPU throttled
// 4× through CDP (Emulation.setCPUThrottlingRate: a mid-range phone), at a phone's viewport.
// Per page with widgets: the JS (gzip) it loads before interaction and once its first widget has
// started; the time from that widget scrolling into view (and the reader's first move) to
// interactive (its engine started, aria-busy false) and the longest task meanwhile. Then a widget is driven for a few seconds (frame
// times p50/p95, long tasks). Budgets (issues 7 and 12): ≤ 150 KB JS gzip before interaction; no
// task over 200 ms while hydrating at 4×; p95 frame ≤ 33 ms at 4× while driven.
// Run: npm run bench (builds the site first when dist/ is missing); BENCH_PAGES=a/,b/ for some pages only,
// BENCH_DRIVE=no to skip driving.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/harness';
import { builtPages } from '../browser/site-pages';
import { serveStatic } from '../browser/static-server';
import { driveWidget, drivers } from './browser-drivers';

const KB = 1024;
const budget = { jsBeforeInteraction: 150 * KB, hydrationTask4x: 200, p95Frame4x: 33 };
const rates = [1, 4] as const;
const viewport = { width: 412, height: 915 };
/** Hydration is timed on this many fresh pages per rate: the figures vary with the machine's load. */
const hydrationRuns = 3;

const verdict = (value: number, limit: number) => (value <= limit ? 'ok' : 'OVER BUDGET');
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (n: number) => `${Math.round(n)} ms`;

/** Long tasks and the moment each widget's engine started, recorded inside the page from the start. */
function recordInPage() {
  const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __started: Map<Element, number> };
  w.__longTasks = [];
  w.__started = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as Element;
      if (el.getAttribute('aria-busy') === 'false' && !w.__started.has(el)) w.__started.set(el, performance.now());
    }
  }).observe(document, { attributes: true, attributeFilter: ['aria-busy'], subtree: true });
}

/**
 * A reader who came through the course's home page: a fresh browser profile visits `/` and waits
 * until the offline service worker has precached the site (its `ready`), then opens `url` with the
 * CPU throttled `rate`×, counting the gzip size of each JS response (served by the worker now).
 * Why not a first visit: the worker precaches 141 files (5.4 MB) one after another, and from a
 * server on this machine it does so as fast as the CPU allows, on the 2 cores the page also runs
 * on. Timed that way, the page's longest tasks doubled (nodeport, 4×: 53–119 ms with the worker
 * blocked, 168–212 ms with it precaching); over a phone's network it waits on the network instead.
 */
async function openPage(browser: Browser, url: string, rate: number) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await context.addInitScript(recordInPage);
  const page = await context.newPage();
  await page.goto(new URL('/', url).href, { waitUntil: 'load' });
  // At most a minute, should it never be ready.
  await page.evaluate(`Promise.race([navigator.serviceWorker.ready, new Promise((done) => setTimeout(done, 60000))])`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const js = { bytes: 0 };
  page.on('response', async (response) => {
    if (!/\.m?js$/.test(new URL(response.url()).pathname)) return;
    js.bytes += gzipSync(await response.body().catch(() => Buffer.alloc(0))).length;
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await quiet(page);
  return { context, page, js };
}

/**
 * Waits until the page has had a second without a long task (at most 10 s), as a reader reads the
 * first screen before scrolling: the page's own start-up work runs in idle callbacks after load
 * (Starlight's table of contents observes the headings, Expressive Code measures its blocks: 60–140
 * ms each at 4×), and timed right after load it fell inside the widget's hydration.
 */
async function quiet(page: Page) {
  await page.evaluate(`new Promise((done) => {
    const start = performance.now();
    const check = () => {
      const last = window.__longTasks.reduce((t, e) => Math.max(t, e.start + e.duration), 0);
      const now = performance.now();
      if (now - last >= 1000 || now - start > 10000) done();
      else setTimeout(check, 200);
    };
    check();
  })`);
}

interface Hydration {
  jsBefore: number;
  jsStarted: number;
  toInteractive: number;
  longestTask: number;
}

/**
 * Scrolls the first widget into view and moves the pointer, as a reader starts reading, and times
 * the widget until its engine has started (a live widget waits for the reader's first sign of
 * life: components/live/reader.svelte.ts). The whole measurement runs inside the page, started by
 * one small evaluate: Playwright's locators and waitForFunction run its injected scripts on the
 * page's main thread, and throttled 4× one of those is itself a task of 200 ms or more that the
 * long-task observer would blame on the widget. The pointer moves through CDP's input events, which
 * run no script in the page.
 */
async function firstWidget(page: Page, js: { bytes: number }): Promise<Hydration> {
  const jsBefore = js.bytes;
  // A string, not a function: tsx would wrap named callbacks in a helper the page lacks.
  const measured = page.evaluate(`new Promise((done) => {
    const widget = document.querySelector('astro-island figure[aria-busy]');
    const started = () => window.__started.get(widget);
    // A widget that started before the reader did anything (none should): timed from navigation start.
    const t0 = widget.getAttribute('aria-busy') === 'false' || started() !== undefined ? 0 : performance.now();
    if (t0) widget.scrollIntoView({ block: 'start', behavior: 'instant' });
    const finish = () => done({ t0, t1: started() ?? performance.now(), tasks: window.__longTasks });
    if (widget.getAttribute('aria-busy') === 'false') return finish();
    const watch = new MutationObserver(() => {
      if (widget.getAttribute('aria-busy') !== 'false') return;
      watch.disconnect();
      // The long-task observer reports a task after it ends: let the one that finished start it arrive.
      setTimeout(finish, 100);
    });
    watch.observe(widget, { attributes: true, attributeFilter: ['aria-busy'] });
  })`);
  // A widget that fills the first screen (an embed page's) does not scroll: the pointer's move is the reader's first sign.
  await page.mouse.move(viewport.width / 2, 1);
  const { t0, t1, tasks } = (await measured) as { t0: number; t1: number; tasks: { start: number; duration: number }[] };
  await page.waitForLoadState('networkidle');
  const during = tasks.filter((t) => t.start + t.duration >= t0 && t.start <= t1);
  return { jsBefore, jsStarted: js.bytes, toInteractive: t1 - t0, longestTask: Math.max(0, ...during.map((t) => t.duration)) };
}

if (!existsSync('dist/index.html')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const server = await serveStatic({ dist: 'dist' });
const browser = await launchChromium();
try {
  // Chapters first: a driver drives the first page that has its widget.
  const isEmbed = (path: string) => path.startsWith('embed/');
  // BENCH_PAGES=readiness/,embed/console/ times only those pages (the drivers still find their own).
  const only = process.env.BENCH_PAGES?.split(',');
  const withWidgets = builtPages()
    .filter(({ file }) => readFileSync(file, 'utf8').includes('figure'))
    .sort((a, b) => Number(isEmbed(a.path)) - Number(isEmbed(b.path)));
  console.log(`Chromium at ${viewport.width}×${viewport.height}; CPU throttled 1× and 4× (CDP Emulation.setCPUThrottlingRate)`);
  for (const { path } of withWidgets.filter((p) => !only || only.includes(p.path))) {
    for (const rate of rates) {
      const runs: Hydration[] = [];
      for (let i = 0; i < hydrationRuns; i++) {
        const { context, page, js } = await openPage(browser, new URL(path, server.url).href, rate);
        if (await page.evaluate("document.querySelector('astro-island figure[aria-busy]') !== null")) runs.push(await firstWidget(page, js));
        await context.close();
      }
      if (!runs.length) break;
      const worstTask = Math.max(...runs.map((h) => h.longestTask));
      const jsBefore = Math.max(...runs.map((h) => h.jsBefore));
      const taskLimit = rate === 4 ? ` (≤ ${budget.hydrationTask4x} ms at 4×: ${verdict(worstTask, budget.hydrationTask4x)})` : '';
      const jsLimit = isEmbed(path)
        ? ' (an embed page: the budget is a chapter’s)'
        : ` (≤ ${kb(budget.jsBeforeInteraction)}: ${verdict(jsBefore, budget.jsBeforeInteraction)})`;
      console.log(`/${path} ${rate}×: JS gzip before interaction ${kb(jsBefore)}${jsLimit}, once the first widget started ${kb(Math.max(...runs.map((h) => h.jsStarted)))}`);
      console.log(
        `/${path} ${rate}×: first widget in view, the reader's first move → interactive ${runs.map((h) => ms(h.toInteractive)).join(', ')}; ` +
          `longest task meanwhile ${runs.map((h) => ms(h.longestTask)).join(', ')}${taskLimit}`,
      );
    }
  }
  // BENCH_DRIVE=no skips driving (to time page loads only).
  for (const driver of process.env.BENCH_DRIVE === 'no' ? [] : drivers) {
    const target = withWidgets.find(({ file }) => driver.present(readFileSync(file, 'utf8')));
    if (!target) {
      console.log(`drive ${driver.name}: no page has it yet`);
      continue;
    }
    for (const rate of rates) {
      const { context, page } = await openPage(browser, new URL(target.path, server.url).href, rate);
      const f = await driveWidget(page, driver);
      const frameLimit = rate === 4 ? ` (≤ ${budget.p95Frame4x} ms at 4×: ${verdict(f.p95, budget.p95Frame4x)})` : '';
      console.log(
        `drive ${driver.name} on /${target.path} ${rate}× for ${ms(f.wallMs)} (${f.work}): ${f.frames} frames, ` +
          `p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms${frameLimit}; ${f.longTasks} long tasks, longest ${ms(f.longestTask)}`,
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
