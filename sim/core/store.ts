import type { KubeObject } from './object';
import { kindInfo } from './kinds';
import { KindObjects } from './kind-objects';
import { ApiError } from './api-error';
import type { Clock } from './clock';
import type { Rng } from './rng';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: T;
  /** The object before a MODIFIED change. */
  old?: T;
}

/** An admission step: changes `obj` in place or throws; `old` is the stored object on update. */
export type Admission = (obj: KubeObject, old?: KubeObject) => void;

export type WatchHandler<T extends KubeObject = KubeObject> = (event: WatchEvent<T>) => void;

/** A kind's own handling of a delete request (the Namespace registry's): returns the object as left. */
export type DeleteStrategy = (obj: KubeObject, opts: { gracePeriodSeconds?: number }) => KubeObject;

/** `namespace/name`, or `name` for cluster-scoped objects: the key controllers queue. */
export function objectKey(obj: { metadata: { namespace?: string; name: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/**
 * The API server and its storage: every object of the cluster, versioned, watchable.
 *
 * Stored objects are frozen: read them freely, and change them only through `update` or `mutate`,
 * which bump `resourceVersion` and notify watchers. A write that changes nothing is not a write:
 * level-triggered controllers can write idempotently without waking each other up.
 */
export class Store {
  private objects = new Map<string, KindObjects>();
  private watchers = new Map<string, WatchHandler[]>();
  private anyWatchers: WatchHandler[] = [];
  private admissions = new Map<string, Admission[]>();
  private deleteStrategies = new Map<string, DeleteStrategy>();
  private revision = 0;

  constructor(
    private clock: Clock,
    private rng: Rng,
  ) {}

  get<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.bucket(kind).get(keyOf(kind, namespace, name)) as T | undefined;
  }

  /** Objects of a kind, in one namespace or all of them, in the order they were created. */
  list<T extends KubeObject>(kind: string, namespace?: string): T[] {
    return this.bucket(kind).list(namespace) as T[];
  }

  /** The latest resourceVersion handed out. */
  get resourceVersion(): number {
    return this.revision;
  }

  /** Creates an object; fills in uid, resourceVersion, creationTimestamp, generation and a generated name. */
  create<T extends KubeObject>(input: T): T {
    return this.insert(cloneJson(input));
  }

  /**
   * `create` for an object the caller hands over: a fresh one nobody else holds, which the store
   * then owns and freezes without copying it first (the event recorder's, thousands per rollout).
   */
  insert<T extends KubeObject>(obj: T): T {
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.rng.stream('names').suffix(5);
    if (!kindInfo(obj.kind)?.namespaced) delete meta.namespace;
    const bucket = this.bucket(obj.kind);
    const key = keyOf(obj.kind, meta.namespace ?? '', meta.name);
    if (bucket.has(key)) throw ApiError.alreadyExists(obj.kind, meta.name);
    meta.uid = this.uuid();
    meta.creationTimestamp = this.clock.timestamp();
    meta.resourceVersion = String(++this.revision);
    if ('spec' in obj) meta.generation = 1;
    this.admit(obj);
    deepFreeze(obj);
    bucket.set(key, obj);
    this.clock.spend(1);
    this.notify(obj.kind, { type: 'ADDED', object: obj });
    return obj;
  }

  /**
   * Replaces a stored object. Returns the stored object unchanged when `next` equals it.
   * A change of `spec` bumps metadata.generation, as the API server does.
   */
  update<T extends KubeObject>(next: T): T {
    const { metadata, ...rest } = next;
    // The metadata's own fields are set below, so it is always a copy; its frozen parts are shared.
    return this.commit({ ...cloneUnfrozen(rest), metadata: { ...cloneUnfrozen(metadata) } } as T);
  }

  /** Stores `obj`, which the store now owns (a fresh copy nobody else holds). */
  private commit<T extends KubeObject>(obj: T): T {
    const meta = obj.metadata;
    const bucket = this.bucket(obj.kind);
    const key = keyOf(obj.kind, meta.namespace ?? '', meta.name);
    const old = bucket.get(key) as T | undefined;
    if (!old) throw ApiError.notFound(obj.kind, meta.name);
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.resourceVersion = old.metadata.resourceVersion;
    meta.generation = old.metadata.generation;
    this.admit(obj, old);
    if (shareEqual(obj, old) === old) return old;
    // The parts left as they were are now the stored ones; the metadata is new, with a new resourceVersion.
    obj.metadata = meta;
    if ('spec' in obj && !deepEqual(obj.spec, old.spec)) meta.generation = (old.metadata.generation ?? 0) + 1;
    meta.resourceVersion = String(++this.revision);
    deepFreeze(obj);
    bucket.set(key, obj);
    this.clock.spend(1);
    this.notify(obj.kind, { type: 'MODIFIED', object: obj, old });
    if (meta.deletionTimestamp && !meta.finalizers?.length && old.metadata.finalizers?.length) {
      this.remove(obj.kind, meta.namespace ?? '', meta.name);
    }
    return obj;
  }

  /**
   * What `create` (or `update`, when the object exists) would store, without storing it: a request
   * with `dryRun: ["All"]`, which runs every admission step and then drops the result. The random
   * source is rewound, so a dry run changes nothing a later request sees.
   */
  dryRun<T extends KubeObject>(input: T): T {
    const obj = cloneJson(input) as T;
    const meta = obj.metadata;
    if (!kindInfo(obj.kind)?.namespaced) delete meta.namespace;
    const old = this.get(obj.kind, meta.namespace ?? '', meta.name);
    const saved = this.rng.save();
    try {
      if (old) {
        meta.uid = old.metadata.uid;
        meta.creationTimestamp = old.metadata.creationTimestamp;
        meta.resourceVersion = old.metadata.resourceVersion;
        meta.generation = old.metadata.generation;
      } else {
        meta.creationTimestamp = this.clock.timestamp();
        if ('spec' in obj) meta.generation = 1;
      }
      this.admit(obj, old);
      return obj;
    } finally {
      this.rng.restore(saved);
    }
  }

  /** Reads, changes a copy with `change`, writes back. Returns undefined when the object is gone. */
  mutate<T extends KubeObject>(kind: string, namespace: string, name: string, change: (draft: T) => void): T | undefined {
    const current = this.get<T>(kind, namespace, name);
    if (!current) return undefined;
    const draft = cloneJson(current) as T;
    change(draft);
    return this.commit(draft);
  }

  /**
   * Replaces an object's status, as a write to the status subresource does; returns undefined when
   * the object is gone. Cheaper than `mutate` for it: the rest of the object is not copied, nor is
   * `status`, which the store takes over: pass a value built for the write (the kubelet's, the
   * controllers' are), never one you change afterwards. Stores what `update({ ...current, status })`
   * would, metadata last as there.
   */
  updateStatus<T extends KubeObject>(kind: string, namespace: string, name: string, status: unknown): T | undefined {
    const current = this.get<T>(kind, namespace, name);
    if (!current) return undefined;
    const { metadata, ...rest } = current;
    return this.commit({ ...rest, status, metadata: { ...metadata } } as T);
  }

  /**
   * Asks for deletion. Objects with finalizers, and Pods bound to a node with a grace period, are
   * only marked (deletionTimestamp): the kubelet or the finalizer's owner removes them later.
   */
  delete(kind: string, namespace: string, name: string, opts: { gracePeriodSeconds?: number } = {}): KubeObject {
    const obj = this.get(kind, namespace, name);
    if (!obj) throw ApiError.notFound(kind, name);
    const strategy = this.deleteStrategies.get(kind);
    if (strategy) return strategy(obj, opts);
    if (obj.metadata.deletionTimestamp) return obj;
    const pod = kind === 'Pod' ? (obj as { spec?: { nodeName?: string; terminationGracePeriodSeconds?: number } }) : undefined;
    const grace = opts.gracePeriodSeconds ?? pod?.spec?.terminationGracePeriodSeconds ?? 30;
    const graceful = pod?.spec?.nodeName !== undefined && grace > 0;
    if (!graceful && !obj.metadata.finalizers?.length) return this.remove(kind, namespace, name)!;
    return this.mutate(kind, namespace, name, (d) => {
      d.metadata.deletionTimestamp = this.clock.timestamp(this.clock.now + grace * 1000);
      if (pod) d.metadata.deletionGracePeriodSeconds = grace;
    })!;
  }

  /** Removes an object from storage at once (the end of a graceful deletion). */
  remove(kind: string, namespace: string, name: string): KubeObject | undefined {
    const bucket = this.bucket(kind);
    const key = keyOf(kind, namespace, name);
    const obj = bucket.get(key);
    if (!obj) return undefined;
    bucket.delete(key);
    this.revision++;
    this.clock.spend(1);
    this.notify(kind, { type: 'DELETED', object: obj });
    return obj;
  }

  /**
   * Adds an admission step for a kind: it may fill in fields of the object about to be stored
   * (a Service's clusterIP) or throw an ApiError to refuse the write. Runs on create and update.
   */
  addAdmission(kind: string, step: Admission): void {
    this.admissions.set(kind, [...(this.admissions.get(kind) ?? []), step]);
  }

  /** Replaces `delete` for one kind: the registry decides what a delete request does to it. */
  setDeleteStrategy(kind: string, strategy: DeleteStrategy): void {
    this.deleteStrategies.set(kind, strategy);
  }

  private admit(obj: KubeObject, old?: KubeObject): void {
    for (const step of this.admissions.get(obj.kind) ?? []) step(obj, old);
  }

  /** Watches one kind. Handlers run synchronously after each write: they should only queue work. */
  watch<T extends KubeObject = KubeObject>(kind: string, handler: WatchHandler<T>): () => void {
    const list = this.watchers.get(kind) ?? [];
    list.push(handler as WatchHandler);
    this.watchers.set(kind, list);
    return () => list.splice(list.indexOf(handler as WatchHandler), 1);
  }

  /** Watches every kind (widgets re-render from this). */
  watchAll(handler: WatchHandler): () => void {
    this.anyWatchers.push(handler);
    return () => this.anyWatchers.splice(this.anyWatchers.indexOf(handler), 1);
  }

  private notify(kind: string, event: WatchEvent): void {
    for (const h of this.watchers.get(kind) ?? []) h(event);
    for (const h of this.anyWatchers) h(event);
  }

  private bucket(kind: string): KindObjects {
    let b = this.objects.get(kind);
    if (!b) this.objects.set(kind, (b = new KindObjects()));
    return b;
  }

  /** A version-4 UUID drawn from the cluster's random source. */
  private uuid(): string {
    // Four draws as 32 hex digits, the version nibble replaced by 4 and the variant's top bits set
    // to 10. Written as character codes and decoded into one flat string: built from pieces, each
    // of the thousands of uids the store keeps held a tree of some 25 partial strings (~500 bytes),
    // and String.fromCharCode.apply copied the 36 codes into an argument list first.
    const uids = this.rng.stream('uids');
    const [a, b, c, d] = [uids.uint32(), uids.uint32(), uids.uint32(), uids.uint32()];
    putHex(0, a, 8);
    putHex(9, b >>> 16, 4);
    putHex(14, (b & 0xfff) | 0x4000, 4);
    putHex(19, ((c >>> 16) & 0x3fff) | 0x8000, 4);
    putHex(24, c & 0xffff, 4);
    putHex(28, d, 8);
    return asciiDecoder.decode(uuidChars);
  }
}

const hexCodes = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
/** A UUID's characters, the dashes in place; `uuid` writes the digits. */
const uuidChars = new Uint8Array(36).fill('-'.charCodeAt(0));
const asciiDecoder = new TextDecoder();

/** Writes the low `digits` hex digits of `value` at `at` in uuidChars. */
function putHex(at: number, value: number, digits: number): void {
  for (let i = at + digits - 1; i >= at; i--) {
    uuidChars[i] = hexCodes[value & 15];
    value >>>= 4;
  }
}

function keyOf(_kind: string, namespace: string, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** A deep copy of JSON-like data (faster than structuredClone for the store's plain objects). */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneJson(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in value) out[k] = cloneJson((value as Record<string, unknown>)[k]);
  return out as T;
}

/**
 * A deep copy that shares frozen parts: they are stored values, which never change. A writer
 * that passes the stored `spec` back unchanged (`{ ...pod, status }`) costs no copy of it, and
 * the comparison with the stored version finds it identical at once.
 */
function cloneUnfrozen<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneUnfrozen(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in value) out[k] = cloneUnfrozen((value as Record<string, unknown>)[k]);
  return out as T;
}

/**
 * Compares `next` (a fresh copy the caller owns) with `prev` (a stored, frozen value) as
 * `deepEqual` does, and makes `next` share each part equal to `prev`'s: returns `prev` when
 * they are equal throughout, else `next`. A new version then holds only what changed, and
 * freezing it, or comparing it with the next version, skips the shared parts at once.
 */
function shareEqual(next: unknown, prev: unknown): unknown {
  if (next === prev) return prev;
  if (next === null || typeof next !== 'object' || prev === null || typeof prev !== 'object') return next;
  if (Object.isFrozen(next)) return deepEqual(next, prev) ? prev : next;
  // Arrays by index: for…in over an array enumerates its indices as strings, many times slower.
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = next.length === prev.length;
    for (let i = 0; i < next.length; i++) {
      const part = shareEqual(next[i], prev[i]);
      if (part !== prev[i]) same = false;
      else next[i] = part;
    }
    return same ? prev : next;
  }
  if (Array.isArray(prev)) return next;
  const x = next as Record<string, unknown>;
  const y = prev as Record<string, unknown>;
  let same = true;
  for (const k in x) {
    if (x[k] === undefined) continue;
    const part = shareEqual(x[k], y[k]);
    if (part !== y[k]) same = false;
    else x[k] = part;
  }
  if (same) for (const k in y) if (y[k] !== undefined && x[k] === undefined) return next;
  return same ? prev : next;
}

/** Structural equality of JSON-like data; a property set to undefined equals a missing one. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (x[k] !== undefined && !deepEqual(x[k], y[k])) return false;
  for (const k in y) if (y[k] !== undefined && x[k] === undefined) return false;
  return true;
}

/** Freezes a value and everything in it; a frozen part is a stored value, frozen through already. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  else for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  return value;
}
