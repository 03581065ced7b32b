import { Document, Scalar, visit } from 'yaml';

/**
 * `-o yaml` and `-o json` as kubectl prints them. kubectl prints what the API server returns as
 * unstructured maps, so keys come out sorted: sigs.k8s.io/yaml for YAML (sequences not indented
 * under their key, timestamps double-quoted) and encoding/json with four-space indentation.
 */
export function toYaml(value: unknown): string {
  const doc = new Document(value, { sortMapEntries: true });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ indentSeq: false, singleQuote: false });
}

export function toJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** The List kubectl wraps several objects in (`kind: List`, `metadata.resourceVersion: ""`). */
export function asList(items: unknown[]): unknown {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
