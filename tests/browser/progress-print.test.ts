/**
 * Self-check progress and printing, as a reader meets them: an answered question is remembered
 * after a reload and counted on the landing page and in the sidebar, until the reader resets it;
 * and a chapter printed shows each widget's state and its summary in words, without controls.
 */
import { expect, test } from 'vitest';
import { openPageForTests } from './harness';

const site = openPageForTests('intent/');

test('a self-check answered right is remembered after a reload, on the chapter, the landing page and the sidebar', async () => {
  await site.page.goto(new URL('intent/', site.server.url).href, { waitUntil: 'load' });
  const check = site.page.getByRole('region', { name: 'Check yourself' });
  await check.scrollIntoViewIfNeeded();
  const question = check.getByRole('group', { name: /A Pod runs two containers/ });
  await question.getByRole('radio', { name: /One IP, shared by both containers/ }).check();
  await expect
    .poll(async () => {
      await question.getByRole('button', { name: 'Check' }).click();
      return question.getByRole('status').textContent();
    })
    .toMatch(/Correct/);
  const total = await check.getByRole('group').count();

  await site.page.reload({ waitUntil: 'load' });
  await site.page.getByRole('region', { name: 'Check yourself' }).scrollIntoViewIfNeeded();
  await expect.poll(() => site.page.getByRole('group', { name: /A Pod runs two containers/ }).getByRole('status').textContent()).toMatch(/right on an earlier visit/);
  const badge = site.page.locator('#starlight__sidebar a[href$="/intent/"] .progress-badge');
  await expect.poll(() => badge.getAttribute('aria-label')).toBe(`1 of ${total} self-check questions right`);

  await site.page.goto(site.server.url, { waitUntil: 'load' });
  await expect.poll(() => site.page.locator('[data-progress-chapter="intent"]').textContent()).toBe(`1 of ${total} right`);
  await expect.poll(() => site.page.locator('[data-progress-summary]').textContent()).toMatch(/1 of \d+ self-check questions right, in 1 chapter/);

  site.page.once('dialog', (dialog) => dialog.accept());
  await site.page.getByRole('button', { name: 'Reset progress' }).click();
  await expect.poll(() => site.page.locator('[data-progress-chapter="intent"]').textContent()).toBe('');
  await site.page.reload({ waitUntil: 'load' });
  await expect.poll(() => site.page.locator('[data-progress-summary]').textContent()).toMatch(/no self-check answered yet/);
});

test('a chapter prints its widgets as they stand, with their summary and without controls', async () => {
  await site.page.goto(new URL('intent/', site.server.url).href, { waitUntil: 'load' });
  const widget = site.page.getByRole('figure', { name: 'Live cluster: scale the Deployment' });
  await site.page.emulateMedia({ media: 'print' });
  const summary = widget.locator(':scope > p[aria-live]');
  expect(await summary.evaluate((p) => p.getBoundingClientRect().width > 100)).toBe(true);
  await expect(summary.textContent()).resolves.toMatch(/^Desired 3; \d Pod\(s\) running, \d Ready\.$/);
  expect(await widget.getByRole('button', { name: 'Share' }).isVisible()).toBe(false);
  expect(await widget.getByRole('slider').isVisible()).toBe(false);
  expect(await widget.getByRole('listitem', { name: /^Pod web-/ }).first().isVisible()).toBe(true);
  expect(await site.page.locator('#starlight__sidebar').isVisible()).toBe(false);
  const pdf = await site.page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await site.page.emulateMedia({ media: 'screen' });
  expect(site.problems).toEqual([]);
});
