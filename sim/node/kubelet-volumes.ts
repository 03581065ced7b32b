import type { ConfigMap, Container, Pod, Secret } from '../api/types';
import { decodeBase64 } from '../api/base64';
import type { Store } from '../core/store';
import { resolvePath } from './programs/fs';

/**
 * Secret and ConfigMap volumes as the kubelet mounts them: each key a file under the mount path
 * (or only the `items` asked for, at their `path`), Secret values decoded; emptyDir an empty
 * directory; `subPath` mounts the one entry. Read at container start, as the files a real kubelet
 * has projected by then.
 *
 * Not modelled: the kubelet's atomic-writer layout (the hidden `..data` link and timestamped
 * directory), file modes, later updates of a mounted ConfigMap or Secret, and a missing object,
 * which in Kubernetes keeps the Pod in ContainerCreating with a FailedMount event: here its files
 * are simply absent.
 * Source: kubernetes/kubernetes pkg/volume/secret, pkg/volume/configmap, pkg/volume/util/atomic_writer.go.
 */
export function mountVolumes(fs: Map<string, string>, store: Store, pod: Pod, container: Container): void {
  const ns = pod.metadata.namespace ?? 'default';
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.spec.volumes?.find((v) => v.name === mount.name);
    if (!volume) continue;
    let files: Record<string, string> | undefined;
    let items = volume.configMap?.items ?? volume.secret?.items;
    if (volume.configMap) files = store.get<ConfigMap>('ConfigMap', ns, volume.configMap.name ?? '')?.data;
    else if (volume.secret) {
      const data = store.get<Secret>('Secret', ns, volume.secret.secretName ?? '')?.data;
      files = data && Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeBase64(v) ?? '']));
    } else if (volume.emptyDir) files = {};
    if (!files) continue;
    items ??= Object.keys(files).sort().map((key) => ({ key, path: key }));
    const projected = new Map(items.filter((i) => i.key in files!).map((i) => [resolvePath(`/${i.path}`), files![i.key]]));
    const root = resolvePath(mount.mountPath);
    if (mount.subPath) {
      const content = projected.get(resolvePath(`/${mount.subPath}`));
      if (content !== undefined) writeFile(fs, root, content);
      continue;
    }
    addDirectory(fs, root);
    for (const [rel, content] of projected) writeFile(fs, resolvePath(`${root}${rel}`), content);
  }
}

function writeFile(fs: Map<string, string>, path: string, content: string): void {
  addDirectory(fs, path.slice(0, path.lastIndexOf('/')) || '/');
  fs.set(path, content);
}

/** A directory and its parents, as keys ending in `/` (see programs/fs.ts). */
function addDirectory(fs: Map<string, string>, path: string): void {
  let dir = '';
  for (const part of path.split('/').filter(Boolean)) {
    dir += `/${part}`;
    fs.set(`${dir}/`, '');
  }
}
