import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';

/**
 * Gives the browser a code block's height before it lays the block out. The course skips laying
 * out what is off screen (content-visibility in src/styles/course.css), taking each skipped block
 * to measure an estimate; a code block's height follows from its line count and whether its frame
 * has a header (a title, or a terminal's bar), which this sets on the block as custom properties
 * for the stylesheet to turn into a length. With a flat estimate, a block reached by scrolling
 * grew by hundreds of pixels and moved everything after it, and a check that had just measured
 * the page (axe's colour contrast) then read the colours of whatever had moved into the place.
 */
export function codeBlockSize(): ExpressiveCodePlugin {
  return {
    name: 'course-code-block-size',
    hooks: {
      postprocessRenderedBlockGroup: ({ renderedGroupContents, renderData }) => {
        const lines = renderedGroupContents.reduce((n, { codeBlock }) => n + codeBlock.getLines().length, 0);
        const headers = renderedGroupContents.filter(({ renderedBlockAst }) => {
          const classes = renderedBlockAst.properties.className;
          return Array.isArray(classes) && classes.some((c) => c === 'has-title' || c === 'is-terminal');
        }).length;
        const group = renderData.groupAst;
        const style = typeof group.properties.style === 'string' ? `${group.properties.style};` : '';
        group.properties = { ...group.properties, style: `${style}--code-lines:${lines};--code-headers:${headers}` };
      },
    },
  };
}
