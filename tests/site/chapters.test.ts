import { describe, expect, test } from 'vitest';
import { groupByPart, readChapters } from '../../src/course/chapters';

describe('the course order comes from the chapters’ frontmatter', () => {
  test('chapters are sorted by order and grouped by consecutive part', () => {
    const parts = groupByPart([
      { slug: 'b', title: 'B', order: 2, part: 'Part 1' },
      { slug: 'c', title: 'C', order: 3, part: 'Part 2' },
      { slug: 'a', title: 'A', order: 1, part: 'Part 1' },
    ]);
    expect(parts.map((p) => [p.label, p.chapters.map((c) => c.slug)])).toEqual([
      ['Part 1', ['a', 'b']],
      ['Part 2', ['c']],
    ]);
  });

  test('every chapter in content/ has a title, a part and a unique order; the landing page is not a chapter', () => {
    const chapters = readChapters(new URL('../../content/', import.meta.url));
    expect(chapters.map((c) => c.slug)).toContain('intent');
    expect(chapters.map((c) => c.slug)).not.toContain('index');
    expect(new Set(chapters.map((c) => c.order)).size).toBe(chapters.length);
  });
});
