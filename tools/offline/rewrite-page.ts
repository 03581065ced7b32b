import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { fileLink } from './file-links';

/**
 * What the offline folder needs built beside its pages: classic-script bundles of the site's
 * module scripts, and the islands' modules.
 */
export interface OfflineScripts {
  /**
   * One classic bundle per set of module scripts a page loads, by its file in the folder → the
   * scripts' site paths (`_astro/ec.0vx5m.js`), in page order. One bundle per page, not one per
   * script: modules the scripts share (Starlight's `starlight-toc` element) must run once.
   */
  modules: Map<string, string[]>;
  /** Inline module scripts that import something, by their text → the classic bundle's file. */
  inlineModules: Map<string, string>;
  /** Every island's component and renderer URL, as the pages name them. */
  islandModules: Set<string>;
}

/** Where the offline folder keeps what it adds to the site. */
export const offlineDir = '_offline';
export const islandsFile = `${offlineDir}/islands.js`;
export const searchIndexFile = `${offlineDir}/search-index.js`;
export const searchDialogFile = `${offlineDir}/search-dialog.js`;
export const searchStyleFile = `${offlineDir}/search-dialog.css`;

const imports = /(^|[;\s}])import\s*[\s{("'`*]|\bimport\.meta\b/;

/**
 * Rewrites one built page in place so that it works opened from disk (file://), where Chromium
 * runs classic and inline scripts but refuses module scripts, dynamic import() and fetch():
 *
 * - every link to the site becomes a relative path to a file (`../intent/index.html`);
 * - each `<script type="module" src>` becomes a deferred classic script, a bundle of the same code
 *   (a module script is deferred too, so the order is kept); an inline module script that imports
 *   something is bundled the same way, one that does not runs as it is;
 * - Starlight's search script (Pagefind) gives way to the offline search dialog and its index;
 * - on a page with islands, a classic script right after Astro's `astro-island` definition hands
 *   islands their modules from one bundle instead of import();
 * - what only a server can serve goes: the web-app manifest, the service-worker registration
 *   (`[data-offline-remove]`), and a content-security-policy meta that would refuse the scripts
 *   this adds.
 *
 * @param file the page's file relative to the folder's root: `intent/index.html`
 */
export function rewritePage(tree: Root, file: string, base: string, scripts: OfflineScripts): void {
  const toRoot = posix.relative(posix.dirname(file), '.') || '.';
  const fromRoot = (path: string) => `${toRoot}/${path}`;
  let islandsHooked = false;
  const pageModules: string[] = [];
  const modulesBundle = h('script', { defer: true });

  visit(tree, 'element', (node, index, parent) => {
    for (const attr of ['href', 'src'] as const) {
      const value = node.properties[attr];
      if (typeof value === 'string') node.properties[attr] = fileLink(value, file, base);
    }
    if (!parent || index === undefined) return;
    const remove = () => {
      parent.children.splice(index, 1);
      return index;
    };
    if (node.properties.dataOfflineRemove !== undefined) return remove();
    if (node.tagName === 'link' && String(node.properties.rel) === 'manifest') return remove();
    if (node.tagName === 'meta' && String(node.properties.httpEquiv).toLowerCase() === 'content-security-policy') return remove();
    if (node.tagName !== 'script') return;

    const src = node.properties.src;
    if (node.properties.type === 'module') {
      if (typeof src === 'string') {
        const sitePath = siteScriptPath(src, file, base);
        if (/\/Search\.astro_astro_type_script_/.test(sitePath)) {
          parent.children.splice(index, 1, ...searchDialog(fromRoot));
          return index + 3;
        }
        pageModules.push(sitePath);
        // The page's bundle takes the place of its first module script; the others go.
        if (pageModules.length > 1) return remove();
        parent.children[index] = modulesBundle;
        return;
      }
      const code = toString(node);
      if (!imports.test(code)) return;
      const bundle = `${offlineDir}/js/inline-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
      scripts.inlineModules.set(code, bundle);
      parent.children[index] = h('script', { src: fromRoot(bundle), defer: true });
      return;
    }
    const code = toString(node);
    if (code.includes('customElements.define("astro-island"')) {
      parent.children.splice(index + 1, 0, h('script', { src: fromRoot(islandsFile) }));
      islandsHooked = true;
      return index + 2;
    }
  });

  if (pageModules.length) {
    const bundle = `${offlineDir}/js/modules-${createHash('sha256').update(pageModules.join('\n')).digest('hex').slice(0, 12)}.js`;
    scripts.modules.set(bundle, pageModules);
    modulesBundle.properties.src = fromRoot(bundle);
  }

  const islands = selectAll('astro-island', tree);
  if (islands.length && !islandsHooked) throw new Error(`${file}: has islands but no astro-island definition script to hook into`);
  for (const island of islands) {
    for (const attr of ['component-url', 'renderer-url'] as const) {
      const url = island.properties[attr];
      if (typeof url === 'string' && url) scripts.islandModules.add(url);
    }
    if (island.properties['before-hydration-url']) throw new Error(`${file}: islands with before-hydration scripts are not supported offline`);
  }
}

/** The offline search's index, dialog script and style, in place of Starlight's search script. */
function searchDialog(fromRoot: (path: string) => string): ElementContent[] {
  return [
    h('link', { rel: 'stylesheet', href: fromRoot(searchStyleFile) }),
    h('script', { src: fromRoot(searchIndexFile), defer: true }),
    h('script', { src: fromRoot(searchDialogFile), defer: true }),
  ] satisfies Element[];
}

/** A script's path on the site without the base: `_astro/ec.0vx5m.js`. */
function siteScriptPath(src: string, file: string, base: string): string {
  return new URL(src, new URL(`${base}${file}`, 'http://site.invalid')).pathname.slice(base.length);
}
