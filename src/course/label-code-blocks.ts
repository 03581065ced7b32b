import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';

export interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export function findPre(node: HastNode): HastNode | undefined {
  if (node.tagName === 'pre') return node;
  for (const child of node.children ?? []) {
    const found = findPre(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Names every code block for screen readers: its title, else its first line. Expressive Code makes
 * a block that scrolls sideways a focusable `region` landmark, and a page with two unnamed regions
 * fails WCAG's "landmarks must be distinguishable" (axe: landmark-unique).
 */
export function labelCodeBlocks(): ExpressiveCodePlugin {
  return {
    name: 'course-label-code-blocks',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const pre = findPre(renderData.blockAst as HastNode);
        if (!pre) return;
        const title = codeBlock.props.title;
        const firstLine = codeBlock.getLines()[0]?.text.trim() ?? '';
        pre.properties = { ...pre.properties, 'aria-label': title ? `Code: ${title}` : `Code: ${firstLine}` };
      },
    },
  };
}
