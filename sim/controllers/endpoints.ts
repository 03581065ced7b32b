import type { ComponentContext } from '../core/component';
import type { EndpointAddress, Endpoints, Labels, Pod, Service } from '../api/types';
import { Controller } from '../core/controller';
import { objectKey, splitKey } from '../core/store';
import { LabelHeadless } from './endpointslice';
import {
  findPort, hasSelector, isHeadless, publishedHostname, selectedPods, shouldPodBeInEndpoints, watchServicesAndSelectedPods,
} from './service-endpoints';
import { isPodReady } from './pod-util';

type Subset = NonNullable<Endpoints['subsets']>[number];
type SubsetPort = NonNullable<Subset['ports']>[number];

/**
 * The Endpoints controller: one v1 Endpoints object per Service with a selector, named like the
 * Service, that `kubectl get endpoints` shows. Ready Pods go in `addresses`, the others in
 * `notReadyAddresses`; terminating Pods are left out (unless publishNotReadyAddresses). Subsets are
 * repacked so that addresses sharing the same ports share a subset.
 * Source: pkg/controller/endpoint/endpoints_controller.go (syncService, addEndpointSubset) and
 * pkg/api/v1/endpoints/util.go (RepackSubsets).
 */
export class EndpointsController extends Controller {
  readonly name = 'endpoint-controller';

  constructor(cluster: ComponentContext) {
    super(cluster);
    const store = cluster.store;
    watchServicesAndSelectedPods(store, (key) => this.enqueue(key));
    store.watch<Endpoints>('Endpoints', (e) => this.enqueue(objectKey(e.object)));
    for (const s of store.list<Service>('Service')) this.enqueue(objectKey(s));
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const store = this.cluster.store;
    const svc = store.get<Service>('Service', namespace, name);
    const current = store.get<Endpoints>('Endpoints', namespace, name);
    if (!svc) {
      if (current) store.delete('Endpoints', namespace, name);
      return;
    }
    if (!hasSelector(svc)) return;
    const next: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { ...(current ? structuredClone(current.metadata) : { name, namespace }), labels: endpointsLabels(svc) },
      subsets: subsetsFor(svc, selectedPods(store, svc)),
    };
    if (!next.subsets!.length) delete next.subsets;
    if (!current) {
      store.create(next);
      this.log(key, `Endpoints created`);
    } else if (store.update(next) !== current) {
      this.log(key, `Endpoints updated`);
    }
  }
}

/** endpoints_controller.go LabelManagedBy / ControllerName (labels set since v1.33). */
const LabelEndpointsManagedBy = 'endpoints.kubernetes.io/managed-by';

/** The Service's labels, the headless label when it applies, and the controller's managed-by label. */
function endpointsLabels(svc: Service): Labels {
  const labels: Labels = { ...(svc.metadata.labels ?? {}) };
  if (isHeadless(svc)) labels[LabelHeadless] = '';
  else delete labels[LabelHeadless];
  labels[LabelEndpointsManagedBy] = 'endpoint-controller';
  return labels;
}

/** The repacked subsets for these Pods: one subset per distinct set of ports. */
function subsetsFor(svc: Service, pods: Pod[]): Subset[] {
  const tolerateUnready = svc.spec.publishNotReadyAddresses === true;
  // address (by IP) → its ports; ready and not-ready kept apart.
  const entries: { addr: EndpointAddress; ready: boolean; ports: SubsetPort[] }[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const ip = pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip;
    if (!ip) continue;
    const addr: EndpointAddress = { ip };
    const hostname = publishedHostname(pod, svc);
    if (hostname) addr.hostname = hostname;
    if (pod.spec.nodeName) addr.nodeName = pod.spec.nodeName;
    addr.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
    const ready = tolerateUnready || isPodReady(pod);
    const ports: SubsetPort[] = [];
    if (svc.spec.ports?.length || !isHeadless(svc)) {
      for (const sp of svc.spec.ports ?? []) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        const p: SubsetPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
        if (sp.appProtocol) p.appProtocol = sp.appProtocol;
        ports.push(p);
      }
      if (!ports.length) continue;
    }
    entries.push({ addr, ready, ports });
  }
  const byPorts = new Map<string, Subset>();
  for (const e of entries) {
    const sorted = [...e.ports].sort((a, b) => `${a.name}/${a.protocol}/${a.port}`.localeCompare(`${b.name}/${b.protocol}/${b.port}`));
    const key = JSON.stringify(sorted);
    let subset = byPorts.get(key);
    if (!subset) byPorts.set(key, (subset = sorted.length ? { ports: sorted } : {}));
    const list = e.ready ? (subset.addresses ??= []) : (subset.notReadyAddresses ??= []);
    list.push(e.addr);
  }
  const subsets = [...byPorts.values()];
  for (const s of subsets) {
    s.addresses?.sort(byIP);
    s.notReadyAddresses?.sort(byIP);
  }
  // Field order as the API server serializes a subset: addresses, notReadyAddresses, ports.
  return subsets.map((s) => {
    const out: Subset = {};
    if (s.addresses) out.addresses = s.addresses;
    if (s.notReadyAddresses) out.notReadyAddresses = s.notReadyAddresses;
    if (s.ports) out.ports = s.ports;
    return out;
  });
}

function byIP(a: EndpointAddress, b: EndpointAddress): number {
  const n = (ip: string) => ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  return n(a.ip) - n(b.ip);
}
