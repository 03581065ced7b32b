import type { KubeObject } from '../api/types';
import type { Store } from '../core/store';

/**
 * An index over one kind of the store, kept current by a watch: objects by the value an index
 * function gives them (their controller owner's uid, their node's name), or none. It is
 * client-go's cache.Indexer with one value per object; controllers use it to find "the Pods of
 * this ReplicaSet" without listing all Pods.
 */
export class StoreIndex<T extends KubeObject> {
  /** Objects by index value, each by uid (stable for the object's life, and no string to build). */
  private byValue = new Map<string, Map<string, T>>();
  private valueOf = new Map<string, string>();

  constructor(
    store: Store,
    kind: string,
    private indexFn: (obj: T) => string | undefined,
  ) {
    for (const obj of store.list<T>(kind)) this.put(obj);
    store.watch<T>(kind, (e) => (e.type === 'DELETED' ? this.drop(e.object.metadata.uid!) : this.put(e.object)));
  }

  /** Objects indexed under `value`, in the order they were first indexed there. */
  get(value: string): T[] {
    const bucket = this.byValue.get(value);
    return bucket ? [...bucket.values()] : [];
  }

  private put(obj: T): void {
    const uid = obj.metadata.uid!;
    const value = this.indexFn(obj);
    const previous = this.valueOf.get(uid);
    // Most writes (a status, a Binding) leave the indexed value as it was: only the object changes.
    if (previous !== undefined && previous === value) {
      this.byValue.get(value)!.set(uid, obj);
      return;
    }
    if (previous !== undefined) this.drop(uid);
    if (value === undefined) return;
    let bucket = this.byValue.get(value);
    if (!bucket) this.byValue.set(value, (bucket = new Map()));
    bucket.set(uid, obj);
    this.valueOf.set(uid, value);
  }

  private drop(uid: string): void {
    const value = this.valueOf.get(uid);
    if (value === undefined) return;
    const bucket = this.byValue.get(value)!;
    bucket.delete(uid);
    if (bucket.size === 0) this.byValue.delete(value);
    this.valueOf.delete(uid);
  }
}
