/**
 * The chapter "Intent" in real Chromium, on the built site: the reader scales the Deployment and
 * deletes a Pod, and the cluster replaces it with a Pod that has a new IP.
 */
import { expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { openPageForTests, watchPage } from './harness';

const chapter = openPageForTests('intent/');

/** A widget, scrolled into view so that it hydrates and its virtual time runs, at 4× speed. */
async function openWidget(name: string): Promise<Locator> {
  const widget = chapter.page.getByRole('figure', { name });
  await widget.scrollIntoViewIfNeeded();
  const speed = widget.getByRole('combobox', { name: 'Speed' });
  // Hydrated once the clock moves.
  const clock = widget.getByText(/^t = /);
  const before = await clock.textContent();
  await expect.poll(() => clock.textContent(), { timeout: 15_000 }).not.toBe(before);
  await speed.selectOption('4');
  return widget;
}

/** The Pods the widget shows as Ready, with their IPs, by name (read in one go: the list changes while time runs). */
async function readyPods(widget: Locator): Promise<Map<string, string>> {
  const rows = await widget
    .getByRole('listitem', { name: /^Pod / })
    .evaluateAll((items) => items.map((item) => [item.getAttribute('aria-label') ?? '', item.textContent ?? ''] as const));
  const pods = new Map<string, string>();
  for (const [label, text] of rows) {
    if (!/\bReady\b/.test(text) || /not Ready/.test(text)) continue;
    const ip = /\b10\.\d+\.\d+\.\d+\b/.exec(text)?.[0];
    if (ip) pods.set(label.replace(/^Pod /, ''), ip);
  }
  return pods;
}

test('scaling the Deployment changes the number of running Pods', async () => {
  const widget = await openWidget('Live cluster: scale the Deployment');
  await expect.poll(async () => (await readyPods(widget)).size, { timeout: 30_000 }).toBe(3);

  const slider = widget.getByRole('slider', { name: /Desired replicas/ });
  await slider.focus();
  await chapter.page.keyboard.press('ArrowRight');
  await chapter.page.keyboard.press('ArrowRight');
  await expect.poll(() => slider.inputValue()).toBe('5');
  await expect.poll(async () => (await readyPods(widget)).size, { timeout: 30_000 }).toBe(5);
  await expect(widget.getByRole('log').textContent()).resolves.toMatch(/create/);
});

test('a deleted Pod is replaced by a new Pod with a new IP', async () => {
  const widget = await openWidget('Live cluster: delete a Pod');
  await expect.poll(async () => (await readyPods(widget)).size, { timeout: 30_000 }).toBe(3);
  const before = await readyPods(widget);
  const [victim, victimIP] = [...before][0];

  await widget.getByRole('button', { name: `Delete Pod ${victim}` }).click();

  await expect
    .poll(
      async () => {
        const now = await readyPods(widget);
        return [...now].filter(([name]) => !before.has(name));
      },
      { timeout: 30_000 },
    )
    .toHaveLength(1);
  const after = await readyPods(widget);
  const [, newIP] = [...after].find(([name]) => !before.has(name))!;
  expect(newIP).not.toBe(victimIP);
  expect([...before.values()]).not.toContain(newIP);
});

test('the self-check says in words whether an answer is right', async () => {
  const check = chapter.page.getByRole('region', { name: 'Check yourself' });
  await check.scrollIntoViewIfNeeded();
  const question = check.getByRole('group', { name: /A Pod runs two containers/ });
  // The island hydrates when visible: retry until the button reacts.
  await question.getByRole('radio', { name: /One IP per container/ }).check();
  await expect
    .poll(async () => {
      await question.getByRole('button', { name: 'Check' }).click();
      return question.getByRole('status').textContent();
    })
    .toMatch(/Not quite/);
  await question.getByRole('radio', { name: /One IP, shared by both containers/ }).check();
  await question.getByRole('button', { name: 'Check' }).click();
  await expect.poll(() => question.getByRole('status').textContent()).toMatch(/Correct/);
});

test('under prefers-reduced-motion time does not run by itself: the reader steps it', async () => {
  const context = await chapter.browser.newContext({ reducedMotion: 'reduce' });
  const calm = await context.newPage();
  const calmWatch = watchPage(calm, chapter.server.origin);
  await calm.goto(new URL('intent/', chapter.server.url).href, { waitUntil: 'load' });
  const widget = calm.getByRole('figure', { name: 'Live cluster: delete a Pod' });
  await widget.scrollIntoViewIfNeeded();
  const clock = widget.getByText(/^t = /);
  // Once the engine has started (it may take seconds on a busy machine), the Step button moves the
  // clock by exactly one second, and nothing else moves it.
  await expect.poll(() => widget.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
  const before = Number(/t = ([\d.]+) s/.exec((await clock.textContent()) ?? '')?.[1]);
  await widget.getByRole('button', { name: 'Step 1 s' }).click();
  await expect.poll(() => clock.textContent()).toBe(`t = ${(before + 1).toFixed(1)} s`);
  const stepped = await clock.textContent();
  await calm.waitForTimeout(500);
  expect(await clock.textContent()).toBe(stepped);
  expect(await widget.getByRole('button', { name: 'Play' }).count()).toBe(1);
  expect(calmWatch.problems).toEqual([]);
  await context.close();
});

test('the page logs no console error and requests nothing from another host', () => {
  expect(chapter.problems).toEqual([]);
});
