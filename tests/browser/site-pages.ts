/**
 * Every page the build wrote, so that the checks that crawl the site (axe, keyboard, CSP,
 * Lighthouse, page weight) cover whatever chapters and embed pages exist, not a fixed list.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A built HTML page: its file, and its path under the site's base (`''`, `intent/`, `404.html`). */
export interface BuiltPage {
  file: string;
  path: string;
}

/** The HTML pages of `dist`, in path order; `dir/index.html` is served as `dir/`. */
export function builtPages(dist = 'dist'): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.html')) {
        const rel = relative(dist, file).split(sep).join('/');
        pages.push({ file, path: rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1') });
      }
    }
  };
  walk(dist);
  if (pages.length === 0) throw new Error(`${dist} has no HTML pages: run \`npm run build\` first`);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}
