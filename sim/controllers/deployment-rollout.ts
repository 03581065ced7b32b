import type { Deployment, ReplicaSet } from '../api/types';
import { availableReplicas, desiredReplicas, MaxReplicasAnnotation, resolveFenceposts, specReplicas } from './deployment-util';

/**
 * How many Pods each ReplicaSet of a Deployment should have next: pure functions of the
 * Deployment and its ReplicaSets, after kubernetes/kubernetes pkg/controller/deployment/rolling.go
 * and sync.go. Each returns target sizes by ReplicaSet name; the controller writes them.
 */

const byCreation = (a: ReplicaSet, b: ReplicaSet) =>
  (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name);

/**
 * The new ReplicaSet's size during a rolling update (NewRSNewReplicas): grow as far as maxSurge
 * allows above the desired total, never beyond the desired replicas.
 */
export function newReplicaSetSize(d: Deployment, all: ReplicaSet[], newRS: ReplicaSet | undefined): number {
  const replicas = desiredReplicas(d);
  const current = newRS?.spec.replicas ?? 0;
  if (d.spec.strategy?.type === 'Recreate') return replicas;
  const maxTotal = replicas + resolveFenceposts(d).maxSurge;
  const total = specReplicas(all);
  if (total >= maxTotal) return current;
  return current + Math.max(0, Math.min(maxTotal - total, replicas - current));
}

/**
 * Scale-downs of old ReplicaSets during a rolling update (reconcileOldReplicaSets): first Pods that
 * are not available (they serve nobody), then available ones, oldest ReplicaSet first, never going
 * below `replicas - maxUnavailable` available Pods.
 */
export function oldReplicaSetSizes(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): Map<string, number> {
  const sizes = new Map<string, number>();
  const size = (rs: ReplicaSet) => sizes.get(rs.metadata.name) ?? rs.spec.replicas ?? 0;
  const old = [...oldRSs].sort(byCreation);
  if (specReplicas(old) === 0) return sizes;
  const all = newRS ? [...old, newRS] : old;
  const minAvailable = desiredReplicas(d) - resolveFenceposts(d).maxUnavailable;
  const newUnavailable = newRS ? (newRS.spec.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0) : 0;
  const maxScaledDown = specReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return sizes;
  let cleaned = 0;
  for (const rs of old) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = size(rs) - (rs.status?.availableReplicas ?? 0);
    if (size(rs) === 0 || unhealthy <= 0) continue;
    const down = Math.min(maxScaledDown - cleaned, unhealthy);
    sizes.set(rs.metadata.name, size(rs) - down);
    cleaned += down;
  }
  const available = availableReplicas(all);
  if (available <= minAvailable) return sizes;
  const total = available - minAvailable;
  let scaled = 0;
  for (const rs of old) {
    if (scaled >= total) break;
    if (size(rs) === 0) continue;
    const down = Math.min(size(rs), total - scaled);
    sizes.set(rs.metadata.name, size(rs) - down);
    scaled += down;
  }
  return sizes;
}

/**
 * Proportional scaling (sync.go scale): when the Deployment is scaled in the middle of a rollout,
 * each active ReplicaSet grows or shrinks in proportion to its size; what rounding leaves over goes
 * to the largest one.
 */
export function proportionalSizes(d: Deployment, active: ReplicaSet[]): Map<string, number> {
  const replicas = desiredReplicas(d);
  const maxSurge = resolveFenceposts(d).maxSurge;
  const allowed = replicas + maxSurge;
  const toAdd = allowed - specReplicas(active);
  const sizes = new Map<string, number>();
  if (toAdd === 0) return sizes;
  const sorted = [...active].sort((a, b) => {
    const diff = (b.spec.replicas ?? 0) - (a.spec.replicas ?? 0);
    if (diff) return diff;
    return toAdd > 0 ? byCreation(b, a) : byCreation(a, b);
  });
  let added = 0;
  for (const rs of sorted) {
    const current = rs.spec.replicas ?? 0;
    let proportion = 0;
    if (current > 0) {
      const annotated = Number(rs.metadata.annotations?.[MaxReplicasAnnotation] ?? 0) || (d.status?.replicas ?? 0);
      const fraction = replicas === 0 || annotated === 0 ? -current : Math.round((current * allowed) / annotated) - current;
      const rest = toAdd - added;
      proportion = toAdd > 0 ? Math.min(fraction, rest) : Math.max(fraction, rest);
    }
    sizes.set(rs.metadata.name, current + proportion);
    added += proportion;
  }
  if (added !== toAdd && sorted.length) {
    const first = sorted[0].metadata.name;
    sizes.set(first, Math.max(0, sizes.get(first)! + toAdd - added));
  }
  return sizes;
}
