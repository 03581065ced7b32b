import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import { applyManifests } from '../../../sim/api/apply';
import type { Namespace, Pod } from '../../../sim/api/types';

const team = `apiVersion: v1
kind: Namespace
metadata:
  name: team
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: team
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: team
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

const lateConfigMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: late\n  namespace: team\ndata: {a: b}\n';

function setUp(): { cluster: Cluster; sh: Console } {
  const cluster = new Cluster();
  const sh = new Console(cluster, { readFile: (p) => ({ 'team.yaml': team, 'late.yaml': lateConfigMap })[p] });
  expect(sh.run('kubectl apply -f team.yaml').exitCode).toBe(0);
  expect(sh.run('kubectl rollout status deployment/web -n team').exitCode).toBe(0);
  return { cluster, sh };
}

const namespace = (cluster: Cluster) => cluster.store.get<Namespace>('Namespace', '', 'team');

describe('deleting a Namespace', () => {
  it('turns it Terminating, with the kubernetes finalizer, while its Pods terminate gracefully', () => {
    const { cluster, sh } = setUp();
    expect(namespace(cluster)!.spec!.finalizers).toEqual(['kubernetes']);
    expect(sh.run('kubectl delete namespace team --wait=false').stdout).toBe('namespace "team" deleted\n');
    const ns = namespace(cluster)!;
    expect(ns.status!.phase).toBe('Terminating');
    expect(ns.metadata.deletionTimestamp).toBeDefined();
    expect(sh.run('kubectl get ns team').stdout).toMatch(/^NAME +STATUS +AGE\nteam +Terminating +\d+s\n$/);
    // Everything but the terminating Pods is gone at once; the Pods carry a deletionTimestamp.
    expect(cluster.store.list('Deployment', 'team')).toEqual([]);
    expect(cluster.store.list('Service', 'team')).toEqual([]);
    const pods = cluster.store.list<Pod>('Pod', 'team');
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.deletionTimestamp).toBeDefined();
    const remaining = namespace(cluster)!.status!.conditions!.find((c) => c.type === 'NamespaceContentRemaining')!;
    expect(remaining).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 2 resource instances' });
  });

  it('refuses new content with the API server\'s words, and a second delete with a Conflict', () => {
    const { cluster, sh } = setUp();
    sh.run('kubectl delete namespace team --wait=false');
    const before = cluster.store.resourceVersion;
    expect(applyManifests(cluster, lateConfigMap, 'late.yaml').errors).toEqual([
      'Error from server (Forbidden): error when creating "late.yaml": configmaps "late" is forbidden: unable to create new content in namespace team because it is being terminated (late.yaml:5:14, document 1, field metadata.namespace)',
    ]);
    expect(cluster.store.resourceVersion).toBe(before);
    expect(() => cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '', generateName: 'cfg-', namespace: 'team' } })).toThrow(
      'configmaps "cfg-" is forbidden: unable to create new content in namespace team because it is being terminated',
    );
    expect(sh.run('kubectl delete namespace team').stderr).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on namespaces "team": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.\n',
    );
  });

  it('removes the Namespace once its Pods are gone, and kubectl delete waits for that', () => {
    const { cluster, sh } = setUp();
    const start = cluster.clock.now;
    expect(sh.run('kubectl delete namespace team')).toMatchObject({ stdout: 'namespace "team" deleted\n', exitCode: 0 });
    expect(namespace(cluster)).toBeUndefined();
    expect(cluster.store.list('Pod', 'team')).toEqual([]);
    // The controller looks again after estimate/2 + 1 = 16 s (grace period 30 s).
    expect(cluster.clock.now - start).toBe(16_000);
    expect(sh.run('kubectl get ns').stdout).not.toContain('team');
  });

  it('never deletes the immortal namespaces', () => {
    const cluster = new Cluster();
    const sh = new Console(cluster);
    expect(sh.run('kubectl delete namespace default').stderr).toBe('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n');
    expect(cluster.store.get<Namespace>('Namespace', '', 'default')!.status!.phase).toBe('Active');
  });
});
