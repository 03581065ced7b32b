/**
 * A container's files with a Pod's emptyDir volumes mounted in them. Paths under a mount's folder
 * live in the volume (one map per volume and Pod, shared by every container that mounts it and
 * kept while the Pod lives, across container restarts); the rest in the container's own files,
 * which a restarted container gets afresh. It is the same path → content Map the programs use
 * (programs/fs.ts: folders are the keys that end in `/`), so they need not know about mounts.
 * Source: kubernetes/kubernetes pkg/volume/emptydir (the volume's lifetime is the Pod's).
 */
export class MountedFs extends Map<string, string> {
  /** Mount folders (`/pod-data/`) and their volumes, whose keys are relative (`/index.html`). */
  private readonly mounts: { root: string; volume: Map<string, string> }[] = [];
  /**
   * The container's own files whose content is made when first read (setLazy), by key; the map
   * holds an empty placeholder for each, so keys, order and size are as if it were written.
   */
  private readonly pending = new Map<string, () => string>();

  /**
   * `fill` writes the container's files when something first looks at them. Most containers'
   * files are never read (a server that reads no file, no `kubectl exec`), and writing them was
   * a large part of starting a container: `fill` must write what it would have written at once
   * (the kubelet reads the ConfigMaps, Secrets and environment at start and hands them over).
   */
  constructor(private fill?: (fs: MountedFs) => void) {
    super();
  }

  /** Runs `fill`, once, before the first read or write. */
  private filled(): this {
    const fill = this.fill;
    if (fill) {
      this.fill = undefined;
      fill(this);
    }
    return this;
  }

  /**
   * Sets `key` to what `make` returns, made only if something reads the file. For files that are
   * costly to build and seldom read, like the service account token the kubelet writes into every
   * container (kubelet-volumes.ts): `make` must give the same content whenever it is called.
   */
  setLazy(key: string, make: () => string): void {
    this.filled();
    if (this.route(key)) {
      this.set(key, make());
      return;
    }
    super.set(key, '');
    this.pending.set(key, make);
  }

  /** The content of the container's own file `key`, made now if it was set lazily. */
  private own(key: string): string | undefined {
    const make = this.pending.get(key);
    if (!make) return super.get(key);
    this.pending.delete(key);
    const content = make();
    super.set(key, content);
    return content;
  }

  /** Mounts `volume` at the folder `path` (absolute, no trailing slash). */
  mount(path: string, volume: Map<string, string>): void {
    this.filled();
    const root = `${path}/`;
    this.mounts.push({ root, volume });
    // The deepest mount wins where mounts nest.
    this.mounts.sort((a, b) => b.root.length - a.root.length);
    // Whatever the image had there is hidden by the mount.
    for (const key of [...super.keys()]) if (key.startsWith(root) && key !== root) this.deleteOwn(key);
  }

  /** The volume holding `key` and the key within it; none for the container's own files and the mount folders themselves. */
  private route(key: string): { volume: Map<string, string>; rel: string } | undefined {
    const m = this.mounts.find((m) => key.startsWith(m.root) && key !== m.root);
    return m && { volume: m.volume, rel: key.slice(m.root.length - 1) };
  }

  override get(key: string): string | undefined {
    const r = this.filled().route(key);
    return r ? r.volume.get(r.rel) : this.own(key);
  }

  override has(key: string): boolean {
    const r = this.filled().route(key);
    return r ? r.volume.has(r.rel) : super.has(key);
  }

  override set(key: string, value: string): this {
    const r = this.filled().route(key);
    if (r) r.volume.set(r.rel, value);
    else {
      this.pending.delete(key);
      super.set(key, value);
    }
    return this;
  }

  override delete(key: string): boolean {
    const r = this.filled().route(key);
    return r ? r.volume.delete(r.rel) : this.deleteOwn(key);
  }

  private deleteOwn(key: string): boolean {
    this.pending.delete(key);
    return super.delete(key);
  }

  override get size(): number {
    return [...this.keys()].length;
  }

  override clear(): void {
    this.filled();
    this.pending.clear();
    super.clear();
  }

  override *entries(): MapIterator<[string, string]> {
    this.filled();
    for (const [key, value] of super.entries()) yield [key, this.pending.has(key) ? (this.own(key) as string) : value];
    for (const { root, volume } of this.mounts) for (const [rel, value] of volume) yield [root.slice(0, -1) + rel, value];
  }

  override *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  override *values(): MapIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  override [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  override forEach(callback: (value: string, key: string, map: Map<string, string>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
