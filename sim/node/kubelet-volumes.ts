import type { ConfigMap, Container, KeyToPath, Pod, Secret, VolumeMount, VolumeProjection } from '../api/types';
import { podFieldValue } from '../api/pod-fields';
import { serviceAccountToken } from './service-account-token';
import { decodeBase64 } from '../api/base64';
import type { Store } from '../core/store';
import { resolvePath } from './programs/fs';
import type { MountedFs } from './mounted-fs';

/**
 * Secret and ConfigMap volumes as the kubelet mounts them: each key a file under the mount path
 * (or only the `items` asked for, at their `path`), Secret values decoded; emptyDir a directory
 * the Pod's containers share, empty when the Pod starts; `subPath` mounts the one entry. The
 * objects are read at container start (resolveVolumes), as the files a real kubelet has projected
 * by then; mountVolumes writes them into the container's files.
 *
 * Not modelled: the kubelet's atomic-writer layout (the hidden `..data` link and timestamped
 * directory), file modes, later updates of a mounted ConfigMap or Secret, and a missing object,
 * which in Kubernetes keeps the Pod in ContainerCreating with a FailedMount event: here its files
 * are simply absent.
 * Source: kubernetes/kubernetes pkg/volume/secret, pkg/volume/configmap, pkg/volume/util/atomic_writer.go.
 */
export function resolveVolumes(store: Store, pod: Pod, container: Container, nowSeconds = 0): ResolvedMount[] {
  const ns = pod.metadata.namespace ?? 'default';
  const mounts: ResolvedMount[] = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.spec.volumes?.find((v) => v.name === mount.name);
    if (!volume) continue;
    if (volume.emptyDir && !mount.subPath) {
      mounts.push({ mount, emptyDir: volume.name });
      continue;
    }
    let files: Record<string, FileContent> | undefined;
    if (volume.configMap) files = store.get<ConfigMap>('ConfigMap', ns, volume.configMap.name ?? '')?.data;
    else if (volume.secret) files = decoded(store.get<Secret>('Secret', ns, volume.secret.secretName ?? '')?.data);
    else if (volume.emptyDir) files = {};
    else if (volume.projected) files = projectedFiles(store, pod, volume.projected.sources ?? [], nowSeconds);
    if (files) mounts.push({ mount, files: selectedKeys(files, volume.configMap?.items ?? volume.secret?.items) });
  }
  return mounts;
}

/** A volume mount as the kubelet resolved it: the Pod's emptyDir of that name, or the files (path, content) it shows. */
export type ResolvedMount = { mount: VolumeMount; emptyDir: string; files?: undefined } | { mount: VolumeMount; emptyDir?: undefined; files: [string, FileContent][] };

/** Writes the resolved mounts into a container's files; `emptyDirs` holds the Pod's emptyDir volumes by name. */
export function mountVolumes(fs: MountedFs, mounts: ResolvedMount[], emptyDirs: Map<string, Map<string, string>>): void {
  for (const { mount, emptyDir, files } of mounts) {
    const root = resolvePath(mount.mountPath);
    // An emptyDir is the Pod's: every container that mounts it sees the same files (mounted-fs.ts).
    if (emptyDir !== undefined) {
      addDirectory(fs, root);
      let shared = emptyDirs.get(emptyDir);
      if (!shared) emptyDirs.set(emptyDir, (shared = new Map()));
      fs.mount(root === '/' ? '' : root, shared);
      continue;
    }
    const projected = new Map(files.map(([path, content]) => [resolvePath(`/${path}`), content]));
    if (mount.subPath) {
      const content = projected.get(resolvePath(`/${mount.subPath}`));
      if (content !== undefined) writeFile(fs, root, content);
      continue;
    }
    addDirectory(fs, root);
    for (const [rel, content] of projected) writeFile(fs, resolvePath(`${root}${rel}`), content);
  }
}

/**
 * A projected volume's files, each source's at the paths it names: a service account token, keys of
 * a ConfigMap or Secret, downward API fields (the ServiceAccount admission plugin's kube-api-access
 * volume gives `token`, `ca.crt` and `namespace`).
 */
function projectedFiles(store: Store, pod: Pod, sources: VolumeProjection[], nowSeconds: number): Record<string, FileContent> {
  const ns = pod.metadata.namespace ?? 'default';
  const files: Record<string, FileContent> = {};
  for (const source of sources) {
    // Made when a program reads it: the token depends only on the (frozen) Pod and the issue time,
    // and few containers ever read theirs, while building one is the costliest part of a start.
    const token = source.serviceAccountToken;
    if (token) files[token.path] = () => serviceAccountToken(pod, nowSeconds, token.expirationSeconds ?? 3600);
    const keyed = source.configMap
      ? store.get<ConfigMap>('ConfigMap', ns, source.configMap.name ?? '')?.data
      : source.secret && decoded(store.get<Secret>('Secret', ns, source.secret.name ?? '')?.data);
    if (keyed) for (const [path, content] of selectedKeys(keyed, source.configMap?.items ?? source.secret?.items)) files[path] = content;
    for (const item of source.downwardAPI?.items ?? []) if (item.fieldRef) files[item.path] = podFieldValue(pod, item.fieldRef.fieldPath);
  }
  return files;
}

/** What a keyed source (ConfigMap, Secret) gives: the `items` asked for at their paths, else every key, sorted, at its own name. */
function selectedKeys<T>(data: Record<string, T>, items: KeyToPath[] | undefined): [string, T][] {
  return (items ?? Object.keys(data).sort().map((key) => ({ key, path: key }))).filter((i) => i.key in data).map((i) => [i.path, data[i.key]]);
}

function decoded(data: Record<string, string> | undefined): Record<string, string> | undefined {
  return data && Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeBase64(v) ?? '']));
}

/** A file's content, or how to make it when it is first read (MountedFs.setLazy). */
type FileContent = string | (() => string);

function writeFile(fs: MountedFs, path: string, content: FileContent): void {
  addDirectory(fs, path.slice(0, path.lastIndexOf('/')) || '/');
  if (typeof content === 'string') fs.set(path, content);
  else fs.setLazy(path, content);
}

/** A directory and its parents, as keys ending in `/` (see programs/fs.ts). */
function addDirectory(fs: Map<string, string>, path: string): void {
  let dir = '';
  for (const part of path.split('/').filter(Boolean)) {
    dir += `/${part}`;
    fs.set(`${dir}/`, '');
  }
}
