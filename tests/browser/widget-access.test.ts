/**
 * Every widget (every island) on every built page, as a reader without a mouse, a reader of a
 * screen reader and a reader who asked for less motion meets it:
 * - keyboard: Tab reaches every control of the widget, each shows a visible focus indicator, and
 *   nothing in it reacts to a pointer (cursor: pointer) without being reachable by keyboard;
 * - live summary: the widget keeps a text summary in a live region (aria-live, or role status/log);
 * - reduced motion: with prefers-reduced-motion, stepping time and acting on the widget starts no
 *   animation or transition that takes time.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hydrateIslands, useSite, watchPage } from './harness';
import { builtPages } from './site-pages';
import { readFileSync } from 'node:fs';

/** Pages with at least one island: chapters and embed pages. */
const pages = builtPages().filter(({ file }) => readFileSync(file, 'utf8').includes('<astro-island'));

const site = useSite();

/** What counts as a control a reader operates; radios of one group share one Tab stop. */
const controlSelector =
  'button, input, select, textarea, a[href], summary, [role=button], [role=slider], [role=tab], [role=checkbox], [role=radio], [role=switch], [role=menuitem], [role=option], [tabindex]:not([tabindex="-1"])';

async function open(path: string, options: Parameters<Browser['newContext']>[0]) {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const watched = watchPage(page, site.server.origin);
  await page.goto(new URL(path, site.server.url).href, { waitUntil: 'load' });
  await hydrateIslands(page);
  return { context, page, watched };
}

/** Marks each island's enabled, visible controls with data-control="ISLAND:N"; returns them by island. */
async function markControls(page: Page): Promise<string[][]> {
  return page.evaluate((selector) => {
    const islands = [...document.querySelectorAll('astro-island')].filter((i) => !i.parentElement?.closest('astro-island'));
    return islands.map((island, i) => {
      const seenRadioGroups = new Set<string>();
      const ids: string[] = [];
      for (const el of island.querySelectorAll<HTMLElement>(selector)) {
        if ((el as HTMLButtonElement).disabled || el.closest('[inert], [aria-hidden="true"]')) continue;
        if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        if (el instanceof HTMLInputElement && el.type === 'radio') {
          if (seenRadioGroups.has(el.name)) continue;
          seenRadioGroups.add(el.name);
          // Any radio of the group may hold the group's Tab stop.
          for (const r of island.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(el.name)}"]`)) r.dataset.control = `${i}:${ids.length}`;
        } else el.dataset.control = `${i}:${ids.length}`;
        ids.push(`${i}:${ids.length} ${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`);
      }
      return ids;
    });
  }, controlSelector);
}

describe.each(pages)('/$path', ({ path }) => {
  test('Tab reaches every control of every widget, and each shows where the focus is', async () => {
    const { context, page, watched } = await open(path, { viewport: { width: 1280, height: 900 } });
    const controls = (await markControls(page)).flat();
    // Tab also walks through the controls inside iframes (the embed gallery's live previews), which
    // this document's query does not count: count each frame's controls too.
    const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]';
    const counts = await Promise.all(page.frames().map((f) => f.evaluate((s) => document.querySelectorAll(s).length, focusable).catch(() => 0)));
    const total = counts.reduce((a, b) => a + b, 0);
    const reached = new Map<string, boolean>();
    await page.locator('body').focus();
    for (let i = 0; i < total + 20 && reached.size < controls.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.dataset.control) return undefined;
        const style = getComputedStyle(el);
        const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        return { id: el.dataset.control, ring };
      });
      if (focused) reached.set(focused.id, (reached.get(focused.id) ?? false) || focused.ring);
    }
    const missing = controls.filter((c) => !reached.has(c.split(' ')[0]));
    const noRing = controls.filter((c) => reached.get(c.split(' ')[0]) === false);
    expect(missing, 'controls Tab never reaches').toEqual([]);
    expect(noRing, 'controls with no visible focus indicator').toEqual([]);
    expect(watched.problems).toEqual([]);
    await context.close();
  });

  test('nothing in a widget answers a pointer without being operable by keyboard', async () => {
    const { context, page } = await open(path, { viewport: { width: 1280, height: 900 } });
    const pointerOnly = await page.evaluate((selector) => {
      const found: string[] = [];
      for (const island of document.querySelectorAll('astro-island')) {
        for (const el of island.querySelectorAll<HTMLElement>('*')) {
          if (getComputedStyle(el).cursor !== 'pointer') continue;
          // A control itself, a label of one, or inside one, is keyboard-operable.
          if (el.matches(selector) || el.closest(`label, ${selector}`)) continue;
          found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
        }
      }
      return found;
    }, controlSelector);
    expect(pointerOnly).toEqual([]);
    await context.close();
  });

  test('every widget keeps a live text summary', async () => {
    const { context, page } = await open(path, { viewport: { width: 1280, height: 900 } });
    const summaries = await page.evaluate(() =>
      [...document.querySelectorAll('astro-island')]
        .filter((i) => !i.parentElement?.closest('astro-island'))
        .map((island) => {
          const regions = [...island.querySelectorAll('[aria-live]:not([aria-live="off"]), [role=status], [role=log], [role=alert]')];
          return { island: island.getAttribute('component-url'), regions: regions.length };
        }),
    );
    expect(summaries.filter((s) => s.regions === 0)).toEqual([]);
    await context.close();
  });

  test('with prefers-reduced-motion, stepping and acting on a widget animates nothing', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    // Record every animation or CSS transition that takes time, from the first script on.
    await context.addInitScript(() => {
      const moved: string[] = ((window as unknown as { __moved: string[] }).__moved = []);
      const animate = Element.prototype.animate;
      Element.prototype.animate = function (keyframes, options) {
        const ms = typeof options === 'number' ? options : Number(options?.duration ?? 0);
        if (ms > 0) moved.push(`animate() ${ms} ms on ${this.tagName.toLowerCase()}`);
        return animate.call(this, keyframes, options);
      };
      for (const type of ['transitionrun', 'animationstart'] as const) {
        document.addEventListener(type, (e) => moved.push(`${type} ${(e as TransitionEvent).propertyName ?? (e as AnimationEvent).animationName} on ${(e.target as Element).tagName.toLowerCase()}`), true);
      }
    });
    const page = await context.newPage();
    await page.goto(new URL(path, site.server.url).href, { waitUntil: 'load' });
    await hydrateIslands(page);
    // Move time and act as a reader would: a step, then the first action button of each widget.
    for (const widget of await page.locator('astro-island figure').all()) {
      // Scrolled as a reader's wheel would. Playwright's own scroll first waits for the box to hold
      // still over two frames; once, on a machine busy with other work, that wait ran out on
      // /debugging/ and could not be reproduced. The clicks below still wait for a stable target.
      await widget.evaluate((figure) => figure.scrollIntoView({ block: 'center' }));
      const step = widget.getByRole('button', { name: /^Step/ });
      if (await step.count()) await step.first().click();
      const act = widget.getByRole('button', { name: /^(Delete|Fail|Stop|Send|Scale)/ });
      if (await act.count()) await act.first().click();
      if (await step.count()) await step.first().click();
    }
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __moved: string[] }).__moved)).toEqual([]);
    await context.close();
  });
});
