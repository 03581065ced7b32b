import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** What the course's navigation needs to know about one chapter, from its frontmatter. */
export interface Chapter {
  /** The page's id in the `docs` collection, which is also its URL path under `base`: `intent`. */
  slug: string;
  title: string;
  /** The chapter's place in the course (frontmatter `order`). */
  order: number;
  /** The part heading it is listed under (frontmatter `part`). */
  part: string;
}

/** The chapters of one part, in course order. */
export interface Part {
  label: string;
  chapters: Chapter[];
}

/** Sorts chapters by `order` and groups consecutive chapters of the same part. */
export function groupByPart(chapters: Chapter[]): Part[] {
  const parts: Part[] = [];
  for (const chapter of [...chapters].sort((a, b) => a.order - b.order)) {
    const last = parts.at(-1);
    if (last?.label === chapter.part) last.chapters.push(chapter);
    else parts.push({ label: chapter.part, chapters: [chapter] });
  }
  return parts;
}

/**
 * Reads the frontmatter of every chapter in `dir` (an MDX file with an `order`), for the sidebar,
 * which astro.config.mjs builds before the content collection exists. Pages whose names start
 * with `_` are skipped, as the collection's glob loader skips them.
 */
export function readChapters(dir: URL): Chapter[] {
  const chapters: Chapter[] = [];
  for (const file of readdirSync(dir)) {
    if (!/^[^_].*\.mdx?$/.test(file)) continue;
    const text = readFileSync(new URL(file, dir), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    const data = (match ? parse(match[1]) : {}) as Partial<Chapter>;
    if (data.order === undefined) continue;
    if (typeof data.title !== 'string' || typeof data.part !== 'string') {
      throw new Error(`content/${file}: a chapter with an order needs a title and a part`);
    }
    chapters.push({ slug: file.replace(/\.mdx?$/, ''), title: data.title, order: data.order, part: data.part });
  }
  return chapters;
}
