// @ts-check
// Expressive Code (Starlight's build-time Shiki highlighter). It lives here rather than in
// astro.config.mjs because the <Code> component needs its plugins in this file.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { codeBlockSize } from './src/course/code-block-size.ts';
import { focusableWideBlocks } from './src/course/focusable-wide-blocks.ts';
import { labelCodeBlocks } from './src/course/label-code-blocks.ts';

export default defineEcConfig({
  themes: ['github-dark', 'github-light'],
  plugins: [labelCodeBlocks(), focusableWideBlocks(), codeBlockSize()],
});
