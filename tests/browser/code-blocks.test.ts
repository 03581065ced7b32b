/**
 * Code blocks are skipped while off screen (content-visibility in src/styles/course.css), so
 * Expressive Code, which makes a block that scrolls sideways focusable only once it lays it out,
 * would leave a keyboard reader tabbing down the page to pass such a block unseen. On the narrowest
 * phone, every block that scrolls sideways must be focusable before it was ever on screen
 * (src/course/focusable-wide-blocks.ts marks them at build time).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { useSite } from './harness';
import { builtPages } from './site-pages';

const pages = builtPages().filter(({ file }) => readFileSync(file, 'utf8').includes('class="expressive-code'));

const site = useSite();

test.each(pages.map(({ path }) => path))('/%s at 320 px: a code block that scrolls sideways is focusable before it is seen', async (path) => {
  const page = await site.browser.newPage({ viewport: { width: 320, height: 640 } });
  try {
    await page.goto(new URL(path, site.server.url).href, { waitUntil: 'load' });
    const focusableAtLoad = await page.$$eval('.expressive-code pre', (pres) => pres.map((pre) => pre.tabIndex === 0));
    const scrolls: boolean[] = [];
    for (const pre of await page.$$('.expressive-code pre')) {
      await pre.scrollIntoViewIfNeeded();
      scrolls.push(await pre.evaluate((el) => el.scrollWidth > el.clientWidth));
    }
    expect(scrolls.length).toBeGreaterThan(0);
    const unreachable = scrolls.flatMap((wide, i) => (wide && !focusableAtLoad[i] ? [i] : []));
    expect(unreachable, 'blocks (by index) that scroll sideways but were not focusable at load').toEqual([]);
  } finally {
    await page.close();
  }
});
