import type { Pod } from '../api/types';

/**
 * What controllers read from a Pod's status. Source: kubernetes/kubernetes
 * pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable) and pkg/controller/controller_utils.go
 * (IsPodActive, ActivePods).
 */

/** The Pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** When the Pod last turned Ready, in virtual ms (undefined when not Ready). */
export function podReadySince(pod: Pod, epochMs: number): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  return ready?.lastTransitionTime ? Date.parse(ready.lastTransitionTime) - epochMs : undefined;
}

/** Ready for at least `minReadySeconds` at virtual instant `now`. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number, epochMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = podReadySince(pod, epochMs);
  return since !== undefined && since + minReadySeconds * 1000 <= now;
}

/** Counts toward a ReplicaSet's replicas: not being deleted, not Succeeded, not Failed. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** The highest restart count of the Pod's containers. */
export function maxContainerRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount));
}

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Orders Pods so that the ones to delete first come first (controller.ActivePods.Less):
 * unscheduled < scheduled; Pending < Unknown < Running; not Ready < Ready; Ready for less time <
 * more time; more restarts < fewer; newer < older.
 */
export function compareActivePods(a: Pod, b: Pod): number {
  const an = a.spec.nodeName ?? '';
  const bn = b.spec.nodeName ?? '';
  if (an !== bn && (!an || !bn)) return an ? 1 : -1;
  const ap = phaseOrdinal[a.status?.phase ?? 'Pending'] ?? 0;
  const bp = phaseOrdinal[b.status?.phase ?? 'Pending'] ?? 0;
  if (ap !== bp) return ap - bp;
  const ar = isPodReady(a);
  const br = isPodReady(b);
  if (ar !== br) return ar ? 1 : -1;
  if (ar && br) {
    const at = readyTime(a);
    const bt = readyTime(b);
    if (at !== bt) return at > bt ? -1 : 1;
  }
  const ac = maxContainerRestarts(a);
  const bc = maxContainerRestarts(b);
  if (ac !== bc) return bc - ac;
  const ak = a.metadata.creationTimestamp ?? '';
  const bk = b.metadata.creationTimestamp ?? '';
  if (ak !== bk) return ak > bk ? -1 : 1;
  return 0;
}

/** When the Pod's Ready condition last changed (RFC 3339), or ''. */
export function readyTime(pod: Pod): string {
  return pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime ?? '';
}
