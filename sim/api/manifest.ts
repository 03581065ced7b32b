import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { goYamlOffset, yamlSyntaxError } from './yaml-syntax-error';
import { goYamlTags, yamlDecodeError, yamlScanError } from './yaml-decode-error';
import { looksLikeJson, readJsonStream } from './json-stream';

/** A place in a manifest file: 1-based line and column. */
export interface Position {
  line: number;
  col: number;
}

/**
 * One problem with a manifest file: kubectl's message in its own words, and where in the file it
 * is, apart, so that a terminal can print the message and an editor can mark the place.
 */
export interface ManifestProblem {
  /** kubectl's (or the API server's) message, exactly as it prints it. */
  message: string;
  /** kubectl's follow-up line, printed after the message (`ensure CRDs are installed first`). */
  detail?: string;
  /** 1-based line and column in the file. */
  line: number;
  col: number;
  /** 1-based position among the file's documents. */
  document: number;
  /** The field the problem is about, when the message does not name it. */
  field?: string;
  /**
   * How kubectl prints the error when it is one of several (helpers.go MultipleErrors): a plain
   * error without its `error: ` prefix, an API error as `Error from server (Invalid): error when
   * creating "web.yaml": …`. Absent: the message minus `error: `.
   */
  listed?: string;
  /** For one cause of an Invalid error: the heading the causes share (`The Pod "web" is invalid: `). */
  heading?: string;
  /** The API server's answer, not kubectl's reading of the file: printed after those. */
  fromServer?: boolean;
}

/**
 * The problem in kubectl's words, then kubectl's follow-up line. With `where`, the message is
 * followed by where it is written (`(web.yaml:9:3, document 2)`): for tests and listings that
 * point into the file; the console prints kubectl's text alone (the editor marks the position).
 */
export function formatProblem(p: ManifestProblem, source: string, where = true): string {
  const position = where ? ` (${source}:${p.line}:${p.col}, document ${p.document}${p.field ? `, field ${p.field}` : ''})` : '';
  return `${p.message}${position}${p.detail ? `\n${p.detail}` : ''}`;
}

/** Where one field is written: its key (for unknown fields) and its value (for bad values). */
interface FieldSite {
  key: Position;
  value: Position;
}

/**
 * One YAML document of a manifest file, parsed, with the position of every field it writes so
 * that each problem can be pointed at: `(web.yaml:9:3, document 2)`.
 */
export class Manifest {
  constructor(
    /** The file name kubectl prints: `from "web.yaml"`. */
    readonly source: string,
    /** 1-based position among the file's documents. */
    readonly index: number,
    /** The document as JSON (nulls dropped, as the API server's decoder drops them). */
    readonly object: Record<string, unknown>,
    /** The YAML tree, for schema checks. */
    readonly root: Node,
    /** The line and column of an offset in the file. */
    private readonly pos: (offset: number) => Position,
    private readonly start: Position,
  ) {}

  private indexed?: Map<string, FieldSite>;

  /** Where each field is written, indexed when a problem first needs it: most manifests have none. */
  private get sites(): Map<string, FieldSite> {
    if (!this.indexed) indexSites(this.root, '', (this.indexed = new Map()), this.pos);
    return this.indexed;
  }

  /** Where `path` (`spec.template.spec.containers[0].image`) is written, or its nearest written parent. */
  position(path: string, at: 'key' | 'value' = 'value'): Position {
    // A map key in a field path (`data[bad key]`) is a key in the YAML.
    for (let p = path.replace(/\[([^\]]*[^\d\]][^\]]*)\]/g, '.$1'); p; p = parentPath(p)) {
      const site = this.sites.get(p);
      if (site) return site[at];
    }
    return this.start;
  }

  /** A problem with the field at `path`, placed where the field is written; names the field when the message does not. */
  problem(path: string, message: string, at: 'key' | 'value' = 'value', detail?: string): ManifestProblem {
    const { line, col } = this.position(path, at);
    const named = message.includes(`"${path}"`) || message.includes(`${path}: `);
    return { message, line, col, document: this.index, ...(path && !named ? { field: path } : {}), ...(detail ? { detail } : {}) };
  }
}

/** `spec.ports[0].port` → `spec.ports[0]` → `spec.ports` → `spec` → ``. */
export function parentPath(path: string): string {
  const m = path.match(/^(.*)(\[\d+\]|\.[^.[]+)$/);
  return m ? m[1] : '';
}

/**
 * Splits a file into its YAML documents, as `kubectl apply -f` reads them. A syntax error is
 * reported in kubectl's words (`error: error parsing web.yaml: error converting YAML to JSON:
 * yaml: line 5: …`; the line counts from the document's start, as kubectl decodes each document
 * on its own), followed by the position in the file. Empty documents are skipped. YAML 1.1, as the Go
 * parser reads it: `on`, `yes` and `no` are booleans.
 */
export function parseManifests(text: string, source: string): { manifests: Manifest[]; problems: ManifestProblem[] } {
  const lines = new LineCounter();
  const manifests: Manifest[] = [];
  const problems: ManifestProblem[] = [];
  const prefix = `error: error parsing ${source}: `;
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.1', customTags: goYamlTags });
    docs = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    // The parser's own recursion gave out: Go's parser stops at 10,000 levels first.
    return { manifests, problems: [{ message: `${prefix}error converting YAML to JSON: yaml: exceeded max depth of 10000`, line: 1, col: 1, document: 1 }] };
  }
  const jsonError = looksLikeJson(text) ? (({ error }) => error)(readJsonStream(text) as { error?: string }) : undefined;
  const textLines = text.split('\n');
  // kubectl's stream visitor stops at the first document it cannot read; the ones before it still apply.
  for (const [i, doc] of docs.entries()) {
    const index = i + 1;
    const pos = (offset: number): Position => lines.linePos(offset);
    const firstLine = documentFirstLine(textLines, pos(doc.range[0]).line);
    const scanned = yamlScanError(text.slice(doc.range[0], doc.range[2]));
    const error = scanned ? undefined : doc.errors[0];
    const decoded = scanned ?? (error ? undefined : yamlDecodeError(doc));
    if (error || decoded) {
      if (jsonError) {
        problems.push({ message: `${prefix}${jsonError}`, line: 1, col: 1, document: index });
        break;
      }
      const at = error ? pos(goYamlOffset(text, error)) : pos(doc.range[0] + decoded!.offset);
      const message = error ? yamlSyntaxError(source, error, at.line - firstLine + 1, doc, pos) : `${prefix}error converting YAML to JSON: yaml: ${decoded!.line ? `line ${at.line - firstLine + 1}: ` : ''}${decoded!.message}`;
      problems.push({ message, line: at.line, col: at.col, document: index });
      break;
    }
    const root = doc.contents;
    if (!root || (isScalar(root) && root.value === null)) continue;
    const start = pos(root.range[0]);
    if (!isMap(root)) {
      const jsonType = isSeq(root) ? 'array' : typeof (root as { value?: unknown }).value === 'number' ? 'number' : 'string';
      problems.push({ message: `error: unable to decode "${source}": json: cannot unmarshal ${jsonType} into Go value of type map[string]interface {}`, line: start.line, col: start.col, document: index });
      continue;
    }
    const object = dropNulls(doc.toJS({ maxAliasCount: -1 })) as Record<string, unknown>;
    manifests.push(new Manifest(source, index, object, root, pos, start));
  }
  return { manifests, problems };
}

/** The first line of a document's own text: the line after its `---` marker, if it has one. */
function documentFirstLine(lines: string[], line: number): number {
  const content = lines[line - 1] ?? '';
  return content.startsWith('---') ? line + 1 : line;
}

function indexSites(node: Node, path: string, sites: Map<string, FieldSite>, pos: (offset: number) => Position): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const child = path ? `${path}.${key}` : key;
      const value = pair.value as Node | null;
      const keyPos = pos(pair.key.range![0]);
      sites.set(child, { key: keyPos, value: value?.range ? pos(value.range[0]) : keyPos });
      if (value) indexSites(value, child, sites, pos);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = `${path}[${i}]`;
      const itemNode = item as Node;
      if (!itemNode?.range) return;
      const p = pos(itemNode.range[0]);
      sites.set(child, { key: p, value: p });
      indexSites(itemNode, child, sites, pos);
    });
  }
}

/** JSON without nulls: a `field:` left empty in YAML means "not set" to the API server. */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = dropNulls(v);
    return out;
  }
  return value;
}
