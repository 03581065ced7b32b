import type { ManifestProblem } from '../../sim/api/manifest';

/**
 * Where in the editor's text a problem is marked: from its line and column to the end of the
 * word written there (a key, a value), or one character when nothing is written there. Lines and
 * columns past the end of the text are clamped to it, so a stale problem still lands somewhere.
 */
export function problemRange(text: string, p: Pick<ManifestProblem, 'line' | 'col'>): { from: number; to: number } {
  const lines = text.split('\n');
  const lineIndex = Math.min(Math.max(p.line, 1), lines.length) - 1;
  let lineStart = 0;
  for (let i = 0; i < lineIndex; i++) lineStart += lines[i].length + 1;
  const line = lines[lineIndex];
  const col = Math.min(Math.max(p.col, 1) - 1, line.length);
  const word = line.slice(col).match(/^[^\s:,\]}]+/)?.[0].length ?? 0;
  const from = lineStart + col;
  return { from, to: Math.min(from + Math.max(word, 1), text.length) };
}
