import { array, boolean, int64, map, object, string, type ObjectSchema, type Schema } from './schema';

/** metav1.ObjectMeta, the fields of sim/api/types.ts ObjectMeta. */
export const objectMeta = object('v1.ObjectMeta', {
  name: string,
  generateName: string,
  namespace: string,
  uid: string,
  resourceVersion: string,
  generation: int64,
  creationTimestamp: string,
  deletionTimestamp: string,
  deletionGracePeriodSeconds: int64,
  labels: map(),
  annotations: map(),
  ownerReferences: array(
    object('v1.OwnerReference', { apiVersion: string, kind: string, name: string, uid: string, controller: boolean, blockOwnerDeletion: boolean }),
    'uid',
  ),
  finalizers: array(string),
});

/** metav1.LabelSelector. */
export const labelSelector = object('v1.LabelSelector', {
  matchLabels: map(),
  matchExpressions: array(object('v1.LabelSelectorRequirement', { key: string, operator: string, values: array(string) })),
});

/** A top-level object: apiVersion, kind, metadata, plus the kind's own fields. */
export function resource(go: string, fields: Record<string, Schema>): ObjectSchema {
  return object(go, { apiVersion: string, kind: string, metadata: objectMeta, ...fields });
}
