/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath: parser.go, jsonpath.go), as
 * `-o jsonpath=…`, `custom-columns` and `--sort-by` use them. No npm JSONPath library speaks this
 * dialect: it is a text template whose `{…}` actions hold paths, `range`/`end` and quoted strings.
 *
 * Supported: `$`, `@`, `.field`, `..field` (recursive), `['key']` / `["a.b"]`, `[n]` (negative from
 * the end), `[start:end]`, `[*]`, `.*`, filters `[?(@.path OP value)]` with ==, !=, <, <=, >, >=
 * and `[?(@.path)]` (exists), `{range PATH}…{end}`, `{"text"}` literals with Go escapes. Several
 * results of one action print separated by a space; strings print raw, other scalars as JSON, maps
 * and lists as compact JSON. A missing field prints nothing (kubectl's allow-missing-template-keys
 * defaults to true).
 */

type Json = unknown;

type Segment =
  | { kind: 'field'; name: string }
  | { kind: 'recursive'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start?: number; end?: number }
  | { kind: 'filter'; left: Segment[]; op?: string; right?: { path: Segment[] } | { value: Json } };

type Node = { kind: 'text'; text: string } | { kind: 'path'; path: Segment[] } | { kind: 'range'; path: Segment[]; body: Node[] };

/** A parsed template, or the parse error kubectl reports. */
export type JsonPathTemplate = { nodes: Node[] } | { error: string };

/** Parses a template such as `{range .items[*]}{.metadata.name}{"\n"}{end}`. */
export function parseJsonPath(template: string): JsonPathTemplate {
  const stack: Node[][] = [[]];
  const ranges: Node[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ kind: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) return { error: `unclosed action` };
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action === 'end') {
      if (stack.length === 1) return { error: 'not in range, nothing to end' };
      const body = stack.pop()!;
      const node = ranges.pop()! as Extract<Node, { kind: 'range' }>;
      node.body = body;
      continue;
    }
    if (action.startsWith('range ') || action.startsWith('range\t')) {
      const path = parsePath(action.slice(6).trim());
      if ('error' in path) return path;
      const node: Node = { kind: 'range', path: path.segments, body: [] };
      stack[stack.length - 1].push(node);
      ranges.push(node);
      stack.push([]);
      continue;
    }
    if (action.startsWith('"') || action.startsWith("'")) {
      const text = unquote(action);
      if (text === undefined) return { error: `invalid string literal ${action}` };
      stack[stack.length - 1].push({ kind: 'text', text });
      continue;
    }
    const path = parsePath(action);
    if ('error' in path) return path;
    stack[stack.length - 1].push({ kind: 'path', path: path.segments });
  }
  if (stack.length > 1) return { error: 'unclosed range' };
  return { nodes: stack[0] };
}

/** Runs a parsed template over `data`; throws nothing (missing fields print nothing). */
export function executeJsonPath(template: { nodes: Node[] }, data: Json): string {
  return run(template.nodes, data, data);
}

/** The values one path expression selects (for custom-columns and --sort-by). */
export function evaluatePath(path: string, data: Json): Json[] | { error: string } {
  const parsed = parsePath(path.replace(/^\{|\}$/g, ''));
  if ('error' in parsed) return parsed;
  return walk(parsed.segments, [data], data);
}

/** How one selected value prints in a template. */
export function formatValue(value: Json): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function run(nodes: Node[], current: Json, root: Json): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'path') out += walk(node.path, [current], root).map(formatValue).join(' ');
    else {
      const selected = walk(node.path, [current], root);
      const items = selected.length === 1 && Array.isArray(selected[0]) ? (selected[0] as Json[]) : selected;
      for (const item of items) out += run(node.body, item, root);
    }
  }
  return out;
}

function walk(segments: Segment[], start: Json[], root: Json): Json[] {
  let values = start;
  for (const seg of segments) {
    const next: Json[] = [];
    for (const v of values) apply(seg, v, root, next);
    values = next;
  }
  return values;
}

function apply(seg: Segment, v: Json, root: Json, out: Json[]): void {
  switch (seg.kind) {
    case 'field':
      if (isObject(v) && seg.name in v) out.push(v[seg.name]);
      return;
    case 'recursive':
      collect(v, seg.name, out);
      return;
    case 'wildcard':
      if (Array.isArray(v)) out.push(...v);
      else if (isObject(v)) out.push(...Object.keys(v).sort().map((k) => v[k]));
      return;
    case 'index':
      if (Array.isArray(v)) {
        const i = seg.index < 0 ? v.length + seg.index : seg.index;
        if (i >= 0 && i < v.length) out.push(v[i]);
      }
      return;
    case 'slice':
      if (Array.isArray(v)) out.push(...v.slice(seg.start ?? 0, seg.end ?? v.length));
      return;
    case 'filter': {
      const items = Array.isArray(v) ? v : [];
      for (const item of items) if (matches(seg, item, root)) out.push(item);
    }
  }
}

function matches(seg: Extract<Segment, { kind: 'filter' }>, item: Json, root: Json): boolean {
  const left = walk(seg.left, [item], root);
  if (!seg.op) return left.length > 0;
  const right = seg.right && 'path' in seg.right ? walk(seg.right.path, [item], root) : [seg.right?.value];
  return left.some((l) => right.some((r) => compare(l, seg.op!, r)));
}

function compare(a: Json, op: string, b: Json): boolean {
  if (op === '==') return a === b || (typeof a !== 'object' && String(a) === String(b) && typeof a === typeof b);
  if (op === '!=') return !compare(a, '==', b);
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

function collect(v: Json, name: string, out: Json[]): void {
  if (Array.isArray(v)) for (const x of v) collect(x, name, out);
  else if (isObject(v)) {
    if (name === '*') out.push(...Object.values(v));
    else if (name in v) out.push(v[name]);
    for (const k of Object.keys(v)) collect(v[k], name, out);
  }
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `}` that closes the action opened at `open`, skipping quoted strings. */
function findClose(text: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

/** Go's strconv.Unquote for the escapes templates use: \n \t \" \\ \'. */
function unquote(text: string): string | undefined {
  if (text.length < 2 || text[text.length - 1] !== text[0]) return undefined;
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\' };
  return text.slice(1, -1).replace(/\\(.)/g, (_, c: string) => escapes[c] ?? c);
}

function parsePath(text: string): { segments: Segment[] } | { error: string } {
  const segments: Segment[] = [];
  let i = 0;
  if (text[0] === '$' || text[0] === '@') i = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      const recursive = text[i + 1] === '.';
      i += recursive ? 2 : 1;
      const m = text.slice(i).match(/^(\*|[A-Za-z0-9_\-/]+)/);
      if (!m) {
        if (i >= text.length && !recursive) break;
        return { error: `unrecognized character in action: ${JSON.stringify(text.slice(i, i + 1))}` };
      }
      i += m[1].length;
      segments.push(recursive ? { kind: 'recursive', name: m[1] } : m[1] === '*' ? { kind: 'wildcard' } : { kind: 'field', name: m[1] });
    } else if (c === '[') {
      const close = matchingBracket(text, i);
      if (close < 0) return { error: 'unterminated array' };
      const inner = text.slice(i + 1, close).trim();
      i = close + 1;
      const seg = parseBracket(inner);
      if ('error' in seg) return seg;
      segments.push(seg);
    } else if (c === ' ') {
      i++;
    } else {
      return { error: `unrecognized character in action: U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${c}'` };
    }
  }
  return { segments };
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function parseBracket(inner: string): Segment | { error: string } {
  if (inner === '*') return { kind: 'wildcard' };
  if (/^-?\d+$/.test(inner)) return { kind: 'index', index: Number(inner) };
  const slice = inner.match(/^(-?\d*):(-?\d*)$/);
  if (slice) return { kind: 'slice', start: slice[1] ? Number(slice[1]) : undefined, end: slice[2] ? Number(slice[2]) : undefined };
  if (/^['"].*['"]$/.test(inner)) return { kind: 'field', name: inner.slice(1, -1) };
  const filter = inner.match(/^\?\((.*)\)$/s);
  if (!filter) return { error: `invalid array index ${inner}` };
  const m = filter[1].trim().match(/^(@[^=!<>]*?)\s*(==|!=|<=|>=|<|>)\s*(.+)$/s);
  if (!m) {
    const left = parsePath(filter[1].trim());
    return 'error' in left ? left : { kind: 'filter', left: left.segments };
  }
  const left = parsePath(m[1].trim());
  if ('error' in left) return left;
  const rightText = m[3].trim();
  let right: { path: Segment[] } | { value: Json };
  if (/^['"].*['"]$/.test(rightText)) right = { value: unquote(rightText) };
  else if (/^-?\d+(\.\d+)?$/.test(rightText)) right = { value: Number(rightText) };
  else if (rightText === 'true' || rightText === 'false') right = { value: rightText === 'true' };
  else {
    const path = parsePath(rightText);
    if ('error' in path) return path;
    right = { path: path.segments };
  }
  return { kind: 'filter', left: left.segments, op: m[2], right };
}
