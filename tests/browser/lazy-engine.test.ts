/**
 * The chapter "Intent" loads the engine only when a widget needs it: the page arrives with the
 * cluster the engine computed at build time, the engine's chunk is fetched once a widget scrolls
 * into view (once for all widgets), and the live cluster then shows exactly what the page showed.
 */
import { expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { useSite, watchPage } from './harness';

const site = useSite();

/** A fresh page of the chapter, with every request for the engine's chunk counted. */
async function openChapter(options: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; page: Page; engineRequests: string[]; problems: string[] }> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const { problems } = watchPage(page, site.server.origin);
  const engineRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/live-cluster[^/]*\.js$/.test(r.url())) engineRequests.push(r.url());
  });
  await page.goto(new URL('intent/', site.server.url).href, { waitUntil: 'load' });
  return { context, page, engineRequests, problems };
}

/** What a widget shows of its Pods: name, IP and status words, in page order. */
async function podsShown(page: Page, widget: string): Promise<string[]> {
  const pods = page.getByRole('figure', { name: widget }).getByRole('listitem', { name: /^Pod / });
  return (await pods.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

test('the engine loads only when a widget is on screen, once for all widgets', async () => {
  const { context, page, engineRequests, problems } = await openChapter({ viewport: { width: 1280, height: 600 } });
  await page.waitForTimeout(500);
  expect(engineRequests).toEqual([]);
  // Before any script has run, the page already shows the build-time cluster: Pods with IPs.
  expect((await podsShown(page, 'Live cluster: where Pods run')).join('\n')).toMatch(/^web-\S+ .*\b10\.\d+\.\d+\.\d+ Running Ready Delete$/m);

  for (const widget of await page.getByRole('figure', { name: /^Live cluster/ }).all()) {
    await widget.scrollIntoViewIfNeeded();
    await expect.poll(() => widget.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
  }
  expect(engineRequests).toHaveLength(1);
  expect(problems).toEqual([]);
  await context.close();
});

test('the live cluster starts exactly where the built page left it', async () => {
  // Under reduced motion time stands still, so the first live view is the warm-up's last instant.
  const { context, page, problems } = await openChapter({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const name = 'Live cluster: delete a Pod';
  const widget = page.getByRole('figure', { name });
  const built = await podsShown(page, name);
  const builtClock = await widget.getByText(/^t = /).textContent();
  expect(built).toHaveLength(3);

  await widget.scrollIntoViewIfNeeded();
  await expect.poll(() => widget.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
  expect(await podsShown(page, name)).toEqual(built);
  expect(await widget.getByText(/^t = /).textContent()).toBe(builtClock);
  // And it is live: one step moves the clock by one second.
  await widget.getByRole('button', { name: 'Step 1 s' }).click();
  await expect.poll(() => widget.getByText(/^t = /).textContent()).not.toBe(builtClock);
  expect(problems).toEqual([]);
  await context.close();
});
