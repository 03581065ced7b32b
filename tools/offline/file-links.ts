import { posix } from 'node:path';

/**
 * Turns a link of the built site into one that works from a folder opened with file://: a path
 * relative to the page, ending in a file. `/course/intent/#x` on `index.html` becomes
 * `intent/index.html#x`; on `intent/index.html`, `/course/` becomes `../index.html`. Links that
 * leave the site (another host, mailto:, data:) and in-page anchors come back unchanged.
 *
 * @param href    the attribute's value
 * @param page    the page's file, relative to the site's root folder: `intent/index.html`
 * @param base    the site's base path: `/` or `/course/`
 */
export function fileLink(href: string, page: string, base: string): string {
  if (href === '' || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return href;
  const site = 'http://site.invalid';
  const pageUrl = new URL(`${base}${page}`, site);
  const url = new URL(href, pageUrl);
  if (!url.pathname.startsWith(base)) return href;
  let target = decodeURIComponent(url.pathname.slice(base.length));
  if (target === '' || target.endsWith('/')) target += 'index.html';
  else if (!posix.basename(target).includes('.')) target += '/index.html';
  const relative = posix.relative(posix.dirname(page), target);
  return encodeURI(relative) + url.search + url.hash;
}
