import type { ComponentContext } from '../core/component';
import type { KubeObject, Namespace, Pod } from './types';
import { kinds } from '../core/kinds';
import { defaultedKinds, setDefaults } from './defaults';
import { schemaFor } from './schema';
import { validateObject, validateObjectUpdate } from './validation/validate';
import { formatFieldError } from './validation/field-error';
import { installNamespaceRegistry, isTerminating, terminatingError } from './namespace-registry';
import { ApiError } from '../core/api-error';
import { deepEqual } from '../core/store';

/**
 * The namespaces the API server creates at start-up. Source: kubernetes/kubernetes
 * pkg/controlplane (the system namespaces controller: kube-system, kube-public, kube-node-lease;
 * `default` by the bootstrap controller).
 */
export const systemNamespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/**
 * Installs the API server's own steps on every write, for objects from `kubectl apply` and from
 * controllers alike: defaulting (sim/api/defaults), the NamespaceLifecycle admission plugin (no new
 * object in a namespace that does not exist or is being terminated), the Namespace registry's
 * two-step delete (sim/api/namespace-registry.ts), what the registry sets on create (a new Pod is
 * Pending; a Namespace gets the `kubernetes` finalizer), and validation. Then creates the system
 * namespaces.
 */
export function installApiServer(cluster: ComponentContext): void {
  const { store } = cluster;
  for (const kind of defaultedKinds) {
    store.addAdmission(kind, (obj, old) => {
      if (!statusOnlyUpdate(obj, old)) setDefaults(obj);
    });
  }
  for (const info of kinds.filter((k) => k.namespaced)) {
    store.addAdmission(info.kind, (obj, old) => {
      const ns = obj.metadata.namespace ?? '';
      if (old) return;
      if (!store.get('Namespace', '', ns)) throw ApiError.notFound('Namespace', ns);
      if (isTerminating(cluster, ns)) throw terminatingError(obj);
    });
  }
  installNamespaceRegistry(cluster);
  store.addAdmission('Pod', (obj, old) => {
    if (!old) (obj as Pod).status ??= { phase: 'Pending' };
  });
  store.addAdmission('Namespace', (obj, old) => {
    if (!old) (obj as Namespace).spec ??= { finalizers: ['kubernetes'] };
  });
  for (const info of kinds.filter((k) => schemaFor(k.kind))) {
    store.addAdmission(info.kind, (obj, old) => {
      if (statusOnlyUpdate(obj, old)) return;
      const errors = [...validateObject(obj), ...(old ? validateObjectUpdate(obj, old) : [])];
      if (errors.length) throw invalidError(obj, errors.map(formatFieldError));
    });
  }
  for (const name of systemNamespaces) store.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}

/**
 * A write that changes nothing but `status` (what controllers and kubelets write through the
 * status subresource): the rest was defaulted and validated when it was stored, so it is not
 * checked again (the registries' status strategies, e.g. pkg/registry/core/pod/strategy.go, validate only the status).
 */
function statusOnlyUpdate(obj: KubeObject, old: KubeObject | undefined): boolean {
  if (!old) return false;
  const a = obj as unknown as Record<string, unknown>;
  const b = old as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (k !== 'status' && !deepEqual(a[k], b[k])) return false;
  return true;
}

function invalidError(obj: KubeObject, causes: string[]): ApiError {
  return ApiError.invalid(obj, causes);
}
