/**
 * Screenshots of the built site for a human to look at: the landing page and each chapter, at a
 * phone's and a laptop's width, in light and dark. Run after `npm run build`:
 *   npx tsx tests/browser/screenshots.ts [page-path …]
 * Writes tests/browser/shots/NAME-WIDTH-THEME.png and its screen-high slices -partN.png (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { launchChromium, startPreview, watchPage } from './harness';

const pages = process.argv.length > 2 ? process.argv.slice(2) : ['', 'intent/'];
const widths = [375, 1280];
const themes = ['light', 'dark'] as const;
const outDir = new URL('./shots/', import.meta.url);
mkdirSync(outDir, { recursive: true });

const server = await startPreview();
const browser = await launchChromium();
try {
  for (const path of pages) {
    for (const width of widths) {
      for (const theme of themes) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
        const page = await context.newPage();
        const { problems } = watchPage(page, server.origin);
        await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
        // Scroll every island into view so that it hydrates, and let its cluster run a little.
        for (const island of await page.locator('astro-island > :first-child').all()) {
          await island.scrollIntoViewIfNeeded();
          await page.waitForTimeout(1500);
        }
        await page.evaluate(() => window.scrollTo(0, 0));
        // Prose off screen is not rendered (content-visibility: auto in course.css), and a full-page
        // capture would show it blank: render it all for the picture.
        await page.addStyleTag({ content: '.sl-markdown-content > * { content-visibility: visible !important; }' });
        const name = `${path.replace(/\/$/, '') || 'index'}-${width}-${theme}.png`;
        await page.screenshot({ path: new URL(name, outDir).pathname, fullPage: true });
        // The same page in screen-high slices, readable at full size.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, part = 1; y < height; y += 1200, part++) {
          const clip = { x: 0, y, width, height: Math.min(1200, height - y) };
          await page.screenshot({ path: new URL(name.replace('.png', `-part${part}.png`), outDir).pathname, fullPage: true, clip });
        }
        console.log(name, problems.length ? problems : 'no problems');
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.stop();
}
