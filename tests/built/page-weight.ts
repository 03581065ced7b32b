/**
 * What JavaScript each built page makes a reader download, gzipped, read from dist/ alone (the
 * approach of ../shared/tools/weight.mjs, with imports parsed by es-module-lexer rather than
 * regular expressions, and the island's directive and the dynamic imports told apart):
 *
 * - `beforeInteraction`: the page's scripts (external and inline) and every island's component and
 *   renderer with their static imports: what loads while the reader only reads and scrolls.
 * - `lazy`: what is reachable only through a dynamic import (the engine a widget starts, an editor
 *   opened on demand). Which of those a page really fetches, and when, the browser bench measures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initSync, parse } from 'es-module-lexer';
import { builtPages } from '../browser/site-pages';
import { siteBase } from '../browser/static-server';

initSync();

export interface PageWeight {
  /** The page's path under the base: `''`, `intent/`, `404.html`. */
  path: string;
  /** How many islands the page has. */
  islands: number;
  /** Files loaded before any interaction, and their gzip total in bytes. */
  beforeInteraction: Set<string>;
  beforeInteractionGz: number;
  /** Files only a dynamic import loads. */
  lazy: Set<string>;
}

const gzCache = new Map<string, number>();
/** A file's size after gzip at zlib's default level, the level static hosts typically serve. */
export function gzipBytes(file: string): number {
  let n = gzCache.get(file);
  if (n === undefined) gzCache.set(file, (n = gzipSync(readFileSync(file)).length));
  return n;
}

/** The file of `dist` a script URL points to, or undefined for another origin or a missing file. */
function resolveUrl(dist: string, base: string, url: string, from: string): string | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
  const path = url.split(/[?#]/)[0];
  if (path.startsWith('/')) return path.startsWith(base) ? join(dist, path.slice(base.length)) : undefined;
  return resolve(dirname(from), path);
}

/** A module's static and dynamic import specifiers (string literals only, as bundlers write them). */
function importsOf(code: string): { static: string[]; dynamic: string[] } {
  const [imports] = parse(code);
  const result = { static: [] as string[], dynamic: [] as string[] };
  for (const i of imports) {
    if (i.n === undefined) continue;
    // d: -1 a static import, -2 import.meta, ≥ 0 a dynamic import().
    if (i.d === -1) result.static.push(i.n);
    else if (i.d >= 0) result.dynamic.push(i.n);
  }
  return result;
}

/** Rolldown lists a lazy chunk's static dependencies beside the import() as `__vite__mapDeps`. */
function mappedDeps(code: string): string[] {
  const list = /m\.f=\[([^\]]*)\]/.exec(code)?.[1] ?? '';
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

/** Follows static imports from `entries`; returns the closure and the dynamic imports it reaches. */
function closure(dist: string, base: string, entries: string[], seen = new Set<string>()): { files: Set<string>; dynamic: Set<string> } {
  const dynamic = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const found = importsOf(code);
    for (const s of found.static) {
      const f = resolveUrl(dist, base, s, file);
      if (f) stack.push(f);
    }
    for (const s of found.dynamic) {
      const f = resolveUrl(dist, base, s, file);
      if (f) dynamic.add(f);
    }
    // __vite__mapDeps paths are relative to the site's base.
    for (const s of mappedDeps(code)) dynamic.add(join(dist, s));
  }
  return { files: seen, dynamic };
}

const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzipBytes(f), 0);

/** The weights of every page of `dist`. */
export function pageWeights(dist = 'dist', base = siteBase()): PageWeight[] {
  const root = resolve(dist);
  return builtPages(root).map(({ file, path }) => {
    const html = readFileSync(file, 'utf8');
    const entries: string[] = [];
    let inline = '';
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const [, attrs, body] = m;
      if (/\btype="application\/(?:ld\+)?json"/.test(attrs)) continue;
      const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
      if (src) {
        const f = resolveUrl(root, base, src, file);
        if (f) entries.push(f);
      } else {
        inline += body;
        if (/\btype="module"/.test(attrs)) for (const s of importsOf(body).static) entries.push(resolveUrl(root, base, s, file)!);
      }
    }
    const islands = [...html.matchAll(/<astro-island\b[^>]*>/g)].map((m) => m[0]);
    for (const island of islands) {
      for (const attr of ['component-url', 'renderer-url', 'before-hydration-url']) {
        const url = new RegExp(`\\b${attr}="([^"]+)"`).exec(island)?.[1];
        const f = url && resolveUrl(root, base, url, file);
        if (f) entries.push(f);
      }
    }
    const eager = closure(root, base, entries.filter(Boolean));
    const inlineGz = inline.trim() ? gzipSync(inline).length : 0;
    const lazy = closure(root, base, [...eager.dynamic], new Set(eager.files));
    for (const f of eager.files) lazy.files.delete(f);
    return { path, islands: islands.length, beforeInteraction: eager.files, beforeInteractionGz: sum(eager.files) + inlineGz, lazy: lazy.files };
  });
}
