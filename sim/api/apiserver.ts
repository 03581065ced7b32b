import type { ComponentContext } from '../core/component';
import type { Ingress, IngressClass, KubeObject, Namespace, Pod, Secret } from './types';
import { kinds } from '../core/kinds';
import { defaultedKinds, setDefaults } from './defaults';
import { schemaFor } from './schema';
import { validateObject, validateObjectUpdate } from './validation/validate';
import { formatFieldError } from './validation/field-error';
import { installNamespaceRegistry, isTerminating, terminatingError } from './namespace-registry';
import { ApiError } from '../core/api-error';
import { deepEqual, type Store } from '../core/store';
import { prepareForCreate } from './prepare-for-create';
import { encodeBase64 } from './base64';

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
  store.addAdmission('Secret', (obj) => mergeStringData(obj as Secret));
  for (const kind of defaultedKinds) {
    store.addAdmission(kind, (obj, old) => {
      if (!storedAsChecked(obj, old)) setDefaults(obj);
    });
  }
  for (const { kind } of kinds) {
    store.addAdmission(kind, (obj, old) => {
      if (!old) prepareForCreate(obj);
    });
  }
  store.addAdmission('Ingress', (obj, old) => {
    if (!old) setDefaultIngressClass(store, obj as Ingress);
  });
  for (const info of kinds.filter((k) => k.namespaced)) {
    store.addAdmission(info.kind, (obj, old) => {
      const ns = obj.metadata.namespace ?? '';
      if (old) return;
      if (!store.get('Namespace', '', ns)) throw ApiError.notFound('Namespace', ns);
      if (isTerminating(cluster, ns)) throw terminatingError(obj);
    });
  }
  installNamespaceRegistry(cluster);
  store.addAdmission('Namespace', (obj, old) => {
    if (!old) (obj as Namespace).spec ??= { finalizers: ['kubernetes'] };
  });
  for (const info of kinds.filter((k) => schemaFor(k.kind))) {
    store.addAdmission(info.kind, (obj, old) => {
      if (storedAsChecked(obj, old)) return;
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
  for (const k in a) if (k !== 'status' && !deepEqual(a[k], b[k])) return false;
  for (const k in b) if (k !== 'status' && !(k in a) && b[k] !== undefined) return false;
  return true;
}

/**
 * A Binding (the scheduler's write): `spec.nodeName` set on an unbound Pod, and its status. The
 * registry sets them on the stored Pod without defaulting or validating it again
 * (pkg/registry/core/pod/storage/storage.go, BindingREST.setPodNodeAndMetadata).
 */
function binding(obj: KubeObject, old: KubeObject | undefined): boolean {
  if (obj.kind !== 'Pod' || !old) return false;
  const [pod, was] = [obj as Pod, old as Pod];
  return !was.spec.nodeName && !!pod.spec.nodeName && statusOnlyUpdate({ ...pod, spec: { ...pod.spec, nodeName: undefined } }, was);
}

/** A write whose object, but for what it sets, is the stored one: defaulted and validated already. */
function storedAsChecked(obj: KubeObject, old: KubeObject | undefined): boolean {
  return statusOnlyUpdate(obj, old) || binding(obj, old);
}

function invalidError(obj: KubeObject, causes: string[]): ApiError {
  return ApiError.invalid(obj, causes);
}

/**
 * `stringData` is write-only: the API server encodes each value and merges it into `data`, over a
 * key of the same name (the v1 → internal conversion, Convert_v1_Secret_To_core_Secret).
 */
function mergeStringData(secret: Secret): void {
  if (!secret.stringData) return;
  secret.data = { ...secret.data };
  for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = encodeBase64(v);
  delete secret.stringData;
}

/** The annotation that marks the cluster's default IngressClass (networking/v1 AnnotationIsDefaultIngressClass). */
export const isDefaultIngressClassAnnotation = 'ingressclass.kubernetes.io/is-default-class';

/**
 * The DefaultIngressClass admission plugin: a new Ingress that names no class (neither
 * spec.ingressClassName nor the old annotation) gets the default IngressClass; with several
 * defaults, the newest. Source: kubernetes/kubernetes plugin/pkg/admission/network/defaultingressclass.
 */
function setDefaultIngressClass(store: Store, ing: Ingress): void {
  if (ing.spec?.ingressClassName !== undefined || ing.metadata.annotations?.['kubernetes.io/ingress.class'] !== undefined) return;
  const defaults = store.list<IngressClass>('IngressClass').filter((c) => c.metadata.annotations?.[isDefaultIngressClassAnnotation] === 'true');
  const newest = defaults.sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''))[0];
  if (newest && ing.spec) ing.spec.ingressClassName = newest.metadata.name;
}
