/**
 * The packages the dev server pre-bundles when it starts (Vite's optimizeDeps.include). The
 * browser reaches most of them only through a dynamic import (the engine when a widget scrolls
 * into view, CodeMirror when the reader opens the editor); found that late, each one would make
 * Vite re-optimise and reload the page, losing what the reader had done. tests/site/dev-deps.test.ts
 * checks that every package the browser code imports is listed.
 */
export const prebundledDeps = [
  '@codemirror/commands',
  '@codemirror/lang-yaml',
  '@codemirror/language',
  '@codemirror/lint',
  '@codemirror/state',
  '@codemirror/view',
  '@lezer/highlight',
  '@noble/curves/nist.js',
  '@noble/hashes/sha2.js',
  '@noble/hashes/utils.js',
  '@peculiar/asn1-schema',
  '@peculiar/asn1-x509',
  '@scure/base',
  'd3',
  'diff',
  'fflate',
  'yaml',
  'zod/mini',
];
