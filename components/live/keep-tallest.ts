import type { Attachment } from 'svelte/attachments';

/**
 * Keeps an element at least as tall as it has been at its current width, so that a widget whose
 * content shrinks (scaled from 8 Pods back to 1) does not pull the rest of the page up, and grows
 * back into room it already has. Every such jump moved everything below the widget: Chromium then
 * repainted the page's whole layer, 9,000–10,000 px of it (the reconcile widget driven at 4×: 44
 * of its repaints in 6 s). A new width (a phone turned, a window resized) starts afresh.
 */
export const keepTallest: Attachment<HTMLElement> = (element) => {
  let width = -1;
  let tallest = 0;
  const observer = new ResizeObserver(([entry]) => {
    const [{ inlineSize, blockSize }] = entry.borderBoxSize;
    if (inlineSize !== width) {
      width = inlineSize;
      tallest = blockSize;
      element.style.minHeight = '';
    } else if (blockSize > tallest) {
      tallest = blockSize;
      element.style.minHeight = `${tallest}px`;
    }
  });
  observer.observe(element);
  return () => observer.disconnect();
};
