import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { prebundledDeps } from '../../src/course/prebundled-deps';

/** The folders whose code runs in the browser: the widgets, the engine, the embed page's script. */
const browserCode = ['components', 'sim', 'src/embed'];

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* sources(path);
    else if (/\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.d.ts')) yield path;
  }
}

test('every package the browser code imports is pre-bundled by the dev server', () => {
  const imported = new Set<string>();
  for (const dir of browserCode) {
    for (const file of sources(dir)) {
      const code = readFileSync(file, 'utf8');
      for (const [, spec] of code.matchAll(/(?:from\s+|import\s*\(\s*)'([^'./][^']*)'/g)) {
        // Svelte and Astro are the frameworks themselves; node: modules run only at build time.
        if (/^(svelte|astro|@astrojs\/|node:)/.test(spec)) continue;
        imported.add(spec);
      }
    }
  }
  expect([...imported].filter((spec) => !prebundledDeps.includes(spec)).sort()).toEqual([]);
});
