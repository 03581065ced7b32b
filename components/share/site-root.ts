/**
 * The course's root URL as the page in front of the reader sees it: `https://host/course/` on the
 * site, the offline folder on disk. Pages name it in `<link rel="home">` (astro.config.mjs, the
 * embed pages), whose href the offline build rewrites to a relative file like any link.
 */
export function siteRoot(): URL {
  const home = document.querySelector<HTMLLinkElement>('link[rel="home"]');
  return new URL('./', home?.href ?? new URL(import.meta.env.BASE_URL, location.href));
}

/** A page's URL as the browser can open it: on disk, a folder's `index.html`. */
export function openable(url: string): string {
  const u = new URL(url);
  if (u.protocol === 'file:' && u.pathname.endsWith('/')) u.pathname += 'index.html';
  return u.href;
}
