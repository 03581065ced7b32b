import type { KubeObject, OwnerReference } from '../api/types';

/** The owner reference with `controller: true`, if any (metav1.GetControllerOf). */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

/**
 * The reference a controller puts on what it creates (metav1.NewControllerRef): `controller: true`
 * makes the owner the object's one manager, and the garbage collector deletes the object once the
 * owner is gone.
 */
export function ownerReference(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}
