/**
 * Whether the reader has engaged with the page: their first scroll, touch, click, key, pointer
 * movement or focus, or, when none comes, a few seconds after the page has loaded.
 *
 * A live widget waits for it before it mounts its panels and loads the engine (about 165 kB gzip,
 * and a second or more of a phone's main thread). A widget in view on load would otherwise load
 * and start the engine during the page's own load, before the reader has done anything; now the
 * page loads with the build-time view, and the widget comes alive at the reader's first sign of
 * life. A widget scrolled into view later finds the reader engaged already. A reader who only
 * watches (a screen reader in browse mode sends the page no events) still gets a live widget.
 */

/** How long after the page has loaded a live widget stops waiting for the reader. */
const quietMs = 3_000;

const activity = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'pointermove', 'keydown', 'focusin'] as const;

export const reader = $state({ engaged: typeof document === 'undefined' });

/** Resolves once the reader has engaged. */
export const engaged: Promise<void> = new Promise((resolve) => {
  if (typeof document === 'undefined') return resolve();
  const engage = () => {
    for (const type of activity) removeEventListener(type, engage, true);
    reader.engaged = true;
    resolve();
  };
  // This module loads with the first widget to hydrate, often because the reader scrolled to it, or
  // after a click: either means they are here.
  if (scrollY > 0 || navigator.userActivation?.hasBeenActive) return engage();
  // Capture: a scroll inside a scrolling box, or a focus anywhere, counts as much as the page's own.
  for (const type of activity) addEventListener(type, engage, { capture: true, passive: true });
  const wait = () => setTimeout(engage, quietMs);
  if (document.readyState === 'complete') wait();
  else addEventListener('load', wait, { once: true });
});
