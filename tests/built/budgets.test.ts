/**
 * The JavaScript budgets, checked on the built site (run after `npm run build`): a page without
 * widgets ships at most 8 KB gzip, a page with widgets at most 150 KB before the reader interacts,
 * and the manifest editor (CodeMirror) is in no page's eager code: only a dynamic import loads it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pageWeights } from './page-weight';

const KB = 1024;
const weights = pageWeights();

/** CodeMirror's view module names every editor's root element so; no other code of ours does. */
const isCodeMirror = (file: string) => readFileSync(file, 'utf8').includes('"cm-editor"');

describe.each(weights)('/$path', (page) => {
  const budget = page.islands === 0 ? 8 * KB : 150 * KB;
  test(`ships at most ${budget / KB} KB of JS gzip before interaction (${page.islands} islands)`, () => {
    expect(page.beforeInteractionGz).toBeLessThanOrEqual(budget);
  });

  test('loads no CodeMirror code before the reader asks for the editor', () => {
    expect([...page.beforeInteraction].filter(isCodeMirror)).toEqual([]);
  });
});

/** The engine's code: kube-proxy's top chain is named in no other module. */
const isEngine = (file: string) => readFileSync(file, 'utf8').includes('KUBE-SERVICES');

test('the weights find the engine among the lazy files of a page with widgets, and in no eager file', () => {
  const withWidgets = weights.filter((w) => w.islands > 0);
  expect(withWidgets.length).toBeGreaterThan(0);
  for (const page of withWidgets) expect([...page.beforeInteraction].filter(isEngine)).toEqual([]);
  expect(withWidgets.some((page) => [...page.lazy].some(isEngine))).toBe(true);
});
