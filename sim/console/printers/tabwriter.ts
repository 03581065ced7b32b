/**
 * Go's text/tabwriter, as kubectl uses it, for output that must line up exactly like kubectl's.
 *
 * Text is cut into lines and each line into tab-terminated cells; the text after a line's last tab
 * is not a cell and is never padded. Consecutive lines that have a cell in column k form a block,
 * and every cell of the block is padded to max(minwidth, widest cell + padding). A line with fewer
 * cells ends the block, so alignment restarts below it. Semantics from Go's
 * src/text/tabwriter/tabwriter.go (format, writeLines); padding is always with spaces.
 */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

/**
 * `kubectl get`'s table writer: minwidth 6, padding 3
 * (k8s.io/cli-runtime/pkg/printers/tabwriter.go: tabwriterMinWidth = 6, tabwriterPadding = 3).
 */
export const getTableOptions: TabwriterOptions = { minwidth: 6, padding: 3 };

/** `kubectl describe`'s writer: minwidth 0, padding 2 (k8s.io/kubectl/pkg/describe/describe.go, tabbedString). */
export const describeOptions: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Aligns `text` (lines of tab-separated cells) as one flush of a Go tabwriter. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  if (text === '') return '';
  const out: string[] = [];
  format(lines, [], 0, lines.length, opts, out);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

function format(lines: string[][], widths: number[], line0: number, line1: number, opts: TabwriterOptions, out: string[]): void {
  const column = widths.length;
  for (let row = line0; row < line1; row++) {
    if (column >= lines[row].length - 1) continue;
    writeLines(lines, widths, line0, row, out);
    line0 = row;
    let width = opts.minwidth;
    for (; row < line1; row++) {
      const cells = lines[row];
      if (column >= cells.length - 1) break;
      width = Math.max(width, cells[column].length + opts.padding);
    }
    format(lines, [...widths, width], line0, row, opts, out);
    line0 = row;
    row--;
  }
  writeLines(lines, widths, line0, line1, out);
}

function writeLines(lines: string[][], widths: number[], line0: number, line1: number, out: string[]): void {
  for (let row = line0; row < line1; row++) {
    const cells = lines[row];
    out.push(cells.map((cell, j) => (j < widths.length && j < cells.length - 1 ? cell.padEnd(widths[j]) : cell)).join(''));
  }
}
