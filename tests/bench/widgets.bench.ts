/**
 * Widgets in real Chromium (run `npm run build` first; skipped when there is no dist/ or no
 * Chromium): for each chapter, the JS it loads before interaction and once its first widget
 * starts (gzip); the time from a widget scrolling into view to interactive (engine started) and
 * the longest task meanwhile; frame times (p50, p95) and long tasks while driving ClusterMap with
 * 12 Pods and a stream of packets, unthrottled and with the CPU throttled 4×.
 * Budgets (issue 7): ≤ 150 KB JS gzip per chapter before interaction; no task over 200 ms while
 * hydrating at 4×; p95 frame ≤ 33 ms at 4× while driven.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { chromiumPath, launchChromium, startPreview } from '../browser/harness';

const chapters = process.env.BENCH_CHAPTERS ? process.env.BENCH_CHAPTERS.split(',') : ['intent/', 'pod-network/', 'services/', 'kube-proxy/', 'readiness/'];

if (!existsSync('dist/index.html') || !existsSync(chromiumPath)) {
  console.log('skipped: needs `npm run build` and Chromium');
} else {
  const server = await startPreview();
  const browser = await launchChromium();
  try {
    /** Gzipped bytes of the JS a page has fetched so far. */
    const jsBytes = async (page: Page) => {
      const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
      let total = 0;
      for (const url of new Set(urls)) total += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
      return total;
    };
    const longTasks = (page: Page) =>
      page.evaluate(() => {
        const w = window as unknown as { __long: number[] };
        w.__long = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
      });
    const takeLong = (page: Page) => page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0));

    console.log('chapter        JS before (KB gz)  JS with engine  to interactive  longest task  (4× CPU)');
    for (const chapter of chapters) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(new URL(chapter, server.url).href, { waitUntil: 'networkidle' });
      const before = await jsBytes(page);
      await longTasks(page);
      const widget = page.locator('figure.widget[aria-busy]').first();
      const start = Date.now();
      await widget.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector('figure.widget[aria-busy]')?.getAttribute('aria-busy') === 'false', null, { timeout: 60_000 });
      const ready = Date.now() - start;
      const longest = Math.max(0, ...(await takeLong(page)));
      const after = await jsBytes(page);
      console.log(`${chapter.padEnd(15)}${(before / 1024).toFixed(1).padStart(17)}${(after / 1024).toFixed(1).padStart(16)}${`${ready} ms`.padStart(16)}${`${longest.toFixed(0)} ms`.padStart(14)}`);
      await page.close();
    }

    for (const rate of [1, 4]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const cdp = await page.context().newCDPSession(page);
      await page.goto(new URL('readiness/', server.url).href, { waitUntil: 'networkidle' });
      const widget = page.getByRole('figure', { name: 'Live cluster: fail a readiness probe' });
      await widget.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector('figure[aria-label="Live cluster: fail a readiness probe"]')?.getAttribute('aria-busy') === 'false');
      const line = widget.getByRole('textbox', { name: 'Command' });
      await line.fill('kubectl scale deployment web --replicas=11');
      await line.press('Enter');
      await page.waitForTimeout(4000);
      const pods = await widget.getByRole('group', { name: 'Cluster map', exact: true }).getByRole('button', { name: /^Pod / }).count();
      await widget.getByRole('group', { name: 'Cluster map', exact: true }).scrollIntoViewIfNeeded();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await longTasks(page);
      // Frame deltas for 6 s while a stream of requests crosses the map (12 every 400 ms).
      // A string, so that the bundler's helpers (tsx's __name) do not reach the page.
      const frames = page.evaluate(`new Promise((resolve) => {
        const deltas = [];
        let last = performance.now();
        const end = last + 6000;
        requestAnimationFrame(function tick(t) {
          deltas.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else resolve(deltas);
        });
      })`) as Promise<number[]>;
      const stop = Date.now() + 5500;
      while (Date.now() < stop) {
        await line.fill("kubectl exec client -- sh -c 'for i in $(seq 1 12); do curl -s http://web; done'");
        await line.press('Enter');
        await page.waitForTimeout(400);
      }
      const deltas = (await frames).sort((a, b) => a - b);
      const q = (p: number) => deltas[Math.min(deltas.length - 1, Math.floor(p * deltas.length))];
      const long = await takeLong(page);
      console.log(`ClusterMap, ${pods} Pods, packets streaming, CPU ${rate}×: ${deltas.length} frames, p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, long tasks ${long.length} (longest ${Math.max(0, ...long).toFixed(0)} ms)`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
}
