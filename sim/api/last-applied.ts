import type { KubeObject } from './types';
import { sortedJson } from './three-way-merge';

/** The annotation where `kubectl apply` keeps what it applied last. */
export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The manifest as kubectl sends it: with the annotation holding the manifest itself, as compact
 * JSON with sorted keys and a final newline, and `"annotations":{}` when there were none
 * (GetModifiedConfiguration in k8s.io/kubectl/pkg/util/apply.go).
 */
export function withLastApplied(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj);
  const annotations = { ...copy.metadata.annotations };
  delete annotations[lastAppliedAnnotation];
  copy.metadata.annotations = annotations;
  const applied = sortedJson(copy) + '\n';
  copy.metadata.annotations = { ...annotations, [lastAppliedAnnotation]: applied };
  return copy;
}

/** The last applied configuration of a live object, if it has one. */
export function lastApplied(live: KubeObject): KubeObject | undefined {
  const text = live.metadata.annotations?.[lastAppliedAnnotation];
  if (!text) return undefined;
  try {
    return JSON.parse(text) as KubeObject;
  } catch {
    return undefined;
  }
}
