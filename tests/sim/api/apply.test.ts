import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { applyManifests, deleteManifests } from '../../../sim/api/apply';
import { lastAppliedAnnotation } from '../../../sim/api/last-applied';
import type { ConfigMap, Deployment, Namespace, Service } from '../../../sim/api/types';

const service = (extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080${extra}
`;

const configMap = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
${data}`;

describe('kubectl apply: created, configured, unchanged', () => {
  it('creates, then leaves an identical file unchanged, then configures a change', () => {
    const cluster = new Cluster();
    const text = configMap('  mode: fast\n') + '---\n' + service();
    expect(applyManifests(cluster, text, 'app.yaml').lines).toEqual(['configmap/settings created', 'service/web created']);
    const rv = cluster.store.resourceVersion;
    expect(applyManifests(cluster, text, 'app.yaml').lines).toEqual(['configmap/settings unchanged', 'service/web unchanged']);
    expect(cluster.store.resourceVersion).toBe(rv);
    const changed = configMap('  mode: slow\n') + '---\n' + service();
    expect(applyManifests(cluster, changed, 'app.yaml').lines).toEqual(['configmap/settings configured', 'service/web unchanged']);
    expect(cluster.store.get<ConfigMap>('ConfigMap', 'default', 'settings')?.data).toEqual({ mode: 'slow' });
  });

  it('keeps the last applied configuration as kubectl writes it: sorted compact JSON and a newline', () => {
    const cluster = new Cluster();
    applyManifests(cluster, configMap('  mode: fast\n'), 'cm.yaml');
    const cm = cluster.store.get<ConfigMap>('ConfigMap', 'default', 'settings')!;
    expect(cm.metadata.annotations?.[lastAppliedAnnotation]).toBe(
      '{"apiVersion":"v1","data":{"mode":"fast"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}\n',
    );
  });

  it('three-way merge: keeps what the server filled in, removes what the manifest dropped', () => {
    const cluster = new Cluster();
    const labelled = service('\n    name: http').replace('name: web\n', 'name: web\n  labels:\n    tier: front\n');
    applyManifests(cluster, labelled, 'svc.yaml');
    const created = cluster.store.get<Service>('Service', 'default', 'web')!;
    const clusterIP = created.spec.clusterIP;
    expect(clusterIP).toMatch(/^10\.(9[6-9]|1[01]\d)\./);
    expect(created.metadata.labels).toEqual({ tier: 'front' });

    expect(applyManifests(cluster, service('\n    name: http'), 'svc.yaml').lines).toEqual(['service/web configured']);
    const updated = cluster.store.get<Service>('Service', 'default', 'web')!;
    expect(updated.spec.clusterIP).toBe(clusterIP);
    expect(updated.metadata.labels).toBeUndefined();
    expect(updated.metadata.uid).toBe(created.metadata.uid);
    expect(updated.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }]);
  });

  it('a field changed by someone else and not in the manifest survives; one in the manifest is set back', () => {
    const cluster = new Cluster();
    const deploy = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - {name: web, image: nginx}
`;
    applyManifests(cluster, deploy(''), 'd.yaml');
    cluster.store.mutate<Deployment>('Deployment', 'default', 'web', (d) => (d.spec.replicas = 5));
    expect(applyManifests(cluster, deploy(''), 'd.yaml').lines).toEqual(['deployment.apps/web unchanged']);
    expect(cluster.store.get<Deployment>('Deployment', 'default', 'web')!.spec.replicas).toBe(5);
    expect(applyManifests(cluster, deploy('\n  replicas: 2'), 'd.yaml').lines).toEqual(['deployment.apps/web configured']);
    expect(cluster.store.get<Deployment>('Deployment', 'default', 'web')!.spec.replicas).toBe(2);
  });

  it('warns when the live object was not created by apply, and adopts it', () => {
    const cluster = new Cluster();
    cluster.store.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { mode: 'fast' } });
    const result = applyManifests(cluster, configMap('  mode: fast\n'), 'cm.yaml');
    expect(result.lines).toEqual(['configmap/settings configured']);
    expect(result.warnings[0]).toMatch(/^Warning: resource configmaps\/settings is missing the kubectl.kubernetes.io\/last-applied-configuration annotation/);
  });

  it('delete -f removes each object and names the namespace, as kubectl ≥ 1.33 prints it', () => {
    const cluster = new Cluster();
    const text = configMap('  mode: fast\n') + '---\n' + service();
    applyManifests(cluster, text, 'app.yaml');
    expect(deleteManifests(cluster, text, 'app.yaml').lines).toEqual(['configmap "settings" deleted from default namespace', 'service "web" deleted from default namespace']);
    expect(deleteManifests(cluster, text, 'app.yaml').errors).toEqual([
      'Error from server (NotFound): error when deleting "app.yaml": configmaps "settings" not found',
      'Error from server (NotFound): error when deleting "app.yaml": services "web" not found',
    ]);
  });
});

describe('the API server: system namespaces and admission', () => {
  it('starts with the four system namespaces, each Active and labelled with its name', () => {
    const cluster = new Cluster();
    const namespaces = cluster.store.list<Namespace>('Namespace');
    expect(namespaces.map((n) => n.metadata.name).sort()).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    for (const ns of namespaces) {
      expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': ns.metadata.name });
      expect(ns.status?.phase).toBe('Active');
    }
  });

  it('labels an applied Namespace too, and keeps the label through a re-apply', () => {
    const cluster = new Cluster();
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    team: a\n';
    applyManifests(cluster, text, 'ns.yaml');
    expect(applyManifests(cluster, text, 'ns.yaml').lines).toEqual(['namespace/shop unchanged']);
    expect(cluster.store.get<Namespace>('Namespace', '', 'shop')?.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'shop' });
  });

  it('refuses, from any writer, an object in a namespace that does not exist', () => {
    const cluster = new Cluster();
    expect(() => cluster.store.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'nowhere' } })).toThrow('namespaces "nowhere" not found');
  });

  it('refuses an invalid write from any writer, with the API server\'s message', () => {
    const cluster = new Cluster();
    applyManifests(cluster, service(), 'svc.yaml');
    expect(() => cluster.store.mutate<Service>('Service', 'default', 'web', (s) => (s.spec.ports![0].port = 0))).toThrow(
      'Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    );
  });
});
