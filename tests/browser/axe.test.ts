/**
 * axe-core on every built page (chapters, the landing page, embed pages, the 404 page), before
 * and after its islands hydrate, at a phone's width in dark and a laptop's in light: zero
 * violations of any rule axe runs by default (WCAG 2.x A and AA and best practices).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hydrateIslands, useSite, watchPage } from './harness';
import { builtPages } from './site-pages';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const pages = builtPages();
const looks = [
  { width: 375, colorScheme: 'dark' },
  { width: 1280, colorScheme: 'light' },
] as const;

const site = useSite();

/** axe's violations on the page as it is now, one line per rule and element. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run();
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${n.target.join(' ')}`));
  });
  return found;
}

describe.each(pages)('/$path', ({ path }) => {
  test.each(looks)('has no axe violations at $width px, $colorScheme, before and after hydrating', async ({ width, colorScheme }) => {
    const context = await site.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    const { problems } = watchPage(page, site.server.origin);
    await page.goto(new URL(path, site.server.url).href, { waitUntil: 'load' });
    // Expressive Code makes a code block that scrolls sideways focusable 250 ms after it is laid
    // out (its ResizeObserver debounce, then an idle callback): check the page a reader sees.
    await page.waitForTimeout(600);
    expect(await violations(page)).toEqual([]);
    await hydrateIslands(page);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
