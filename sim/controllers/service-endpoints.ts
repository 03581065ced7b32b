import type { Pod, Service, ServicePort } from '../api/types';
import { matchesServiceSelector } from '../api/labels';
import { objectKey, type Store } from '../core/store';

/**
 * What the EndpointSlice and Endpoints controllers share: which Pods a Service selects, whether a
 * Pod counts, and which port a Service port reaches on it. This is the one place where a Service's
 * selector meets Pod labels; everything downstream (slices, kube-proxy rules, packets) sees only IPs.
 * Source: staging/src/k8s.io/endpointslice/utils.go and util/controller_utils.go.
 */

/** The Pods of the Service's namespace whose labels match its selector, in creation order. */
export function selectedPods(store: Store, svc: Service): Pod[] {
  const ns = svc.metadata.namespace ?? 'default';
  return store.list<Pod>('Pod', ns).filter((p) => matchesServiceSelector(p.metadata.labels, svc.spec.selector));
}

/** Does the Service have a selector at all? Selector-less Services get endpoints only by hand. */
export function hasSelector(svc: Service): boolean {
  return svc.spec.selector !== undefined && svc.spec.selector !== null;
}

/**
 * ShouldPodBeInEndpoints: not finished (Succeeded/Failed), has an IP, and, unless terminating Pods
 * are wanted, not being deleted.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/**
 * FindPort: a numeric targetPort is used as is; a named one is looked up among the Pod's container
 * ports with the same protocol. Undefined when the Pod has no such named port. An omitted targetPort
 * defaults to the Service port (API defaulting).
 */
export function findPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = port.protocol ?? 'TCP';
  for (const c of pod.spec.containers) {
    for (const cp of c.ports ?? []) {
      if (cp.name === target && (cp.protocol ?? 'TCP') === protocol) return cp.containerPort;
    }
  }
  return undefined;
}

/** A Service's clusterIP is None: DNS answers with Pod IPs, kube-proxy writes no rules. */
export function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None';
}

/**
 * A Pod's hostname is published for a Service only when the Pod names it as its subdomain
 * (ShouldSetHostname).
 */
export function publishedHostname(pod: Pod, svc: Service): string | undefined {
  const h = pod.spec.hostname;
  if (h && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace) return h;
  return undefined;
}

/**
 * Queues a Service's key when the Service changes and when a Pod it selects, before or after the
 * change, does: the watches both endpoint controllers share. The Services selecting the new labels
 * go first, then those selecting only the old ones; a namespace without Services costs no more
 * than its lookup (every Pod write comes here, twice).
 */
export function watchServicesAndSelectedPods(store: Store, enqueue: (key: string) => void): void {
  store.watch<Service>('Service', (e) => enqueue(objectKey(e.object)));
  store.watch<Pod>('Pod', (e) => {
    const services = store.list<Service>('Service', e.object.metadata.namespace ?? 'default');
    for (const s of services) if (matchesServiceSelector(e.object.metadata.labels, s.spec.selector)) enqueue(objectKey(s));
    // A key already queued stays where it is: enqueueing it again changes nothing.
    if (e.old) for (const s of services) if (matchesServiceSelector(e.old.metadata.labels, s.spec.selector)) enqueue(objectKey(s));
  });
}
