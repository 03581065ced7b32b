import type { Schema } from './schema/schema';

/**
 * The three patch types of the API server's PATCH verb, applied to an object as JSON:
 * - JSON merge patch (RFC 7386, `application/merge-patch+json`, kubectl `--type=merge`): objects
 *   merge key by key, `null` removes a key, anything else (lists too) replaces;
 * - strategic merge patch (`application/strategic-merge-patch+json`, kubectl's default): a merge
 *   patch in which lists whose API type declares a merge key (containers by name, ports by
 *   containerPort) merge item by item, and an item `{$patch: delete, <key>: …}` removes one;
 * - JSON patch (RFC 6902, `application/json-patch+json`, `--type=json`): a list of operations on
 *   JSON pointers (add, remove, replace, move, copy, test).
 * Errors are thrown with the API server's words. Sources: k8s.io/apimachinery/pkg/util/strategicpatch,
 * github.com/evanphx/json-patch (which the API server uses for the other two).
 */
type Json = unknown;
type JsonObject = Record<string, Json>;
const isObject = (v: Json): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: JsonObject = isObject(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = jsonMergePatch(result[key], value);
  }
  return result;
}

export function strategicMergePatch(target: Json, patch: Json, schema?: Schema): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: JsonObject = isObject(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    const child = childSchema(schema, key);
    if (value === null) delete result[key];
    else if (Array.isArray(value) && child?.type === 'array' && child.mergeKey && Array.isArray(result[key])) {
      result[key] = mergeList(result[key] as Json[], value, child.mergeKey, child.items);
    } else result[key] = strategicMergePatch(result[key], value, child);
  }
  return result;
}

function mergeList(live: Json[], patch: Json[], key: string, items: Schema): Json[] {
  const result = live.map((x) => structuredClone(x));
  for (const item of patch) {
    if (!isObject(item)) continue;
    const at = result.findIndex((x) => isObject(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (at >= 0) result.splice(at, 1);
      continue;
    }
    if (at >= 0) result[at] = strategicMergePatch(result[at], item, items);
    else result.push(strategicMergePatch({}, item, items));
  }
  return result;
}

function childSchema(schema: Schema | undefined, key: string): Schema | undefined {
  if (schema?.type === 'object') return schema.fields[key];
  if (schema?.type === 'map') return schema.values;
  return undefined;
}

interface Operation {
  op: string;
  path?: string;
  from?: string;
  value?: Json;
}

/** RFC 6902; throws evanphx/json-patch's messages for what cannot be applied. */
export function jsonPatch(target: Json, operations: Json): Json {
  if (!Array.isArray(operations)) throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = structuredClone(target);
  for (const raw of operations) {
    const op = raw as Operation;
    switch (op.op) {
      case 'add':
        doc = put(doc, pointer(op.path), structuredClone(op.value), 'add');
        break;
      case 'remove':
        doc = remove(doc, pointer(op.path)).doc;
        break;
      case 'replace':
        doc = put(doc, pointer(op.path), structuredClone(op.value), 'replace');
        break;
      case 'move': {
        const taken = remove(doc, pointer(op.from));
        doc = put(taken.doc, pointer(op.path), taken.value, 'add');
        break;
      }
      case 'copy':
        doc = put(doc, pointer(op.path), structuredClone(get(doc, pointer(op.from))), 'add');
        break;
      case 'test':
        if (JSON.stringify(get(doc, pointer(op.path))) !== JSON.stringify(op.value)) throw new Error('testing value failed');
        break;
      default:
        throw new Error(`Unexpected kind: ${String(op.op)}`);
    }
  }
  return doc;
}

function pointer(path: string | undefined): string[] {
  if (path === undefined) throw new Error('missing path');
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`invalid path: ${path}`);
  return path.slice(1).split('/').map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function get(doc: Json, parts: string[]): Json {
  let cur = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isObject(cur)) cur = cur[p];
    else cur = undefined;
    if (cur === undefined) throw new Error(`doc is missing path: "/${parts.join('/')}": missing value`);
  }
  return cur;
}

function put(doc: Json, parts: string[], value: Json, mode: 'add' | 'replace'): Json {
  if (!parts.length) return value;
  const parent = get(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (mode === 'replace' && i >= parent.length)) throw new Error(`unable to access invalid index: ${last}`);
    parent.splice(i, mode === 'replace' ? 1 : 0, value);
  } else if (isObject(parent)) {
    if (mode === 'replace' && !(last in parent)) throw new Error(`replace operation does not apply: doc is missing key: /${parts.join('/')}: missing value`);
    parent[last] = value;
  } else throw new Error(`doc is missing path: "/${parts.join('/')}": missing value`);
  return doc;
}

function remove(doc: Json, parts: string[]): { doc: Json; value: Json } {
  const value = get(doc, parts);
  const parent = get(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
  return { doc, value };
}
