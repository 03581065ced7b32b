import type { KubeObject } from './object';

/**
 * The stored objects of one kind, by key (`namespace/name`, or `name`) and by namespace, each in
 * the order the objects were created: listing one namespace reads it alone instead of filtering
 * the whole kind (the endpoint controllers list a namespace's Services on every Pod write).
 */
export class KindObjects {
  private all = new Map<string, KubeObject>();
  private byNamespace = new Map<string, Map<string, KubeObject>>();

  get(key: string): KubeObject | undefined {
    return this.all.get(key);
  }

  has(key: string): boolean {
    return this.all.has(key);
  }

  /** Stores an object: a new key goes last; a stored one keeps its place. */
  set(key: string, obj: KubeObject): void {
    this.all.set(key, obj);
    const ns = obj.metadata.namespace ?? '';
    let inNamespace = this.byNamespace.get(ns);
    if (!inNamespace) this.byNamespace.set(ns, (inNamespace = new Map()));
    inNamespace.set(key, obj);
  }

  delete(key: string): void {
    const obj = this.all.get(key);
    if (!obj) return;
    this.all.delete(key);
    this.byNamespace.get(obj.metadata.namespace ?? '')?.delete(key);
  }

  list(namespace?: string): KubeObject[] {
    const objects = namespace === undefined ? this.all : this.byNamespace.get(namespace);
    return objects ? [...objects.values()] : [];
  }
}
