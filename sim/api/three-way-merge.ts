import type { Schema } from './schema/schema';

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * kubectl apply's three-way merge: `original` is the last applied configuration (the annotation),
 * `modified` the manifest now, `live` the stored object. A field the manifest sets takes the
 * manifest's value; a field the last apply set but the manifest no longer has is removed; a field
 * neither ever set (a Service's clusterIP, a status, what a controller or `kubectl scale` wrote) is
 * kept. Lists whose API type declares a merge key (containers by name, Service ports by port) are
 * merged item by item; other lists are replaced. Source: the strategic merge patch rules in
 * k8s.io/apimachinery/pkg/util/strategicpatch (CreateThreeWayMergePatch) and the patchMergeKey tags
 * of k8s.io/api.
 */
export function threeWayMerge(original: Json, modified: Json, live: Json, schema?: Schema): Json {
  if (isObject(modified) && isObject(live)) {
    const result: JsonObject = structuredClone(live);
    const orig = isObject(original) ? original : {};
    for (const [key, value] of Object.entries(modified)) result[key] = threeWayMerge(orig[key], value, live[key], child(schema, key));
    for (const key of Object.keys(orig)) if (!(key in modified)) delete result[key];
    return result;
  }
  if (Array.isArray(modified) && Array.isArray(live) && schema?.type === 'array' && schema.mergeKey) {
    return mergeList(Array.isArray(original) ? original : [], modified, live, schema.mergeKey, schema.items);
  }
  return structuredClone(modified);
}

function mergeList(original: Json[], modified: Json[], live: Json[], key: string, items: Schema): Json[] {
  const find = (list: Json[], item: Json) => list.find((x) => isObject(x) && isObject(item) && x[key] === item[key]);
  const result = modified.map((m) => {
    const l = find(live, m);
    return l === undefined ? structuredClone(m) : threeWayMerge(find(original, m), m, l, items);
  });
  for (const l of live) if (find(modified, l) === undefined && find(original, l) === undefined) result.push(structuredClone(l));
  return result;
}

function child(schema: Schema | undefined, key: string): Schema | undefined {
  if (schema?.type === 'object') return schema.fields[key];
  if (schema?.type === 'map') return schema.values;
  return undefined;
}

/** JSON with every object's keys sorted, as Go's json.Marshal writes a map. */
export function sortedJson(value: Json): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  return value;
}
