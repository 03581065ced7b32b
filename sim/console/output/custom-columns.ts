import { renderTable } from '../printers/table';
import { evaluatePath } from './jsonpath';

/** One column of `-o custom-columns=HEADER:PATH,…`. */
export interface CustomColumn {
  header: string;
  path: string;
}

/**
 * Reads `NAME:.metadata.name,IP:.status.podIP`; the path is "relaxed" JSONPath (`.a` or `{.a}`).
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go (NewCustomColumnsPrinterFromSpec,
 * RelaxedJSONPathExpression).
 */
export function parseCustomColumns(spec: string): CustomColumn[] | { error: string } {
  if (spec.length === 0) return { error: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const path = part.slice(colon + 1);
    if (!/^\{?\.|^\{?\$/.test(path) && path !== '') return { error: `unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'` };
    columns.push({ header: part.slice(0, colon), path: path.replace(/^\{|\}$/g, '') });
  }
  return columns;
}

/**
 * The table: headers as written, one row per object; a path that selects nothing prints `<none>`,
 * several values join with commas, maps and lists print as Go's %v does (`map[app:web]`).
 */
export function renderCustomColumns(columns: CustomColumn[], objects: unknown[], noHeaders: boolean): string | { error: string } {
  const rows: string[][] = [];
  for (const obj of objects) {
    const row: string[] = [];
    for (const c of columns) {
      const values = evaluatePath(c.path, obj);
      if ('error' in values) return values;
      row.push(values.length === 0 ? '<none>' : values.map(goValue).join(','));
    }
    rows.push(row);
  }
  // renderTable upper-cases headers; custom columns keep them as written.
  const table = renderTable(columns.map((c) => c.header), rows, noHeaders);
  if (noHeaders) return table;
  const firstLine = table.slice(0, table.indexOf('\n'));
  let rest = firstLine;
  for (const c of columns) rest = rest.replace(c.header.toUpperCase(), c.header);
  return rest + table.slice(firstLine.length);
}

/** fmt.Sprintf("%v") of decoded JSON. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  return `map[${Object.keys(v).sort().map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`).join(' ')}]`;
}
