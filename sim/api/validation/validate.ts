import type { ConfigMap, Deployment, EndpointSlice, Endpoints, Ingress, IngressClass, KubeObject, NetworkPolicy, Pod, ReplicaSet, Secret, Service } from '../types';
import { kindInfo } from '../../core/kinds';
import type { FieldError } from './field-error';
import { validateObjectMeta, type NameCheck } from './meta';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain } from './names';
import { validatePodSpec } from './pod';
import { validateDeploymentSpec, validateReplicaSetSpec } from './workloads';
import { validateServiceSpec } from './service';
import { validateNetworkPolicySpec } from './network-policy';
import { validateEndpointSlice } from './endpoint-slice';
import { validateEndpoints } from './endpoints';
import { validateConfigMap } from './config-map';
import { validateSecret } from './secret';
import { validateIngress, validateIngressClass } from './ingress';

/** Each kind's name format (ValidateNamespaceName, ValidateServiceName, …); DNS subdomain otherwise. */
const nameChecks: Record<string, NameCheck> = {
  Namespace: isDNS1123Label,
  Service: isDNS1035Label,
};

/** Each kind's own checks beyond ObjectMeta. */
const specChecks: Record<string, (obj: KubeObject) => FieldError[]> = {
  Pod: (o) => validatePodSpec((o as Pod).spec ?? { containers: [] }, 'spec'),
  ReplicaSet: (o) => validateReplicaSetSpec((o as ReplicaSet).spec ?? {}),
  Deployment: (o) => validateDeploymentSpec((o as Deployment).spec ?? {}),
  Service: (o) => validateServiceSpec((o as Service).spec ?? {}),
  NetworkPolicy: (o) => validateNetworkPolicySpec((o as NetworkPolicy).spec ?? {}),
  EndpointSlice: (o) => validateEndpointSlice(o as EndpointSlice),
  Endpoints: (o) => validateEndpoints(o as Endpoints),
  ConfigMap: (o) => validateConfigMap(o as ConfigMap),
  Secret: (o) => validateSecret(o as Secret),
  Ingress: (o) => validateIngress(o as Ingress),
  IngressClass: (o) => validateIngressClass(o as IngressClass),
};

/** What the API server's validation says about an object (after defaulting), one error per field problem. */
export function validateObject(obj: KubeObject): FieldError[] {
  const namespaced = kindInfo(obj.kind)?.namespaced ?? true;
  return [...validateObjectMeta(obj.metadata ?? { name: '' }, nameChecks[obj.kind] ?? isDNS1123Subdomain, namespaced), ...(specChecks[obj.kind]?.(obj) ?? [])];
}

/**
 * Fields that may not change once set: a Deployment's or ReplicaSet's selector (apps/v1
 * ValidateDeploymentUpdate), an EndpointSlice's addressType (ValidateEndpointSliceUpdate).
 */
const immutableFields: Record<string, { field: string; read: (o: KubeObject) => unknown }> = {
  Deployment: { field: 'spec.selector', read: (o) => (o as Deployment).spec?.selector },
  ReplicaSet: { field: 'spec.selector', read: (o) => (o as ReplicaSet).spec?.selector },
  EndpointSlice: { field: 'addressType', read: (o) => (o as EndpointSlice).addressType },
  IngressClass: { field: 'spec.controller', read: (o) => (o as IngressClass).spec?.controller },
};

export function validateObjectUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const immutable = immutableFields[obj.kind];
  if (!immutable) return [];
  const value = immutable.read(obj);
  return semanticDeepEqual(value, immutable.read(old)) ? [] : [{ type: 'Invalid value', field: immutable.field, value, detail: 'field is immutable' }];
}

/**
 * apiequality.Semantic.DeepEqual, which ValidateImmutableField uses, on decoded JSON: values compared
 * whatever their keys' order, and an empty list or map equal to a missing one, as the forked
 * reflect.DeepEqual counts an empty slice or map equal to a nil one
 * (k8s.io/apimachinery/third_party/forked/golang/reflect/deep_equal.go): a selector written with
 * `matchExpressions: []` is the same selector as one without it. A label with an empty value is
 * still a label: `{tier: ""}` is not `{}`.
 */
function semanticDeepEqual(a: unknown, b: unknown): boolean {
  const [aEmpty, bEmpty] = [isNilOrEmpty(a), isNilOrEmpty(b)];
  if (aEmpty || bEmpty) return aEmpty && bEmpty;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => semanticDeepEqual(x, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return Object.keys({ ...x, ...y }).every((k) => semanticDeepEqual(x[k], y[k]));
}

/** Missing, null, or a list or map with nothing in it. */
function isNilOrEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}
