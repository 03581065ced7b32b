import type { Pod } from './types';

/**
 * The value of a Pod field an environment variable may read through the downward API
 * (fieldpath.ExtractFieldPathAsString for a Pod): one label or annotation by subscript, the name,
 * namespace, uid, node and service account, and the host's and Pod's IPs. The kubelet reads the
 * IPs from the sandbox it has just made (`ips`), before the Pod's status carries them.
 * Sources: pkg/kubelet/kubelet_pods.go podFieldSelectorRuntimeValue; pkg/fieldpath/fieldpath.go.
 */
export function podFieldValue(pod: Pod, path: string, ips: { podIP?: string; hostIP?: string } = pod.status ?? {}): string {
  const subscript = /^metadata\.(labels|annotations)\['([^']*)'\]$/.exec(path);
  if (subscript) return (subscript[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[subscript[2]] ?? '';
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.host': pod.spec.nodeName,
    // The ServiceAccount admission plugin sets `default` when the Pod names none; the simulator's API leaves the field unset.
    'spec.serviceAccountName': pod.spec.serviceAccountName ?? '',
    'status.hostIP': ips.hostIP,
    'status.hostIPs': ips.hostIP,
    'status.podIP': ips.podIP,
    'status.podIPs': ips.podIP,
  };
  return values[path] ?? '';
}
