import type { ComponentContext } from '../core/component';
import type { KubeObject, Namespace } from './types';
import { ApiError, resourceName } from '../core/api-error';

/** The finalizer the API server puts on every Namespace, owned by the namespace controller. */
export const namespaceFinalizer = 'kubernetes';

/**
 * Namespaces the NamespaceLifecycle admission plugin refuses to delete. Source: kubernetes/kubernetes
 * pkg/kubeapiserver/options/plugins.go and plugin/pkg/admission/namespace/lifecycle (immortal
 * namespaces: default, kube-system, kube-public).
 */
export const immortalNamespaces = ['default', 'kube-public', 'kube-system'];

/**
 * How the Namespace registry answers a delete (kubernetes/kubernetes
 * pkg/registry/core/namespace/storage/storage.go, REST.Delete): the first request only marks the
 * Namespace (deletionTimestamp, phase Terminating) for the namespace controller to empty it; a
 * request while `spec.finalizers` is not empty is a Conflict; the Namespace goes once finalized.
 */
export function installNamespaceRegistry(cluster: ComponentContext): void {
  const { store, clock } = cluster;
  store.setDeleteStrategy('Namespace', (obj) => {
    const name = obj.metadata.name;
    if (immortalNamespaces.includes(name)) {
      throw new ApiError('Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`);
    }
    const ns = obj as Namespace;
    if (!ns.metadata.deletionTimestamp) {
      return store.mutate<Namespace>('Namespace', '', name, (d) => {
        d.metadata.deletionTimestamp = clock.timestamp();
        d.status = { ...d.status, phase: 'Terminating' };
      })!;
    }
    if (ns.spec?.finalizers?.length) {
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on namespaces "${name}": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.`,
      );
    }
    return ns.metadata.finalizers?.length ? obj : (store.remove('Namespace', '', name) ?? obj);
  });
}

/**
 * The `/finalize` subresource: removes `token` from the Namespace's spec.finalizers. A Namespace
 * that is being deleted and has no finalizer left is removed (the registry's
 * ShouldDeleteNamespaceDuringUpdate). Returns whether the Namespace is gone.
 */
export function finalizeNamespace(cluster: ComponentContext, name: string, token: string): boolean {
  const { store } = cluster;
  const ns = store.mutate<Namespace>('Namespace', '', name, (d) => {
    d.spec = { ...d.spec, finalizers: (d.spec?.finalizers ?? []).filter((f) => f !== token) };
  });
  if (!ns) return true;
  if (!ns.metadata.deletionTimestamp || ns.spec?.finalizers?.length || ns.metadata.finalizers?.length) return false;
  store.remove('Namespace', '', name);
  return true;
}

/** Is the namespace being deleted? New content is then refused (NamespaceLifecycle admission). */
export function isTerminating(cluster: Pick<ComponentContext, 'store'>, namespace: string): boolean {
  return cluster.store.get<Namespace>('Namespace', '', namespace)?.status?.phase === 'Terminating';
}

/**
 * NamespaceLifecycle's refusal (plugin/pkg/admission/namespace/lifecycle/admission.go):
 * `pods "web" is forbidden: unable to create new content in namespace team because it is being
 * terminated`. The server admits an object before naming it, so a generated name is reported as
 * its prefix (`pods "web-7d4b9-"`); the store here names it first, so the prefix is recovered.
 */
export function terminatingError(obj: KubeObject): ApiError {
  const { name, generateName, namespace } = obj.metadata;
  const generated = generateName && name.length === generateName.length + 5 && name.startsWith(generateName);
  const shown = generated ? generateName : name;
  return new ApiError('Forbidden', `${resourceName(obj.kind)} "${shown}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
}
