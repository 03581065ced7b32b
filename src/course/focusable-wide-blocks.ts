import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import { findPre, type HastNode } from './label-code-blocks.ts';

/**
 * The most characters a code line shows without scrolling on a 320 px screen, the narrowest a
 * phone lays the page out at: 248 px of line at 8.4 px per character (Chromium, 14 px monospace).
 */
const fitsNarrowest = 29;

/**
 * A code block that may scroll sideways starts focusable, as a keyboard reader needs it to be.
 * Expressive Code decides that in the browser, once a block is laid out, but the course skips
 * laying out what is off screen (content-visibility in src/styles/course.css), so a reader tabbing
 * down the page would pass a wide block before it was ever measured. A block with a line longer
 * than fits the narrowest screen is marked at build time as Expressive Code marks it (tabindex 0,
 * role region); its script takes the mark off again once it lays the block out where it fits.
 */
export function focusableWideBlocks(): ExpressiveCodePlugin {
  return {
    name: 'course-focusable-wide-blocks',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const pre = findPre(renderData.blockAst as HastNode);
        if (!pre || !codeBlock.getLines().some((line) => line.text.length > fitsNarrowest)) return;
        pre.properties = { ...pre.properties, tabindex: '0', role: 'region' };
      },
    },
  };
}
