import { describe, expect, it } from 'vitest';
import { Cluster } from '../../sim/cluster';
import type { ConfigMap } from '../../sim/api/types';

const cm = (name: string, data: Record<string, string>): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data,
});

describe('API store', () => {
  it('versions every write and skips writes that change nothing', () => {
    const { store } = new Cluster();
    const created = store.create(cm('a', { k: 'v' }));
    const first = Number(created.metadata.resourceVersion);
    expect(first).toBe(store.resourceVersion);
    expect(store.update({ ...created, data: { k: 'v' } })).toBe(created);
    const changed = store.mutate<ConfigMap>('ConfigMap', 'default', 'a', (d) => (d.data = { k: 'w' }));
    expect(changed?.metadata.resourceVersion).toBe(String(first + 1));
  });

  it('refuses a second object with the same name, as the API server does', () => {
    const { store } = new Cluster();
    store.create(cm('a', {}));
    expect(() => store.create(cm('a', {}))).toThrow('configmaps "a" already exists');
  });

  it('tells watchers of additions, changes and deletions in order', () => {
    const { store } = new Cluster();
    const seen: string[] = [];
    store.watch('ConfigMap', (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
    store.create(cm('a', {}));
    store.mutate<ConfigMap>('ConfigMap', 'default', 'a', (d) => (d.data = { x: '1' }));
    store.delete('ConfigMap', 'default', 'a');
    expect(seen).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });

  it('hands out frozen objects, so nobody changes state behind the store', () => {
    const { store } = new Cluster();
    const a = store.create(cm('a', { k: 'v' }));
    expect(() => {
      (a.data as Record<string, string>).k = 'w';
    }).toThrow();
  });
});

describe('controller work queue', () => {
  it('logs a failed reconcile and retries it with back-off instead of stopping the cluster', async () => {
    const { Controller } = await import('../../sim/core/controller');
    const cluster = new Cluster();
    const attempts: number[] = [];
    class Flaky extends Controller {
      readonly name = 'flaky-controller';
      protected reconcile(): void {
        attempts.push(cluster.clock.now);
        if (attempts.length < 3) throw new Error('the server refused the write');
      }
    }
    new Flaky(cluster).enqueue('default/x');
    cluster.advance(1000);
    expect(attempts.length).toBe(3);
    expect(attempts[2] - attempts[1]).toBe(2 * (attempts[1] - attempts[0]));
    expect(cluster.logs.filter((l) => l.component === 'flaky-controller')).toHaveLength(2);
  });
});
