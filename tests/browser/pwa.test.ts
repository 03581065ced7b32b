/**
 * The served site as a PWA: after a first visit its service worker (Workbox) has precached the
 * course, and with the server gone every page, widget and Pagefind search still works. Search is
 * also checked online first, as a reader who never goes offline uses it.
 */
import { readdirSync } from 'node:fs';
import { expect, test } from 'vitest';
import { openPageForTests } from './harness';

const pages = readdirSync(new URL('../../dist/', import.meta.url), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('index.html'))
  .map((f) => f.replace(/index\.html$/, ''))
  .sort();
const site = openPageForTests('');

/** Types into Starlight's search dialog and returns the result links' text (Pagefind's UI). */
async function search(query: string): Promise<string[]> {
  await site.page.getByRole('button', { name: 'Search' }).click();
  const dialog = site.page.getByRole('dialog', { name: 'Search' });
  // Pagefind's UI gives its input no role beyond a text box.
  await dialog.locator('.pagefind-ui__search-input').fill(query);
  const links = dialog.locator('.pagefind-ui__result-link');
  await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const texts = await links.allTextContents();
  await site.page.keyboard.press('Escape');
  return texts;
}

test('search finds chapters on the site (Pagefind)', async () => {
  expect(await search('ReplicaSet')).toContainEqual(expect.stringMatching(/Intent/));
});

test('the service worker takes control after the first visit', async () => {
  const controlled = () => site.page.evaluate(() => navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null));
  await expect.poll(controlled, { timeout: 30_000 }).toBe(true);
});

test.each(pages)('with the server gone, /%s still loads and hydrates every island', async (path) => {
  site.server.stop();
  await site.page.context().setOffline(true);
  const response = await site.page.goto(new URL(path, site.server.url).href, { waitUntil: 'load' });
  expect(response?.fromServiceWorker()).toBe(true);
  for (const island of await site.page.locator('astro-island').all()) {
    await island.locator(':scope > :first-child').scrollIntoViewIfNeeded();
    await expect.poll(() => island.getAttribute('ssr'), { timeout: 15_000 }).toBeNull();
  }
});

test('with the server gone, a widget runs and search still answers', async () => {
  await site.page.goto(new URL('intent/', site.server.url).href, { waitUntil: 'load' });
  const widget = site.page.getByRole('figure', { name: 'Live cluster: scale the Deployment' });
  await widget.scrollIntoViewIfNeeded();
  await expect.poll(() => widget.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
  const clock = widget.getByText(/^t = /);
  const before = await clock.textContent();
  await widget.getByRole('button', { name: /Step/ }).first().click();
  await expect.poll(() => clock.textContent()).not.toBe(before);
  expect(await search('kubelet')).not.toEqual([]);
});

test('the pages logged no error and asked nothing of another host', () => {
  expect(site.problems).toEqual([]);
});
