import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * An embed page has no Starlight, so it defines the Starlight tokens the widgets use itself. A
 * token used with no fallback and not defined there makes the whole declaration invalid: a border
 * or a background silently vanishes inside other people's blog posts.
 */
const embedPage = readFileSync('src/pages/embed/[widget].astro', 'utf8');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(svelte|ts|css)$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('the embed page defines every Starlight token a widget uses without a fallback', () => {
  const used = new Set(['components', 'src/embed'].flatMap(files).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/var\((--sl-[a-z0-9-]+)\s*\)/g)].map((m) => m[1])));

  it.each([...used].sort())('%s, in light and in dark', (token) => {
    const definedIn = (theme: string) => new RegExp(`html\\[data-theme='${theme}'\\] \\{[^}]*${token}:`).test(embedPage) || new RegExp(`html \\{[^}]*${token}:`).test(embedPage);
    expect([definedIn('light'), definedIn('dark')]).toEqual([true, true]);
  });
});
