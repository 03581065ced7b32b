import { array, object, string } from './schema';
import { resource } from './meta';

/** v1 Namespace (sim/api/types.ts Namespace). */
export const namespaceSchema = resource('v1.Namespace', {
  spec: object('v1.NamespaceSpec', { finalizers: array(string) }),
  status: object('v1.NamespaceStatus', {
    phase: string,
    conditions: array(object('v1.NamespaceCondition', { type: string, status: string, lastTransitionTime: string, reason: string, message: string }), 'type'),
  }),
});
