import type { KubeObject } from '../../api/types';
import { getTableOptions, tabwrite } from './tabwriter';

/** What a row printer may read besides the object: the virtual "now" and whether -o wide was asked. */
export interface PrintContext {
  /** Wall-clock milliseconds of the cluster's current virtual instant. */
  nowMs: number;
  wide: boolean;
}

/**
 * One kind's table columns, as pkg/printers/internalversion/printers.go defines them: the
 * columns every `kubectl get` shows, then the Priority 1 columns that only `-o wide` adds.
 */
export interface KindPrinter<T extends KubeObject = KubeObject> {
  columns: string[];
  wideColumns: string[];
  /** When -o wide reorders the columns (events), the whole wide header. */
  wideHeaders?: string[];
  /** The cells of one row, wide cells included when `ctx.wide`. */
  row(obj: T, ctx: PrintContext): string[];
}

/**
 * Prints rows under a header as kubectl's human-readable printer does: column names upper-cased,
 * cells aligned by the tabwriter with three spaces between columns, the last column unpadded;
 * `--no-headers` leaves the header out before the columns are measured.
 */
export function renderTable(headers: string[], rows: string[][], noHeaders = false): string {
  const lines = [...(noHeaders ? [] : [headers.map((h) => h.toUpperCase())]), ...rows].map((cells) => cells.join('\t') + '\n');
  return tabwrite(lines.join(''), getTableOptions);
}
