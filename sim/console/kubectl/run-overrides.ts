import { parseDocument } from 'yaml';
import type { KubeObject } from '../../api/types';
import { decodeProblems } from '../../api/decode';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from '../../api/patch';
import { schemaFor } from '../../api/schema';
import { readJsonStream } from '../../api/json-stream';

/**
 * kubectl run's --overrides with --override-type (merge, the default; json; strategic): the
 * generated object as JSON, patched, then decoded back into the typed object as kubectl does
 * locally, so a field of the wrong type fails with encoding/json's words, and an unknown field
 * is dropped without a word. Returns the object, or kubectl's error message.
 * Sources: staging/src/k8s.io/kubectl/pkg/cmd/util/override_options.go (Overrider.Apply),
 * pkg/cmd/util/helpers.go (Merge, StrategicMerge, JSONPatch); evanphx/json-patch (`Invalid JSON Patch`).
 */
export function applyOverrides(object: KubeObject, overrides: string, type = 'merge'): KubeObject | string {
  if (!['merge', 'json', 'strategic'].includes(type)) return `invalid override type: ${type}`;
  const read = readJsonStream(overrides);
  // A merge patch that is not JSON is evanphx/json-patch's ErrBadJSONPatch; a JSON patch's is encoding/json's syntax error.
  if ('error' in read || read.values.length !== 1) return type === 'json' && 'error' in read ? read.error.replace(/^json: offset \d+: /, '') : 'Invalid JSON Patch';
  const patch = read.values[0];
  let patched: unknown;
  try {
    if (type === 'json') patched = jsonPatch(object, patch);
    else if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return 'Invalid JSON Patch';
    else patched = type === 'merge' ? jsonMergePatch(object, patch) : strategicMergePatch(object, patch, schemaFor(object.kind));
  } catch (e) {
    return (e as Error).message;
  }
  const schema = schemaFor(object.kind);
  const doc = parseDocument(JSON.stringify(patched));
  const wrongType = schema && doc.contents ? decodeProblems(doc.contents, schema).find((p) => !p.detail.startsWith('strict decoding error')) : undefined;
  if (wrongType) return wrongType.detail;
  return patched as KubeObject;
}
