import { array, boolean, object, string } from './schema';
import { resource } from './meta';
import { objectReference } from './endpoint-slice';

/** v1.LocalObjectReference: an object in the same namespace, by name. */
export const localObjectReference = object('v1.LocalObjectReference', { name: string });

/** v1 ServiceAccount (sim/api/types.ts ServiceAccount; k8s.io/api/core/v1/types.go). */
export const serviceAccountSchema = resource('v1.ServiceAccount', {
  secrets: array(objectReference, 'name'),
  imagePullSecrets: array(localObjectReference),
  automountServiceAccountToken: boolean,
});
