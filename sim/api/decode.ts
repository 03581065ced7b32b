import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { goType, type ObjectSchema, type Schema } from './schema/schema';

/** One field the API server's decoder refuses. */
export interface DecodeProblem {
  /** `spec.template.spec.containers[0].ports[0].containerPort` */
  path: string;
  /** Point at the key (an unknown field) or at the value (a wrong type). */
  at: 'key' | 'value';
  /** The decoder's words: `strict decoding error: unknown field "spec.replica"`. */
  detail: string;
}

const int32Range = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * Decodes a document against its kind's schema as the API server does with strict field validation
 * (kubectl's default `--validate=strict`): an unknown field is `strict decoding error: unknown field
 * "spec.replica"` (sigs.k8s.io/json strict errors); a wrong type or an oversized number is Go's
 * `json: cannot unmarshal number 99999999999 into Go struct field DeploymentSpec.spec.replicas of
 * type int32` (encoding/json UnmarshalTypeError: the innermost struct, the JSON path without
 * indices). One problem per field.
 */
export function decodeProblems(root: Node, schema: ObjectSchema): DecodeProblem[] {
  const problems: DecodeProblem[] = [];
  walk(root, schema, { path: '', goPath: '', struct: shortName(schema.go) }, problems);
  return problems;
}

interface Where {
  path: string;
  goPath: string;
  struct: string;
}

function walk(node: Node | null, schema: Schema, where: Where, problems: DecodeProblem[]): void {
  if (!node || (isScalar(node) && node.value === null)) return;
  const wrongType = (value: string) =>
    problems.push({
      path: where.path,
      at: 'value',
      detail: `json: cannot unmarshal ${value} into Go struct field ${where.struct}.${where.goPath} of type ${goType(schema)}`,
    });
  switch (schema.type) {
    case 'object':
    case 'map':
      if (!isMap(node)) return void wrongType(jsonType(node));
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const path = where.path ? `${where.path}.${key}` : key;
        const value = pair.value as Node | null;
        if (schema.type === 'map') {
          walk(value, schema.values, { ...where, path }, problems);
        } else if (!Object.hasOwn(schema.fields, key)) {
          problems.push({ path, at: 'key', detail: `strict decoding error: unknown field "${path}"` });
        } else {
          const goPath = where.goPath ? `${where.goPath}.${key}` : key;
          walk(value, schema.fields[key], { path, goPath, struct: shortName(schema.go) }, problems);
        }
      }
      return;
    case 'array':
      if (!isSeq(node)) return void wrongType(jsonType(node));
      node.items.forEach((item, i) => walk(item as Node, schema.items, { ...where, path: `${where.path}[${i}]` }, problems));
      return;
    default: {
      if (!isScalar(node)) return void wrongType(jsonType(node));
      const bad = scalarProblem(node.value, node.source ?? String(node.value), schema.type);
      if (bad) wrongType(bad);
    }
  }
}

/** The JSON value Go names in the error, or undefined when the scalar fits the type. */
function scalarProblem(value: unknown, source: string, type: string): string | undefined {
  if (type === 'string') return typeof value === 'string' ? undefined : jsonScalar(value);
  if (type === 'boolean') return typeof value === 'boolean' ? undefined : jsonScalar(value);
  if (type === 'int-or-string' && typeof value === 'string') return undefined;
  if (typeof value !== 'number') return jsonScalar(value);
  const fits =
    Number.isInteger(value) &&
    (type === 'int64' ? fitsInt64(source, value) : value >= int32Range.min && value <= int32Range.max);
  return fits ? undefined : `number ${source}`;
}

function fitsInt64(source: string, value: number): boolean {
  try {
    const n = BigInt(source.replace(/^\+/, ''));
    return n >= -(2n ** 63n) && n < 2n ** 63n;
  } catch {
    return Number.isSafeInteger(value);
  }
}

function jsonScalar(value: unknown): string {
  return typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'number' : 'string';
}

function jsonType(node: Node): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  return jsonScalar((node as { value?: unknown }).value);
}

function shortName(go: string): string {
  return go.slice(go.lastIndexOf('.') + 1);
}

/**
 * The object as Go's JSON decoder leaves it: a list item written as a bare `-` (null) becomes the
 * item type's zero value — an empty struct, `""`, 0 — as encoding/json decodes null into a
 * slice element, so the API server's validation then names what is missing
 * (`spec.containers[0].name: Required value`). Changes `value` in place and returns it.
 */
export function zeroNullItems<T>(value: T, schema: Schema): T {
  if (value === null || typeof value !== 'object') return value;
  if (schema.type === 'array' && Array.isArray(value)) {
    value.forEach((item, i) => {
      value[i] = item === null || item === undefined ? zeroValue(schema.items) : zeroNullItems(item, schema.items);
    });
  } else if (schema.type === 'object' || schema.type === 'map') {
    for (const [k, v] of Object.entries(value)) {
      const field = schema.type === 'map' ? schema.values : schema.fields[k];
      if (field) zeroNullItems(v, field);
    }
  }
  return value;
}

function zeroValue(schema: Schema): unknown {
  switch (schema.type) {
    case 'object':
    case 'map':
      return {};
    case 'array':
      return [];
    case 'string':
      return '';
    case 'boolean':
      return false;
    default:
      return 0;
  }
}
