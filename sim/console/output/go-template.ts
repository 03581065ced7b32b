/**
 * The subset of Go's text/template that `kubectl get -o go-template=…` scripts use:
 * `{{.a.b}}`, `{{"literal"}}`, `{{range PIPE}}…{{else}}…{{end}}` (which sets the dot), `{{if PIPE}}…
 * {{else}}…{{end}}`, `{{printf "%s\n" ARG…}}` (%s %d %v %q %%), `{{index X KEY…}}`, `{{len X}}`
 * and `{{- … -}}` trimming. A missing map key prints `<no value>`, as text/template does with
 * kubectl's missingkey=default. Numbers from JSON print as Go prints a float64 holding an integer.
 * Unsupported constructs are reported, never silently misread.
 */

type Value = unknown;

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: string }
  | { kind: 'range' | 'if'; pipe: string; body: Node[]; elseBody: Node[] };

/** Parses a template; `{ error }` with text/template's wording where it matters. */
export function parseGoTemplate(template: string): { nodes: Node[] } | { error: string } {
  const root: Node[] = [];
  const stack: { node: Extract<Node, { kind: 'range' | 'if' }> | undefined; target: Node[] }[] = [{ node: undefined, target: root }];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    const top = stack[stack.length - 1];
    if (open < 0) {
      top.target.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    let text = template.slice(i, open);
    const close = template.indexOf('}}', open + 2);
    if (close < 0) return { error: 'template: output:1: unclosed action' };
    let action = template.slice(open + 2, close);
    i = close + 2;
    if (action.startsWith('-') && /^-\s/.test(action)) {
      text = text.replace(/\s+$/, '');
      action = action.slice(1);
    }
    if (/\s-$/.test(action)) {
      action = action.slice(0, -1);
      const rest = template.slice(i);
      i += rest.length - rest.replace(/^\s+/, '').length;
    }
    if (text) top.target.push({ kind: 'text', text });
    action = action.trim();
    const word = action.split(/\s+/)[0];
    if (word === 'range' || word === 'if') {
      const node = { kind: word, pipe: action.slice(word.length).trim(), body: [], elseBody: [] } as Extract<Node, { kind: 'range' | 'if' }>;
      top.target.push(node);
      stack.push({ node, target: node.body });
    } else if (word === 'else') {
      if (!top.node) return { error: 'template: output:1: unexpected {{else}}' };
      top.target = top.node.elseBody;
    } else if (word === 'end') {
      if (!top.node) return { error: 'template: output:1: unexpected {{end}}' };
      stack.pop();
    } else if (['with', 'define', 'template', 'block'].includes(word)) {
      return { error: `{{${word}}} is not simulated in go-template output here` };
    } else if (action.startsWith('/*')) {
      continue;
    } else top.target.push({ kind: 'action', pipe: action });
  }
  if (stack.length > 1) return { error: 'template: output:1: unexpected EOF' };
  return { nodes: root };
}

/** Runs a parsed template with `data` as the dot. Throws an Error with text/template's message on a bad call. */
export function executeGoTemplate(template: { nodes: Node[] }, data: Value): string {
  return run(template.nodes, data);
}

function run(nodes: Node[], dot: Value): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'action') out += print(evalPipe(node.pipe, dot));
    else if (node.kind === 'if') out += run(truthy(evalPipe(node.pipe, dot)) ? node.body : node.elseBody, dot);
    else {
      const v = evalPipe(node.pipe, dot);
      const items = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => (v as Record<string, Value>)[k]) : [];
      if (items.length === 0) out += run(node.elseBody, dot);
      for (const item of items) out += run(node.body, item);
    }
  }
  return out;
}

const missing = Symbol('no value');

function print(v: Value): string {
  if (v === missing) return '<no value>';
  if (v === undefined || v === null) return '<no value>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(print).join(' ')}]`;
  return `map[${Object.keys(v as object).sort().map((k) => `${k}:${print((v as Record<string, Value>)[k])}`).join(' ')}]`;
}

function truthy(v: Value): boolean {
  if (v === missing || v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** Splits `printf "%s\n" .a .b` into its words, keeping quoted strings whole. */
function words(pipe: string): string[] {
  return pipe.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\S+/g) ?? [];
}

function evalPipe(pipe: string, dot: Value): Value {
  if (pipe.includes('|')) throw new Error(`pipelines ("|") are not simulated in go-template output here`);
  const [head, ...args] = words(pipe);
  if (head === undefined) throw new Error('template: output:1: missing value for command');
  const values = () => args.map((a) => operand(a, dot));
  switch (head) {
    case 'printf':
      return sprintf(values());
    case 'print':
      return values().map(print).join('');
    case 'println':
      return values().map(print).join(' ') + '\n';
    case 'index': {
      let [v, ...keys] = values();
      for (const k of keys) v = Array.isArray(v) ? v[Number(k)] : v && typeof v === 'object' ? (v as Record<string, Value>)[String(k)] : undefined;
      return v ?? missing;
    }
    case 'len': {
      const [v] = values();
      return Array.isArray(v) || typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
    }
    case 'not':
      return !truthy(values()[0]);
    case 'eq':
    case 'ne': {
      const [a, ...rest] = values();
      const equal = rest.some((b) => a === b);
      return head === 'eq' ? equal : !equal;
    }
  }
  if (args.length) throw new Error(`template: output:1: can't give argument to non-function ${head}`);
  return operand(head, dot);
}

function operand(word: string, dot: Value): Value {
  if (word.startsWith('"')) return JSON.parse(word) as string;
  if (word.startsWith('`')) return word.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
  if (word === 'true' || word === 'false') return word === 'true';
  if (word === '.') return dot;
  if (word.startsWith('.') || word.startsWith('$.')) {
    let v: Value = dot;
    for (const name of word.replace(/^\$/, '').split('.').slice(1)) {
      if (v === missing || v === undefined || v === null) return missing;
      if (typeof v !== 'object' || Array.isArray(v)) throw new Error(`template: output:1: can't evaluate field ${name} in type ${Array.isArray(v) ? '[]interface {}' : typeof v === 'string' ? 'string' : 'interface {}'}`);
      v = name in (v as object) ? (v as Record<string, Value>)[name] : missing;
    }
    return v;
  }
  throw new Error(`template: output:1: function "${word}" not defined`);
}

/** Go's fmt for the verbs templates use; a float64 holding an integer prints as one with %v. */
function sprintf(args: Value[]): string {
  const [format, ...rest] = args;
  let k = 0;
  return String(format).replace(/%([%sdvq])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    const v = rest[k++];
    if (v === undefined) return `%!${verb}(MISSING)`;
    if (verb === 'q') return JSON.stringify(print(v));
    if (verb === 'd' && typeof v !== 'number') return `%!d(${typeof v === 'string' ? 'string' : 'interface {}'}=${print(v)})`;
    return print(v);
  });
}
