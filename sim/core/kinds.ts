/**
 * The kinds the API store serves: their group/version, REST resource name and scope, as
 * `kubectl api-resources` lists them. A kind is known to the engine only once registered here.
 */
export interface KindInfo {
  kind: string;
  apiVersion: string;
  /** The REST resource name kubectl prints in errors: `pods "web" not found`. */
  plural: string;
  namespaced: boolean;
  shortNames: string[];
}

export const kinds: KindInfo[] = [
  { kind: 'Namespace', apiVersion: 'v1', plural: 'namespaces', namespaced: false, shortNames: ['ns'] },
  { kind: 'Node', apiVersion: 'v1', plural: 'nodes', namespaced: false, shortNames: ['no'] },
  { kind: 'Pod', apiVersion: 'v1', plural: 'pods', namespaced: true, shortNames: ['po'] },
  { kind: 'Service', apiVersion: 'v1', plural: 'services', namespaced: true, shortNames: ['svc'] },
  { kind: 'Secret', apiVersion: 'v1', plural: 'secrets', namespaced: true, shortNames: [] },
  { kind: 'ConfigMap', apiVersion: 'v1', plural: 'configmaps', namespaced: true, shortNames: ['cm'] },
  { kind: 'ServiceAccount', apiVersion: 'v1', plural: 'serviceaccounts', namespaced: true, shortNames: ['sa'] },
  { kind: 'Event', apiVersion: 'v1', plural: 'events', namespaced: true, shortNames: ['ev'] },
  { kind: 'Endpoints', apiVersion: 'v1', plural: 'endpoints', namespaced: true, shortNames: ['ep'] },
  { kind: 'Deployment', apiVersion: 'apps/v1', plural: 'deployments', namespaced: true, shortNames: ['deploy'] },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', plural: 'replicasets', namespaced: true, shortNames: ['rs'] },
  { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', plural: 'endpointslices', namespaced: true, shortNames: [] },
  { kind: 'Lease', apiVersion: 'coordination.k8s.io/v1', plural: 'leases', namespaced: true, shortNames: [] },
  { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', plural: 'ingresses', namespaced: true, shortNames: ['ing'] },
  { kind: 'IngressClass', apiVersion: 'networking.k8s.io/v1', plural: 'ingressclasses', namespaced: false, shortNames: [] },
  { kind: 'NetworkPolicy', apiVersion: 'networking.k8s.io/v1', plural: 'networkpolicies', namespaced: true, shortNames: ['netpol'] },
];

const byKind = new Map(kinds.map((k) => [k.kind, k]));

export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/** Finds a kind by any name kubectl accepts: `pods`, `pod`, `po`, `Pod`, `deployments.apps`. */
export function resolveResource(name: string): KindInfo | undefined {
  const n = name.toLowerCase().split('.')[0];
  return kinds.find(
    (k) => k.plural === n || k.kind.toLowerCase() === n || k.shortNames.includes(n),
  );
}
