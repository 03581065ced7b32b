import type { ComponentContext } from '../core/component';
import type { Endpoint, EndpointPort, EndpointSlice, Labels, Node, Pod, Service } from '../api/types';
import { Controller } from '../core/controller';
import { LabelServiceName } from '../api/well-known';
import { objectKey, splitKey, deepEqual } from '../core/store';
import {
  findPort, hasSelector, isHeadless, publishedHostname, selectedPods, shouldPodBeInEndpoints, watchServicesAndSelectedPods,
} from './service-endpoints';
import { isPodReady } from './pod-util';

/** discovery.k8s.io labels (k8s.io/api/discovery/v1/well_known_labels.go); LabelServiceName is in sim/api/well-known.ts. */
export const LabelManagedBy = 'endpointslice.kubernetes.io/managed-by';
export const LabelHeadless = 'service.kubernetes.io/headless';
/** The managed-by value of slices this controller owns. */
export const EndpointSliceControllerName = 'endpointslice-controller.k8s.io';
/** kube-controller-manager --max-endpoints-per-slice default. */
export const MaxEndpointsPerSlice = 100;

interface DesiredGroup {
  ports: EndpointPort[];
  endpoints: Map<string, Endpoint>;
}

/**
 * The EndpointSlice controller: for every Service with a selector, the Pods it selects become
 * endpoints (Pod IP, ready/serving/terminating, node, zone, targetRef) in slices of at most 100,
 * one group of slices per distinct set of resolved ports. Selector-less Services are left alone:
 * their slices are whatever someone wrote by hand.
 *
 * Reconcile follows the upstream reconciler (staging/src/k8s.io/endpointslice/reconciler.go):
 * existing slices keep the endpoints still wanted (updated in place), lose the others, are deleted
 * when empty; leftovers fill changed slices first, then a slice that fits them, then new slices;
 * a Service with no endpoints keeps one empty placeholder slice. Reconciling twice writes nothing.
 */
export class EndpointSliceController extends Controller {
  readonly name = 'endpointslice-controller';

  constructor(cluster: ComponentContext) {
    super(cluster);
    const store = cluster.store;
    watchServicesAndSelectedPods(store, (key) => this.enqueue(key));
    store.watch<EndpointSlice>('EndpointSlice', (e) => {
      const labels = e.object.metadata.labels ?? {};
      if (labels[LabelManagedBy] === EndpointSliceControllerName && labels[LabelServiceName]) {
        this.enqueue(`${e.object.metadata.namespace}/${labels[LabelServiceName]}`);
      }
    });
    // A Node's zone label is copied into its endpoints; a Node that appears or goes changes which Pods count.
    store.watch<Node>('Node', (e) => {
      const zone = (n?: Node) => n?.metadata.labels?.['topology.kubernetes.io/zone'];
      if (e.type === 'MODIFIED' && zone(e.old) === zone(e.object)) return;
      for (const s of store.list<Service>('Service')) if (hasSelector(s)) this.enqueue(objectKey(s));
    });
    for (const s of store.list<Service>('Service')) this.enqueue(objectKey(s));
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const store = this.cluster.store;
    const svc = store.get<Service>('Service', namespace, name);
    // Gone: the garbage collector removes the slices it owned (ownerReferences).
    if (!svc || !hasSelector(svc)) return;
    const existing = store
      .list<EndpointSlice>('EndpointSlice', namespace)
      .filter((s) => s.metadata.labels?.[LabelServiceName] === name && s.metadata.labels?.[LabelManagedBy] === EndpointSliceControllerName);
    if (svc.spec.type === 'ExternalName') {
      for (const s of existing) store.delete('EndpointSlice', namespace, s.metadata.name);
      return;
    }
    const plan = this.plan(svc, existing);
    let updated = 0;
    for (const s of plan.update) {
      const before = existing.find((e) => e.metadata.name === s.metadata.name);
      if (store.update(s) !== before) updated++;
    }
    if (!svc.metadata.deletionTimestamp) for (const s of plan.create) store.create(s);
    for (const s of plan.delete) store.delete('EndpointSlice', namespace, s.metadata.name);
    if (plan.create.length || updated || plan.delete.length) {
      this.log(key, `EndpointSlices: ${plan.create.length} created, ${updated} updated, ${plan.delete.length} deleted`);
    }
  }

  /** Decides which slices to create, update and delete; writes nothing. */
  private plan(svc: Service, existing: EndpointSlice[]): { create: EndpointSlice[]; update: EndpointSlice[]; delete: EndpointSlice[] } {
    const desired = this.desired(svc);
    const labels = sliceLabels(svc);
    const toCreate: EndpointSlice[] = [];
    const toUpdate = new Map<string, EndpointSlice>();
    const toDelete: EndpointSlice[] = [];
    const byPortKey = new Map<string, EndpointSlice[]>();
    for (const s of existing) {
      if (!s.metadata.ownerReferences?.some((o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1')) {
        toDelete.push(s);
        continue;
      }
      const k = portKey(s.ports ?? []);
      byPortKey.set(k, [...(byPortKey.get(k) ?? []), s]);
    }

    for (const [key, group] of desired) {
      const wanted = new Map(group.endpoints);
      const unchanged: EndpointSlice[] = [];
      const updated: EndpointSlice[] = [];
      // 1. Keep wanted endpoints where they are (in their new version); drop the others.
      for (const slice of byPortKey.get(key) ?? []) {
        const kept: Endpoint[] = [];
        let endpointChanged = false;
        for (const ep of slice.endpoints ?? []) {
          const k = endpointKey(ep);
          const next = wanted.get(k);
          if (!next) continue;
          kept.push(next);
          if (!deepEqual(next, ep)) endpointChanged = true;
          wanted.delete(k);
        }
        const labelsChanged = JSON.stringify(slice.metadata.labels ?? {}) !== JSON.stringify(labels);
        if (endpointChanged || kept.length !== (slice.endpoints ?? []).length) {
          if (kept.length === 0) toDelete.push(slice);
          else updated.push(withEndpoints(slice, kept, labels));
        } else if (labelsChanged) {
          updated.push(withEndpoints(slice, kept, labels));
        } else unchanged.push(slice);
      }
      const remaining = [...wanted.values()];
      // 2. Fill the slices being updated anyway, fullest first.
      updated.sort((a, b) => b.endpoints.length - a.endpoints.length);
      for (const slice of updated) {
        while (remaining.length && slice.endpoints.length < MaxEndpointsPerSlice) slice.endpoints.push(remaining.shift()!);
      }
      // 3. Fit the rest into the unchanged slice that ends up closest to full, else new slices.
      while (remaining.length) {
        let target: EndpointSlice | undefined;
        if (remaining.length < MaxEndpointsPerSlice) {
          const fit = sliceToFill(unchanged, remaining.length);
          if (fit) {
            unchanged.splice(unchanged.indexOf(fit), 1);
            target = withEndpoints(fit, [...fit.endpoints], labels);
            updated.push(target);
          }
        }
        if (!target) {
          target = newSlice(svc, group.ports, labels);
          toCreate.push(target);
        }
        while (remaining.length && target.endpoints.length < MaxEndpointsPerSlice) target.endpoints.push(remaining.shift()!);
      }
      for (const s of updated) toUpdate.set(s.metadata.name, s);
    }
    // Port sets no longer wanted at all.
    for (const [key, slices] of byPortKey) if (!desired.has(key)) toDelete.push(...slices);

    // A Service with no endpoints keeps one empty placeholder slice.
    if (existing.length === toDelete.length && toCreate.length === 0) {
      const placeholder = newSlice(svc, [], labels);
      const only = toDelete.length === 1 ? toDelete[0] : undefined;
      if (only && isPlaceholderOf(only, placeholder)) toDelete.length = 0;
      else toCreate.push(placeholder);
    }
    // Turn creates into updates of slices that would be deleted (finalize()).
    while (toCreate.length && toDelete.some((d) => ownedBySvc(d, svc))) {
      const reuse = toDelete.splice(toDelete.findIndex((d) => ownedBySvc(d, svc)), 1)[0];
      const slice = toCreate.pop()!;
      toUpdate.set(reuse.metadata.name, { ...structuredClone(reuse), metadata: { ...structuredClone(reuse.metadata), labels }, ports: slice.ports, endpoints: slice.endpoints });
    }
    return { create: toCreate, update: [...toUpdate.values()], delete: toDelete };
  }

  /** The endpoints wanted for a Service, grouped by their resolved ports. */
  private desired(svc: Service): Map<string, DesiredGroup> {
    const store = this.cluster.store;
    const groups = new Map<string, DesiredGroup>();
    for (const pod of selectedPods(store, svc)) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const node = pod.spec.nodeName ? store.get<Node>('Node', '', pod.spec.nodeName) : undefined;
      // A Pod on a Node that does not exist is skipped, unless its address is to be published anyway.
      if (pod.spec.nodeName && !node && !svc.spec.publishNotReadyAddresses) continue;
      const ports = endpointPorts(svc, pod);
      const key = portKey(ports);
      if (!groups.has(key)) groups.set(key, { ports, endpoints: new Map() });
      const ep = podToEndpoint(pod, node, svc);
      if (ep.addresses.length) groups.get(key)!.endpoints.set(endpointKey(ep), ep);
    }
    return groups;
  }
}

/**
 * podToEndpoint: serving is the Pod's Ready condition; terminating is deletionTimestamp set; ready
 * is serving and not terminating (or always, with publishNotReadyAddresses).
 */
export function podToEndpoint(pod: Pod, node: Node | undefined, svc: Service): Endpoint {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ready = svc.spec.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Endpoint = {
    addresses: (pod.status?.podIPs?.map((p) => p.ip) ?? [pod.status!.podIP!]).filter((ip) => ip && !ip.includes(':')),
    conditions: { ready, serving, terminating },
  };
  const hostname = publishedHostname(pod, svc);
  if (hostname) ep.hostname = hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.['topology.kubernetes.io/zone'];
  if (zone) ep.zone = zone;
  return ep;
}

/** getEndpointPorts: each Service port resolved on this Pod; a port the Pod lacks is left out. */
export function endpointPorts(svc: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  if (!svc.spec.ports?.length && isHeadless(svc)) return out;
  for (const sp of svc.spec.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

/** Slice labels: the Service's own labels, then the reserved ones (setEndpointSliceLabels). */
function sliceLabels(svc: Service): Labels {
  const labels: Labels = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k !== LabelServiceName && k !== LabelManagedBy && k !== LabelHeadless) labels[k] = v;
  }
  if (isHeadless(svc)) labels[LabelHeadless] = '';
  labels[LabelServiceName] = svc.metadata.name;
  labels[LabelManagedBy] = EndpointSliceControllerName;
  return labels;
}

function newSlice(svc: Service, ports: EndpointPort[], labels: Labels): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: '',
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace,
      labels,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: [],
    ports: structuredClone(ports),
  };
}

function withEndpoints(slice: EndpointSlice, endpoints: Endpoint[], labels: Labels): EndpointSlice {
  const copy = structuredClone(slice) as EndpointSlice;
  copy.metadata.labels = labels;
  copy.endpoints = endpoints;
  return copy;
}

/** getSliceToFill: the slice that will be closest to full once `count` endpoints are added. */
function sliceToFill(slices: EndpointSlice[], count: number): EndpointSlice | undefined {
  let best: EndpointSlice | undefined;
  let bestDiff = MaxEndpointsPerSlice;
  for (const s of slices) {
    const diff = MaxEndpointsPerSlice - (count + s.endpoints.length);
    if (diff >= 0 && diff < bestDiff) {
      best = s;
      bestDiff = diff;
    }
  }
  return best;
}

function isPlaceholderOf(slice: EndpointSlice, placeholder: EndpointSlice): boolean {
  return (
    (slice.endpoints ?? []).length === 0 &&
    (slice.ports ?? []).length === 0 &&
    JSON.stringify(sortedEntries(slice.metadata.labels)) === JSON.stringify(sortedEntries(placeholder.metadata.labels))
  );
}

function ownedBySvc(slice: EndpointSlice, svc: Service): boolean {
  return slice.metadata.ownerReferences?.some((o) => o.uid === svc.metadata.uid) ?? false;
}

function sortedEntries(labels: Labels | undefined): [string, string][] {
  return Object.entries(labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

/** The identity of an endpoint across reconciles: its addresses, hostname and target (hashEndpoint). */
function endpointKey(ep: Endpoint): string {
  return JSON.stringify([[...ep.addresses].sort(), ep.hostname ?? '', ep.targetRef?.namespace ?? '', ep.targetRef?.name ?? '']);
}

/** NewPortMapKey: slices group endpoints by the exact set of resolved ports. */
function portKey(ports: EndpointPort[]): string {
  return JSON.stringify(
    [...ports].map((p) => [p.name ?? '', p.protocol ?? 'TCP', p.port ?? 0, p.appProtocol ?? '']).sort((a, b) => String(a).localeCompare(String(b))),
  );
}
