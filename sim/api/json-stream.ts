/**
 * A stream of JSON values as Go's encoding/json Decoder reads it (`{…}{…}`, whitespace between),
 * for manifests that start with `{`: kubectl's YAMLOrJSONDecoder tries JSON first and, when that
 * fails, reads the same bytes as YAML (k8s.io/apimachinery pkg/util/yaml/decoder.go, since
 * Kubernetes 1.33, kubernetes/kubernetes#130666). Only when YAML fails too is the JSON error
 * printed, as `json: offset 62: invalid character '}' looking for beginning of object key string`.
 * The wording is encoding/json's scanner.go; the offset counts bytes up to and including the bad one.
 */
export type JsonStreamResult = { values: unknown[] } | { error: string };

export function readJsonStream(text: string): JsonStreamResult {
  const values: unknown[] = [];
  let i = 0;
  const fail = (at: number, context: string): { error: string } => {
    if (at >= text.length) return { error: 'unexpected EOF' };
    const offset = new TextEncoder().encode(text.slice(0, at)).length + 1;
    return { error: `json: offset ${offset}: invalid character ${quoteChar(text[at])} ${context}` };
  };
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  // Returns an error, or undefined after moving `i` past one value.
  const value = (depth: number): { error: string } | undefined => {
    space();
    const c = text[i];
    if (depth > 10_000) return { error: `json: offset ${i}: exceeded max depth` };
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') return fail(i, 'looking for beginning of object key string');
        const s = string();
        if (s) return s;
        space();
        if (text[i] !== ':') return fail(i, 'after object key');
        i++;
        const v = value(depth + 1);
        if (v) return v;
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else return fail(i, 'after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        const v = value(depth + 1);
        if (v) return v;
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else return fail(i, 'after array element');
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (c !== word[0]) continue;
      for (let k = 1; k < word.length; k++) {
        if (text[i + k] !== word[k]) return fail(i + k, `in literal ${word} (expecting ${quoteChar(word[k])})`);
      }
      i += word.length;
      return undefined;
    }
    return fail(i, 'looking for beginning of value');
  };
  const string = (): { error: string } | undefined => {
    i++;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"') return void i++;
      if (c < ' ') return fail(i, 'in string literal');
      if (c !== '\\') continue;
      i++;
      if (text[i] === 'u') {
        for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) return fail(i + k, 'in \\u hexadecimal character escape');
        i += 4;
      } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) return fail(i, 'in string escape code');
    }
    return fail(i, '');
  };
  const number = (): { error: string } | undefined => {
    if (text[i] === '-') i++;
    if (!/[0-9]/.test(text[i] ?? '')) return fail(i, 'in numeric literal');
    if (text[i] === '0') i++;
    else while (/[0-9]/.test(text[i] ?? '')) i++;
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) return fail(i, 'after decimal point in numeric literal');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) return fail(i, 'in exponent of numeric literal');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    return undefined;
  };
  for (;;) {
    space();
    if (i >= text.length) return { values };
    const start = i;
    const problem = value(0);
    if (problem) return problem;
    values.push(JSON.parse(text.slice(start, i)));
  }
}

/** Go's quoteChar: `'}'`, `'\''`, `'"'`, `'\n'`. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  return `'${JSON.stringify(c).slice(1, -1)}'`;
}

/** Whether kubectl's decoder takes the stream for JSON: its first non-space byte is `{`. */
export function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}
