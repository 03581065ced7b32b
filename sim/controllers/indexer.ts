import type { KubeObject } from '../api/types';
import { objectKey, type Store } from '../core/store';

/**
 * An index over one kind of the store, kept current by a watch: objects by the values an index
 * function gives them (their controller owner's uid, their node's name). It is client-go's
 * cache.Indexer; controllers use it to find "the Pods of this ReplicaSet" without listing all Pods.
 */
export class StoreIndex<T extends KubeObject> {
  private byValue = new Map<string, Map<string, T>>();
  private valuesOf = new Map<string, string[]>();

  constructor(
    store: Store,
    kind: string,
    private indexFn: (obj: T) => string[],
  ) {
    for (const obj of store.list<T>(kind)) this.put(obj);
    store.watch<T>(kind, (e) => (e.type === 'DELETED' ? this.drop(objectKey(e.object)) : this.put(e.object)));
  }

  /** Objects indexed under `value`, in the order they were first indexed there. */
  get(value: string): T[] {
    const bucket = this.byValue.get(value);
    return bucket ? [...bucket.values()] : [];
  }

  private put(obj: T): void {
    const key = objectKey(obj);
    const values = this.indexFn(obj);
    const previous = this.valuesOf.get(key) ?? [];
    // Most writes (a status, a Binding) leave the indexed values as they were: only the object changes.
    if (previous.length === 1 && values.length === 1 && previous[0] === values[0]) {
      this.byValue.get(values[0])!.set(key, obj);
      return;
    }
    for (const v of previous) if (!values.includes(v)) this.byValue.get(v)?.delete(key);
    for (const v of values) {
      let bucket = this.byValue.get(v);
      if (!bucket) this.byValue.set(v, (bucket = new Map()));
      bucket.set(key, obj);
    }
    this.valuesOf.set(key, values);
  }

  private drop(key: string): void {
    for (const v of this.valuesOf.get(key) ?? []) {
      const bucket = this.byValue.get(v);
      bucket?.delete(key);
      if (bucket?.size === 0) this.byValue.delete(v);
    }
    this.valuesOf.delete(key);
  }
}
