import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Tags } from 'yaml';

/**
 * What Go's YAML decoder (sigs.k8s.io/yaml over its fork of gopkg.in/yaml.v2, which kubectl uses to
 * turn each document into JSON) refuses in a document that parses: the checks of yaml.v2's
 * reader (readerc.go), scanner (scannerc.go: max_flow_level) and decoder (decode.go: anchors,
 * aliases, map keys, merges, tags). Each message is Go's own; `line` says whether Go prefixes it
 * with `line N: ` (only errors whose position is past the document's first line do).
 */
export interface YamlDecodeError {
  message: string;
  /** Where in the document's text the problem is. */
  offset: number;
  line: boolean;
}

/** yaml.v2's limit on nested flow collections (scannerc.go max_flow_level). */
const maxDepth = 10_000;

/** What yaml.v2's reader and scanner refuse in a document's text, before any parsing. */
export function yamlScanError(text: string): YamlDecodeError | undefined {
  // readerc.go: everything but tab, LF, CR and printable characters.
  const control = text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/);
  if (control >= 0) return { message: 'control characters are not allowed', offset: control, line: false };
  const deep = flowTooDeep(text);
  if (deep !== undefined) return { message: `exceeded max depth of ${maxDepth}`, offset: deep, line: text.slice(0, deep).includes('\n') };
  return undefined;
}

/** What yaml.v2's decoder refuses in a parsed document. */
export function yamlDecodeError(doc: Document.Parsed): YamlDecodeError | undefined {
  try {
    new GoDecoder(doc.range[0]).value(doc.contents as Node | null);
  } catch (e) {
    if (e instanceof GoDecodeFailure) return { message: e.message, offset: e.offset, line: false };
    throw e;
  }
  return undefined;
}

/** The offset of the bracket that opens level 10,001 of nested `[`/`{`, outside quotes and comments. */
function flowTooDeep(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote && !(quote === '"' && text[i - 1] === '\\')) quote = '';
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if ((c === '"' || c === "'") && depth > 0) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > maxDepth) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

class GoDecodeFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Walks a document as yaml.v2's decoder unmarshals it into interface{}: counts nodes decoded and
 * nodes decoded through aliases (the CVE-2019-11253 guard, decode.go allowedAliasRatio), and
 * refuses what it refuses.
 */
class GoDecoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private anchors = new Map<string, Node>();
  private expanding = new Set<Node>();

  constructor(private readonly base: number) {}

  private fail(message: string, node: Node | null | undefined): never {
    throw new GoDecodeFailure(message, (node?.range?.[0] ?? this.base) - this.base);
  }

  private count(node: Node | null): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      this.fail('document contains excessive aliasing', node);
    }
  }

  /** Decodes a node (and, through aliases, what they stand for), refusing what yaml.v2 refuses. */
  value(node: Node | null): void {
    this.count(node);
    if (!node) return;
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (!target) this.fail(`unknown anchor '${node.source}' referenced`, node);
      if (this.expanding.has(target)) this.fail(`anchor '${node.source}' value contains itself`, node);
      this.expanding.add(target);
      this.aliasDepth++;
      this.value(target);
      this.aliasDepth--;
      this.expanding.delete(target);
      return;
    }
    if (isScalar(node)) return this.scalar(node);
    this.expanding.add(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        this.value(keyNode);
        const keyTarget = isAlias(keyNode) ? this.anchors.get(keyNode.source) : keyNode;
        if (isMap(keyTarget) || isSeq(keyTarget)) this.fail(`invalid map key: ${this.goSyntax(keyTarget)}`, keyNode);
        const value = pair.value as Node | null;
        if (isMergeKey(keyNode) && !isMergeable(value, this.anchors)) {
          this.fail('map merge requires map or sequence of maps as the value', value);
        }
        this.value(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) this.value(item as Node | null);
    }
    this.expanding.delete(node);
  }

  private scalar(node: Node): void {
    const { value, tag } = node as Node & { value: unknown; tag?: string };
    const explicit = tag?.replace('tag:yaml.org,2002:', '!!');
    if (explicit && ['!!int', '!!float', '!!bool', '!!null'].includes(explicit) && typeof value === 'string') {
      this.fail(`cannot decode !!str \`${value}\` as a ${explicit}`, node);
    }
  }

  /** A decoded value as Go's %#v prints it (`[]interface {}{"a", "b"}`), for `invalid map key`. */
  private goSyntax(node: Node | null | undefined): string {
    const target = isAlias(node) ? this.anchors.get(node.source) : node;
    if (isMap(target)) {
      const entries = target.items.filter(isPair).map((p) => `${this.goSyntax(p.key as Node | null)}:${this.goSyntax(p.value as Node | null)}`);
      return `map[interface {}]interface {}{${entries.join(', ')}}`;
    }
    if (isSeq(target)) return `[]interface {}{${target.items.map((item) => this.goSyntax(item as Node | null)).join(', ')}}`;
    const value = (target as { value?: unknown } | null | undefined)?.value;
    if (value === null || value === undefined) return 'interface {}(nil)';
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  }
}

/** `<<`, unquoted: YAML 1.1's merge key. */
function isMergeKey(node: Node | null): boolean {
  if (!isScalar(node)) return false;
  const { source, value } = node as unknown as { source?: string; value: unknown };
  return (value === '<<' || source === '<<' || typeof value === 'symbol') && node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE';
}

function isMergeable(node: Node | null, anchors: Map<string, Node>): boolean {
  const target = isAlias(node) ? anchors.get(node.source) : node;
  if (isMap(target)) return true;
  return isSeq(target) && target.items.every((item) => isMap(isAlias(item) ? anchors.get(item.source) : item));
}

/** yaml.v2 decode.go allowedAliasRatio: 99 % of a small document may come through aliases, 10 % of a huge one. */
function allowedAliasRatio(decodeCount: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - low) / (high - low));
}

/**
 * The YAML 1.1 types Go's decoder resolves: no timestamps (yaml.v2 keeps them as strings when
 * decoding into interface{}), no sexagesimal numbers, no !!binary, !!set, !!omap or !!pairs values.
 */
export function goYamlTags(tags: Tags): Tags {
  const dropped = ['binary', 'omap', 'pairs', 'set', 'timestamp'].map((t) => `tag:yaml.org,2002:${t}`);
  return tags.filter((t) => typeof t !== 'string' && !dropped.includes(t.tag) && (t as { format?: string }).format !== 'TIME');
}
