/**
 * Astro's `client:engaged` directive, for the islands that start the engine: an island hydrates
 * once it is in view (as with `client:visible`; `client:engaged="anywhere"` skips that condition)
 * and the reader has engaged with the page (their first scroll, touch, click, key, pointer movement
 * or focus), or, when none comes, a few seconds after the page has loaded. astro.config.mjs
 * registers it; Astro inlines it into the page.
 *
 * Why: a widget in view on load would otherwise hydrate and start the engine (about 165 kB gzip,
 * and a second or more of a phone's main thread) during the page's own load, before the reader has
 * done anything. The page shows the widget's build-time view meanwhile, the same HTML the island
 * then hydrates; a widget scrolled into view later finds the reader engaged already, and a reader
 * who only watches (a screen reader in browse mode sends the page no events) still gets a live one.
 */
import type { ClientDirective } from 'astro';

/** How long after the page has loaded an island stops waiting for the reader. */
const quietMs = 3_000;

const activity = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'pointermove', 'keydown', 'focusin'] as const;

/** Resolves at the reader's first sign of life (this runs while the page is parsed, before any). */
const engaged = new Promise<void>((resolve) => {
  const engage = () => {
    for (const type of activity) removeEventListener(type, engage, true);
    resolve();
  };
  // Capture: a scroll inside a scrolling box, or a focus anywhere, counts as much as the page's own.
  for (const type of activity) addEventListener(type, engage, { capture: true, passive: true });
  const wait = () => setTimeout(engage, quietMs);
  if (document.readyState === 'complete') wait();
  else addEventListener('load', wait, { once: true });
});

const engagedDirective: ClientDirective = (load, options, island) => {
  // `client:engaged="anywhere"`: in view or not (an embed page's own widget, which was `client:load`).
  if (options.value === 'anywhere') return void engaged.then(load).then((hydrate) => hydrate());
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    void engaged.then(load).then((hydrate) => hydrate());
  });
  for (const child of island.children) observer.observe(child);
};

export default engagedDirective;

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate once in view (or `"anywhere"`) and the reader has engaged with the page (components/live/client-engaged.ts). */
    'client:engaged'?: boolean | 'anywhere';
  }
}
