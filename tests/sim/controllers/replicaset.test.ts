import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from '../../../sim/api/types';
import { activePods, apply, events, isReady, logLines, pods, seconds, startCluster } from './helpers';

const rsYaml = (replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

const rs = (cluster: ReturnType<typeof startCluster>) => cluster.store.get<ReplicaSet>('ReplicaSet', 'default', 'web')!;

describe('ReplicaSet controller', () => {
  it('creates the missing Pods from the template, named <rs>-<5 chars>, owned by the ReplicaSet', () => {
    const cluster = startCluster();
    apply(cluster, rsYaml(3));
    seconds(cluster, 5);
    const owned = pods(cluster, 'web');
    expect(owned).toHaveLength(3);
    for (const pod of owned) {
      expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.labels).toEqual({ app: 'web', tier: 'front' });
      expect(pod.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs(cluster).metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    expect(logLines(cluster, 'replicaset-controller').filter((l) => l.startsWith('default/web:'))).toEqual([
      'default/web: desired 3, current 0 → create 3',
      'default/web: desired 3, current 3 → in sync',
    ]);
    expect(events(cluster, 'web')).toEqual(owned.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`));
  });

  it('reports what it sees in status once the Pods run', () => {
    const cluster = startCluster();
    apply(cluster, rsYaml(3));
    expect(rs(cluster).status?.replicas ?? 0).toBe(0);
    seconds(cluster, 5);
    expect(pods(cluster, 'web').every(isReady)).toBe(true);
    expect(rs(cluster).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('replaces a deleted Pod at once, while the old one is still Terminating', () => {
    const cluster = startCluster();
    apply(cluster, rsYaml(2));
    seconds(cluster, 5);
    const [victim] = pods(cluster, 'web');
    cluster.store.delete('Pod', 'default', victim.metadata.name);
    cluster.settle();
    expect(cluster.store.get<Pod>('Pod', 'default', victim.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
    expect(activePods(cluster, 'web')).toHaveLength(2);
    expect(logLines(cluster, 'replicaset-controller')).toContain('default/web: desired 2, current 1 → create 1');
  });

  it('scales down the least useful Pods first: an unscheduled one before running ones', () => {
    const cluster = startCluster();
    apply(cluster, rsYaml(3));
    seconds(cluster, 5);
    // A fourth Pod with a nodeSelector nothing matches: it stays Pending, unscheduled.
    cluster.store.mutate<ReplicaSet>('ReplicaSet', 'default', 'web', (d) => {
      d.spec.replicas = 4;
      d.spec.template.spec.nodeSelector = { disktype: 'none' };
    });
    cluster.settle();
    const pending = pods(cluster, 'web').find((p) => !p.spec.nodeName)!;
    expect(pending).toBeDefined();
    cluster.store.mutate<ReplicaSet>('ReplicaSet', 'default', 'web', (d) => (d.spec.replicas = 3));
    cluster.settle();
    expect(cluster.store.get('Pod', 'default', pending.metadata.name)).toBeUndefined();
    expect(events(cluster, 'web')).toContain(`SuccessfulDelete: Deleted pod: ${pending.metadata.name}`);
    expect(activePods(cluster, 'web').every((p) => p.status?.phase === 'Running')).toBe(true);
  });

  it('releases a Pod whose labels stop matching, and makes a new one in its place', () => {
    const cluster = startCluster();
    apply(cluster, rsYaml(2));
    seconds(cluster, 5);
    const [pod] = pods(cluster, 'web');
    cluster.store.mutate<Pod>('Pod', 'default', pod.metadata.name, (d) => (d.metadata.labels = { app: 'debug' }));
    cluster.settle();
    expect(cluster.store.get<Pod>('Pod', 'default', pod.metadata.name)?.metadata.ownerReferences ?? []).toEqual([]);
    expect(activePods(cluster, 'web')).toHaveLength(2);
  });

  it('adopts an orphan Pod its selector matches instead of creating one', () => {
    const cluster = startCluster();
    apply(cluster, `apiVersion: v1
kind: Pod
metadata:
  name: stray
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
`);
    apply(cluster, rsYaml(2));
    cluster.settle();
    expect(cluster.store.get<Pod>('Pod', 'default', 'stray')?.metadata.ownerReferences?.[0]?.name).toBe('web');
    expect(pods(cluster, 'web')).toHaveLength(2);
  });
});
