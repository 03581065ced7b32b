import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../../sim/api/types';
import { apply, deploymentYaml, logLines, pods, replicaSets, seconds, startCluster } from './helpers';

describe('garbage collector', () => {
  it('deletes a Deployment’s ReplicaSets and then their Pods (background propagation)', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 3));
    seconds(cluster, 5);
    const rs = replicaSets(cluster, 'web')[0].metadata.name;
    cluster.store.delete('Deployment', 'default', 'web');
    cluster.settle();
    expect(replicaSets(cluster, 'web')).toEqual([]);
    expect(pods(cluster, 'web').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(logLines(cluster, 'garbage-collector-controller')).toContain(`ReplicaSet/default/${rs}: owner Deployment web is gone → delete ReplicaSet ${rs}`);
    seconds(cluster, 35);
    expect(pods(cluster, 'web')).toEqual([]);
  });

  it('deletes an object created with an owner that no longer exists', () => {
    const cluster = startCluster();
    cluster.store.create<ConfigMap>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'leftover', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gone', uid: 'no-such-uid', controller: true }] },
      data: {},
    });
    cluster.settle();
    expect(cluster.store.get('ConfigMap', 'default', 'leftover')).toBeUndefined();
  });

  it('keeps an object that still has a live owner, dropping only the dead reference', () => {
    const cluster = startCluster();
    const live = cluster.store.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' }, data: {} });
    cluster.store.create<ConfigMap>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'shared',
        namespace: 'default',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: live.metadata.uid! },
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'gone', uid: 'no-such-uid' },
        ],
      },
      data: {},
    });
    cluster.settle();
    expect(cluster.store.get<ConfigMap>('ConfigMap', 'default', 'shared')?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['owner']);
  });
});
