import type { ComponentContext } from '../core/component';
import type { KubeObject } from '../api/types';
import { kinds } from '../core/kinds';
import { Controller } from '../core/controller';
import type { WatchEvent } from '../core/store';

/**
 * The garbage collector: deletes an object once every owner in its ownerReferences is gone
 * (background propagation: the owner goes first, its dependents after). An object that still has
 * a live owner only loses the references to the owners that are gone.
 * Modelled on kubernetes/kubernetes pkg/controller/garbagecollector (the dependency graph built
 * from watches in graph_builder.go; attemptToDeleteItem in garbagecollector.go). Owners are found
 * by uid, as upstream does.
 *
 * Its keys are `Kind/namespace/name`, since it watches every kind.
 */
export class GarbageCollector extends Controller {
  readonly name = 'garbage-collector-controller';
  /** Every live object's key, by uid: the graph's nodes. */
  private byUid = new Map<string, string>();
  /** Keys of the objects that name each uid as an owner: the graph's edges. */
  private dependents = new Map<string, Set<string>>();

  constructor(cluster: ComponentContext) {
    super(cluster);
    for (const { kind } of kinds) for (const obj of cluster.store.list(kind)) this.observe({ type: 'ADDED', object: obj });
    cluster.store.watchAll((e) => this.observe(e));
  }

  private observe(e: WatchEvent): void {
    const obj = e.object;
    if (obj.kind === 'Event') return;
    if (e.type === 'MODIFIED' && sameOwners(e.old, obj)) return;
    const key = graphKey(obj);
    const uid = obj.metadata.uid!;
    for (const ref of e.old?.metadata.ownerReferences ?? []) this.dependents.get(ref.uid)?.delete(key);
    if (e.type === 'DELETED') {
      this.byUid.delete(uid);
      for (const ref of obj.metadata.ownerReferences ?? []) this.dependents.get(ref.uid)?.delete(key);
      for (const dependent of this.dependents.get(uid) ?? []) this.enqueue(dependent);
      this.dependents.delete(uid);
      return;
    }
    this.byUid.set(uid, key);
    const refs = obj.metadata.ownerReferences ?? [];
    for (const ref of refs) {
      let set = this.dependents.get(ref.uid);
      if (!set) this.dependents.set(ref.uid, (set = new Set()));
      set.add(key);
    }
    // A new object, or new references, may name an owner that is already gone.
    const oldUids = (e.old?.metadata.ownerReferences ?? []).map((r) => r.uid).join();
    if (refs.length && refs.map((r) => r.uid).join() !== oldUids) this.enqueue(key);
  }

  protected reconcile(key: string): void {
    const [kind, namespace, name] = key.split('/');
    const store = this.cluster.store;
    const obj = store.get(kind, namespace, name);
    if (!obj || obj.metadata.deletionTimestamp) return;
    const refs = obj.metadata.ownerReferences ?? [];
    const gone = refs.filter((r) => !this.byUid.has(r.uid));
    if (!gone.length) return;
    const owners = gone.map((r) => `${r.kind} ${r.name}`).join(', ');
    if (gone.length === refs.length) {
      this.log(key, `owner ${owners} is gone → delete ${kind} ${name}`);
      store.delete(kind, namespace, name);
      return;
    }
    this.log(key, `owner ${owners} is gone, another owner remains → drop the reference`);
    store.mutate(kind, namespace, name, (d) => {
      d.metadata.ownerReferences = refs.filter((r) => this.byUid.has(r.uid));
    });
  }
}

/** `Kind/namespace/name` (namespace empty for cluster-scoped kinds). */
function graphKey(obj: KubeObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function sameOwners(a: KubeObject | undefined, b: KubeObject): boolean {
  const x = a?.metadata.ownerReferences ?? [];
  const y = b.metadata.ownerReferences ?? [];
  return x.length === y.length && x.every((r, i) => r.uid === y[i].uid);
}
