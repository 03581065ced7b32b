import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { SearchSection } from '../../src/offline/search-index';
import { searchIndexGlobal } from '../../src/offline/search-index';
import { bundleInline, bundleIslands, bundleModules, bundleSource } from './scripts';
import { buildSearchIndex, pageSections } from './search-documents';
import { islandsFile, rewritePage, searchDialogFile, searchIndexFile, searchStyleFile, type OfflineScripts } from './rewrite-page';

/** What of the built site the offline folder leaves out: Pagefind, the service worker and web-app manifest, the zip of itself. */
const served = (path: string) => /^(pagefind|sw\.js|register-sw\.js|manifest\.webmanifest)$|\.zip$/.test(path);

/**
 * Makes the offline study folder from the built site: a copy of `dist` whose pages work opened
 * from disk (see rewrite-page.ts), with its own search index. Returns the number of pages.
 *
 * @param dist  the built site (`astro build`'s output)
 * @param out   the folder to write; replaced whole
 * @param base  the site's base path the pages were built with: `/` or `/course/`
 */
export async function buildOffline(dist: string, out: string, base: string): Promise<number> {
  rmSync(out, { recursive: true, force: true });
  cpSync(dist, out, { recursive: true, filter: (src) => !served(relative(dist, src)) });

  const scripts: OfflineScripts = { modules: new Map(), inlineModules: new Map(), islandModules: new Set() };
  const sections: SearchSection[] = [];
  const pages = htmlFiles(out);
  for (const file of pages) {
    const path = join(out, file);
    const tree = fromHtml(readFileSync(path, 'utf8'));
    sections.push(...pageSections(tree, file));
    rewritePage(tree, file, base, scripts);
    writeFileSync(path, toHtml(tree, { allowDangerousHtml: true }));
  }

  const built = (sitePath: string) => join(dist, sitePath);
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), text);
  };
  for (const [file, sitePaths] of scripts.modules) write(file, await bundleModules(sitePaths.map(built)));
  for (const [code, file] of scripts.inlineModules) write(file, await bundleInline(code, join(dist, '_astro')));
  write(islandsFile, await bundleIslands([...scripts.islandModules], (url) => built(url.slice(base.length))));
  write(searchDialogFile, await bundleSource('src/offline/search-dialog.ts'));
  write(searchStyleFile, readFileSync(new URL('../../src/offline/search-dialog.css', import.meta.url), 'utf8'));
  write(searchIndexFile, `window.${searchIndexGlobal}=${JSON.stringify(buildSearchIndex(sections))};\n`);
  return pages.length;
}

/** Every .html file under `dir`, relative to it, with `/` separators. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}
