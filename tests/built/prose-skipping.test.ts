/**
 * Chapter prose off screen is skipped (content-visibility in src/styles/course.css), except islands
 * and the top-level blocks marked .holds-island. A block that held an island without the mark would
 * be skipped with an estimated height, and the widget in it would hydrate late or not at all.
 */
import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { expect, test } from 'vitest';
import { builtPages } from '../browser/site-pages';

test('every top-level block of the prose that holds an island is marked .holds-island', () => {
  const unmarked: string[] = [];
  for (const { path, file } of builtPages()) {
    for (const block of selectAll('.sl-markdown-content > :not(astro-island)', fromHtml(readFileSync(file, 'utf8')))) {
      const classes = (block.properties.className as string[] | undefined) ?? [];
      if (selectAll('astro-island', block).length && !classes.includes('holds-island')) unmarked.push(`/${path}: <${block.tagName}>`);
    }
  }
  expect(unmarked).toEqual([]);
});
