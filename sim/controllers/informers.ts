import type { ComponentContext } from '../core/component';
import type { KubeObject, Pod, ReplicaSet } from '../api/types';
import { StoreIndex } from './indexer';
import { controllerOf } from './owner-references';

/**
 * Indexes shared by the controllers of one cluster, like client-go's shared informer factory: each
 * index is built once, on first use, and kept by one watch.
 */
const shared = new WeakMap<ComponentContext, Map<string, StoreIndex<KubeObject>>>();

function sharedIndex<T extends KubeObject>(cluster: ComponentContext, kind: string, name: string, fn: (obj: T) => string | undefined): StoreIndex<T> {
  let indexes = shared.get(cluster);
  if (!indexes) shared.set(cluster, (indexes = new Map()));
  const id = `${kind}/${name}`;
  let index = indexes.get(id);
  if (!index) indexes.set(id, (index = new StoreIndex<T>(cluster.store, kind, fn) as unknown as StoreIndex<KubeObject>));
  return index as unknown as StoreIndex<T>;
}

/**
 * Index value for objects without a controller owner: the orphans a controller may adopt.
 * Upstream indexes by controller UID the same way (replica_set.go, controllerUIDIndex).
 */
export const orphan = '';

function byController(obj: KubeObject): string {
  return controllerOf(obj)?.uid ?? orphan;
}

/** Pods by their controller's uid (orphans under `orphan`). */
export function podsByController(cluster: ComponentContext): StoreIndex<Pod> {
  return sharedIndex<Pod>(cluster, 'Pod', 'controller', byController);
}

/** ReplicaSets by their controller's uid (orphans under `orphan`). */
export function replicaSetsByController(cluster: ComponentContext): StoreIndex<ReplicaSet> {
  return sharedIndex<ReplicaSet>(cluster, 'ReplicaSet', 'controller', byController);
}

/** Pods by the node they are bound to (the scheduler cache's NodeInfo). Unbound Pods are not indexed. */
export function podsByNode(cluster: ComponentContext): StoreIndex<Pod> {
  return sharedIndex<Pod>(cluster, 'Pod', 'node', (p) => p.spec.nodeName);
}
