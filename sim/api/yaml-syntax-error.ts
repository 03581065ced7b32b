import { isMap, isPair, isScalar, isSeq, type Document, type Node, type YAMLError } from 'yaml';
import type { Position } from './manifest';

/**
 * The `yaml` library's error codes, in the words of the Go YAML parser that kubectl uses
 * (gopkg.in/yaml's scanner and parser messages), so that a syntax error reads as kubectl prints it.
 */
const goYamlWording: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  MULTILINE_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  BAD_INDENT: 'did not find expected key',
  TAB_AS_INDENT: 'found character that cannot start any token',
  MISSING_CHAR: 'did not find expected key',
  UNEXPECTED_TOKEN: 'did not find expected <document start>',
  BAD_SCALAR_START: 'found character that cannot start any token',
  BAD_ALIAS: 'unknown anchor referenced',
};

/**
 * `error: error parsing web.yaml: error converting YAML to JSON: yaml: line 5: did not find expected key`
 * (kubectl's builder wraps the YAML-to-JSON error with the file name; k8s.io/cli-runtime
 * pkg/resource/visitor.go). `line` counts from the document's own first line.
 */
export function yamlSyntaxError(source: string, error: YAMLError, line: number, doc: Document.Parsed, pos: (offset: number) => Position): string {
  const prefix = `error: error parsing ${source}: error converting YAML to JSON: yaml: `;
  if (error.code === 'DUPLICATE_KEY') {
    const first = firstDefinition(doc.contents, error.pos[0]);
    if (first) {
      const offset = line - pos(error.pos[0]).line;
      return `${prefix}unmarshal errors:\n  line ${line}: mapping key "${first.key}" already defined at line ${pos(first.offset).line + offset}`;
    }
  }
  const wording = byMessage(error.message) ?? goYamlWording[error.code] ?? error.message.split('\n')[0].replace(/^./, (c) => c.toLowerCase());
  return `${prefix}line ${line}: ${wording}`;
}

/** Errors whose Go wording depends on more than the code: unclosed quotes and flow collections. */
function byMessage(message: string): string | undefined {
  if (/quote/i.test(message)) return 'found unexpected end of stream';
  if (message.startsWith('Flow sequence')) return "did not find expected ',' or ']'";
  if (message.startsWith('Flow map')) return "did not find expected ',' or '}'";
  return undefined;
}

/** Finds the earlier key that the duplicate key at `offset` repeats. */
function firstDefinition(node: unknown, offset: number): { key: string; offset: number } | undefined {
  if (isMap(node)) {
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const at = pair.key.range![0];
      if (at === offset && seen.has(key)) return { key, offset: seen.get(key)! };
      if (!seen.has(key)) seen.set(key, at);
      const inner = firstDefinition(pair.value, offset);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = firstDefinition(item as Node, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * Where the Go parser points: for "mapping values are not allowed", at the `:` that it did not
 * expect (the `yaml` library points at the start of the scalar before it).
 */
export function goYamlOffset(text: string, error: YAMLError): number {
  const start = error.pos[0];
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'MULTILINE_IMPLICIT_KEY') return start;
  const colon = text.slice(start).search(/:(\s|$)/);
  return colon < 0 ? start : start + colon;
}
