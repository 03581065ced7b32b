/**
 * The offline study folder (offline/, written by `npm run build`) opened from disk, as a reader
 * who double-clicks index.html: Chromium with no special flags refuses module scripts, import()
 * and fetch() from file://, so this proves the folder needs none of them. Every page loads without
 * an error, every island hydrates, every link points at a file that exists, and search and a
 * self-check work.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './harness';

const folder = new URL('../../offline/', import.meta.url);
const pages = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .sort();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a page of the folder with every problem recorded (anything not from file:// is one). */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const { problems } = watchPage(page, 'file://');
  await page.goto(new URL(path, folder).href, { waitUntil: 'load' });
  return { page, problems };
}

test('the folder has the landing page and the chapters', () => {
  expect(pages).toContain('index.html');
  expect(pages).toContain('intent/index.html');
});

test.each(pages)('%s: loads from disk, hydrates every island, links only to files that exist', async (path) => {
  const { page, problems } = await open(path);
  for (const island of await page.locator('astro-island').all()) {
    // An island is display: contents; its first element is what scrolls into view.
    await island.locator(':scope > :first-child').scrollIntoViewIfNeeded();
    await expect.poll(() => island.getAttribute('ssr'), { timeout: 15_000 }).toBeNull();
  }
  const links = await page.locator('a[href], link[href], script[src], img[src], iframe[src]').evaluateAll((els) =>
    els.map((e) => (e as HTMLAnchorElement).href || (e as HTMLScriptElement).src),
  );
  for (const link of links.filter((l) => l.startsWith('file:'))) {
    const file = fileURLToPath(link.replace(/[?#].*$/, ''));
    expect(existsSync(file) && !file.endsWith('/'), `${path} links to ${link}`).toBe(true);
  }
  expect(problems).toEqual([]);
  await page.close();
});

test('a widget runs its cluster from disk: the reader steps time and scales', async () => {
  const { page, problems } = await open('intent/index.html');
  const widget = page.getByRole('figure', { name: 'Live cluster: scale the Deployment' });
  await widget.scrollIntoViewIfNeeded();
  await expect.poll(() => widget.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
  const slider = widget.getByRole('slider', { name: /Desired replicas/ });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => widget.getByRole('log').textContent(), { timeout: 20_000 }).toMatch(/desired 4/);
  expect(problems).toEqual([]);
  await page.close();
});

test('a self-check answers from disk', async () => {
  const { page, problems } = await open('intent/index.html');
  const question = page.getByRole('region', { name: 'Check yourself' }).getByRole('group').first();
  await question.scrollIntoViewIfNeeded();
  await question.getByRole('radio').first().check();
  await expect
    .poll(async () => {
      await question.getByRole('button', { name: 'Check' }).click();
      return question.getByRole('status').textContent();
    })
    .toMatch(/Correct|Not quite/);
  expect(problems).toEqual([]);
  await page.close();
});

test('search finds a chapter from disk and its result opens the page', async () => {
  const { page, problems } = await open('index.html');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('searchbox', { name: 'Search the course' }).fill('ReplicaSet');
  const results = dialog.getByRole('list', { name: 'Search results' }).getByRole('link');
  await expect.poll(() => results.count()).toBeGreaterThan(0);
  await expect(results.first().textContent()).resolves.toMatch(/Intent/);
  await results.first().click();
  await page.waitForURL(/\/intent\/index\.html/);
  expect(pathToFileURL(fileURLToPath(page.url().replace(/#.*$/, ''))).protocol).toBe('file:');
  expect(problems).toEqual([]);
  await page.close();
});
