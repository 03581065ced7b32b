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

  /** Mounts `volume` at the folder `path` (absolute, no trailing slash). */
  mount(path: string, volume: Map<string, string>): void {
    const root = `${path}/`;
    this.mounts.push({ root, volume });
    // The deepest mount wins where mounts nest.
    this.mounts.sort((a, b) => b.root.length - a.root.length);
    // Whatever the image had there is hidden by the mount.
    for (const key of [...super.keys()]) if (key.startsWith(root) && key !== root) super.delete(key);
  }

  /** The volume holding `key` and the key within it; none for the container's own files and the mount folders themselves. */
  private route(key: string): { volume: Map<string, string>; rel: string } | undefined {
    const m = this.mounts.find((m) => key.startsWith(m.root) && key !== m.root);
    return m && { volume: m.volume, rel: key.slice(m.root.length - 1) };
  }

  override get(key: string): string | undefined {
    const r = this.route(key);
    return r ? r.volume.get(r.rel) : super.get(key);
  }

  override has(key: string): boolean {
    const r = this.route(key);
    return r ? r.volume.has(r.rel) : super.has(key);
  }

  override set(key: string, value: string): this {
    const r = this.route(key);
    if (r) r.volume.set(r.rel, value);
    else super.set(key, value);
    return this;
  }

  override delete(key: string): boolean {
    const r = this.route(key);
    return r ? r.volume.delete(r.rel) : super.delete(key);
  }

  override get size(): number {
    return [...this.keys()].length;
  }

  override *entries(): MapIterator<[string, string]> {
    yield* super.entries();
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
