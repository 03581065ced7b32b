/**
 * "The whole model on one page" links every statement to the widget that demonstrates it. Every
 * such link, and every link between chapters, must land on an element of the built target page:
 * a widget's frame (its id from its title) or a heading.
 */
import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { builtPages } from '../browser/site-pages';

const pages = builtPages();
const byPath = new Map(pages.map((p) => [p.path, p]));
const html = (path: string) => fromHtml(readFileSync(byPath.get(path)!.file, 'utf8'));
const ids = (path: string) => new Set(selectAll('[id]', html(path)).map((el) => String(el.properties.id)));

/** Links from the article of a chapter to a fragment of another chapter: `../services/#…`. */
function chapterLinks(path: string): string[] {
  return selectAll('main a[href^="../"]', html(path))
    .map((a) => String(a.properties.href))
    .filter((href) => href.includes('#'));
}

test('every statement of the whole model links to a widget or a section', () => {
  const statements = selectAll('main ul.statements > li', html('whole-model/'));
  expect(statements.length).toBeGreaterThanOrEqual(20);
  for (const li of statements) expect(selectAll('a.try', li), 'a statement without its link').toHaveLength(1);
});

describe.each(pages.filter((p) => !p.path.startsWith('embed/') && chapterLinks(p.path).length))('/$path', ({ path }) => {
  test('every link to another chapter lands on an element of that page', () => {
    for (const href of chapterLinks(path)) {
      const url = new URL(href, `http://site/${path}`);
      const target = url.pathname.slice(1);
      expect(byPath.has(target), `${href}: no page ${target}`).toBe(true);
      expect(ids(target).has(decodeURIComponent(url.hash.slice(1))), `${href}: no element with that id`).toBe(true);
    }
  });
});
