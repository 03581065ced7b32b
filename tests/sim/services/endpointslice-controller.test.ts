import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import type { EndpointSlice, Endpoints, Pod } from '../../../sim/api/types';
import { createReported, ensureNodes, reportedPod, service } from './fixtures';

function slicesOf(cluster: Cluster, svc: string, ns = 'default'): EndpointSlice[] {
  return cluster.store.list<EndpointSlice>('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
}

function setup(): Cluster {
  const cluster = new Cluster();
  ensureNodes(cluster);
  return cluster;
}

describe('EndpointSlice controller', () => {
  it('writes one slice per Service with the Pods it selects, named, labelled and owned as upstream', () => {
    const cluster = setup();
    const svc = cluster.store.create(service('web'));
    createReported(cluster.store, reportedPod('web-1', { ip: '10.244.1.5' }));
    createReported(cluster.store, reportedPod('web-2', { ip: '10.244.2.5', node: 'virtual-2', ready: false }));
    createReported(cluster.store, reportedPod('other', { ip: '10.244.2.6', labels: { app: 'other' } }));
    cluster.settle();
    const [slice, ...rest] = slicesOf(cluster, 'web');
    expect(rest).toHaveLength(0);
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toEqual({
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slice.endpoints.map((e) => [e.addresses[0], e.conditions, e.nodeName, e.targetRef?.name])).toEqual([
      ['10.244.1.5', { ready: true, serving: true, terminating: false }, 'virtual-1', 'web-1'],
      ['10.244.2.5', { ready: false, serving: false, terminating: false }, 'virtual-2', 'web-2'],
    ]);
  });

  it('is idempotent: reconciling again writes nothing', () => {
    const cluster = setup();
    cluster.store.create(service('web'));
    createReported(cluster.store, reportedPod('web-1', { ip: '10.244.1.5' }));
    cluster.settle();
    const version = cluster.store.resourceVersion;
    const controller = cluster.controllers.find((c) => c.name === 'endpointslice-controller')!;
    controller.enqueue('default/web');
    cluster.settle();
    expect(cluster.store.resourceVersion).toBe(version);
  });

  it('marks a terminating Pod ready=false, serving as its Ready condition, terminating=true', () => {
    const cluster = setup();
    cluster.store.create(service('web'));
    createReported(cluster.store, reportedPod('web-1', { ip: '10.244.1.5' }));
    cluster.settle();
    cluster.store.mutate<Pod>('Pod', 'default', 'web-1', (p) => {
      p.metadata.deletionTimestamp = cluster.clock.timestamp(30_000);
    });
    cluster.settle();
    expect(slicesOf(cluster, 'web')[0].endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('skips Pods without an IP and keeps an empty placeholder slice when nothing is selected', () => {
    const cluster = setup();
    cluster.store.create(service('web'));
    createReported(cluster.store, reportedPod('web-1', {}));
    cluster.settle();
    const slices = slicesOf(cluster, 'web');
    expect(slices).toHaveLength(1);
    expect(slices[0].endpoints).toEqual([]);
    expect(slices[0].ports).toEqual([]);
  });

  it('moves a Pod in and out of the endpoints when its labels change', () => {
    const cluster = setup();
    cluster.store.create(service('web'));
    createReported(cluster.store, reportedPod('web-1', { ip: '10.244.1.5' }));
    createReported(cluster.store, reportedPod('web-2', { ip: '10.244.1.6' }));
    cluster.settle();
    const ips = () => slicesOf(cluster, 'web').flatMap((s) => s.endpoints.map((e) => e.addresses[0]));
    expect(ips()).toEqual(['10.244.1.5', '10.244.1.6']);
    cluster.store.mutate<Pod>('Pod', 'default', 'web-2', (p) => {
      p.metadata.labels = { app: 'debug' };
    });
    cluster.settle();
    expect(ips()).toEqual(['10.244.1.5']);
    cluster.store.mutate<Pod>('Pod', 'default', 'web-2', (p) => {
      p.metadata.labels = { app: 'web' };
    });
    cluster.settle();
    expect(ips()).toEqual(['10.244.1.5', '10.244.1.6']);
  });

  it('resolves a named targetPort per Pod: different numbers go to different slices', () => {
    const cluster = setup();
    cluster.store.create(service('web', { ports: [{ name: 'http', port: 80, targetPort: 'web', protocol: 'TCP' }] }));
    createReported(cluster.store, reportedPod('old', { ip: '10.244.1.5', ports: [{ name: 'web', containerPort: 8080 }] }));
    createReported(cluster.store, reportedPod('new', { ip: '10.244.1.6', ports: [{ name: 'web', containerPort: 9090 }] }));
    createReported(cluster.store, reportedPod('none', { ip: '10.244.1.7', ports: [{ name: 'metrics', containerPort: 9100 }] }));
    cluster.settle();
    const byPort = Object.fromEntries(
      slicesOf(cluster, 'web').map((s) => [String(s.ports[0]?.port ?? 'none'), s.endpoints.map((e) => e.targetRef?.name)]),
    );
    expect(byPort).toEqual({ '8080': ['old'], '9090': ['new'], none: ['none'] });
  });

  it('puts at most 100 endpoints in a slice', () => {
    const cluster = setup();
    cluster.store.create(service('big'));
    for (let i = 0; i < 130; i++) createReported(cluster.store, reportedPod(`big-${i}`, { ip: `10.244.${1 + (i >> 8)}.${10 + (i & 255)}`, labels: { app: 'big' } }));
    cluster.settle();
    expect(slicesOf(cluster, 'big').map((s) => s.endpoints.length).sort()).toEqual([100, 30]);
  });

  it('leaves the hand-made slices of a selector-less Service alone', () => {
    const cluster = setup();
    cluster.store.create(service('external', { selector: undefined }));
    cluster.store.create<EndpointSlice>({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'external-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'external' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.9.9'], conditions: { ready: true } }],
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    });
    cluster.settle();
    expect(slicesOf(cluster, 'external').map((s) => s.metadata.name)).toEqual(['external-1']);
    expect(cluster.store.get('Endpoints', 'default', 'external')).toBeUndefined();
  });

  it('writes v1 Endpoints with ready Pods in addresses and the others in notReadyAddresses', () => {
    const cluster = setup();
    cluster.store.create(service('web'));
    createReported(cluster.store, reportedPod('web-1', { ip: '10.244.1.6' }));
    createReported(cluster.store, reportedPod('web-2', { ip: '10.244.1.5', ready: false }));
    cluster.settle();
    const ep = cluster.store.get<Endpoints>('Endpoints', 'default', 'web')!;
    expect(ep.metadata.labels).toEqual({ 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: '10.244.1.6', nodeName: 'virtual-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: expect.any(String) } }],
        notReadyAddresses: [{ ip: '10.244.1.5', nodeName: 'virtual-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-2', uid: expect.any(String) } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('bootstraps the kubernetes Service endpoints to the API server address', () => {
    const cluster = setup();
    const [slice] = slicesOf(cluster, 'kubernetes');
    expect(slice.metadata.name).toBe('kubernetes');
    expect(slice.endpoints[0].addresses).toEqual([cluster.config.nodes[0].ip]);
    expect(slice.ports).toEqual([{ name: 'https', port: 6443, protocol: 'TCP' }]);
  });
});
