import type { Deployment, DeploymentCondition, ReplicaSet } from '../api/types';
import { deepEqual } from '../core/store';

/**
 * The arithmetic of Deployments, from kubernetes/kubernetes pkg/controller/deployment/util/deployment_util.go.
 */

/** Annotations the Deployment controller writes (deployment_util.go). */
export const RevisionAnnotation = 'deployment.kubernetes.io/revision';
export const DesiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const MaxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';
/** The label that tells the ReplicaSets of one Deployment apart (apps/v1 DefaultDeploymentUniqueLabelKey). */
export const PodTemplateHashLabel = 'pod-template-hash';

/** API defaults for apps/v1 Deployments (pkg/apis/apps/v1/defaults.go). */
export const defaultRevisionHistoryLimit = 10;
export const defaultProgressDeadlineSeconds = 600;
const defaultSurgeOrUnavailable = '25%';

export function desiredReplicas(d: Deployment): number {
  return d.spec.replicas ?? 1;
}

/**
 * An int-or-percent (`1`, `"25%"`) against a total (intstr.GetScaledValueFromIntOrPercent):
 * maxSurge rounds up, maxUnavailable rounds down.
 */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) value = defaultSurgeOrUnavailable;
  if (typeof value === 'number') return value;
  const m = value.match(/^(\d+)%$/);
  if (!m) return Number.parseInt(value, 10) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * maxSurge and maxUnavailable as numbers of Pods (ResolveFenceposts). Both zero would block a
 * rollout forever, so maxUnavailable becomes 1. Recreate has no surge.
 */
export function resolveFenceposts(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  if (d.spec.strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: 0 };
  const replicas = desiredReplicas(d);
  const rolling = d.spec.strategy?.rollingUpdate;
  const maxSurge = scaledValue(rolling?.maxSurge, replicas, true);
  let maxUnavailable = scaledValue(rolling?.maxUnavailable, replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** The number of Pods the Deployment may lack and still be Available (MaxUnavailable, capped at replicas). */
export function maxUnavailable(d: Deployment): number {
  if (d.spec.strategy?.type === 'Recreate' || desiredReplicas(d) === 0) return 0;
  return Math.min(resolveFenceposts(d).maxUnavailable, desiredReplicas(d));
}

export function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[RevisionAnnotation] ?? 0) || 0;
}

/**
 * Do a ReplicaSet's and a Deployment's Pod templates differ only by the pod-template-hash label?
 * (EqualIgnoreHash, which is how the controller finds the ReplicaSet of the current template:
 * a deep comparison with that one label left out.)
 */
export function equalIgnoreHash(rs: ReplicaSet, d: Deployment): boolean {
  const a = rs.spec.template;
  const b = d.spec.template;
  if (a === b) return true;
  const { labels: aLabels, ...aMeta } = a.metadata ?? {};
  const { labels: bLabels, ...bMeta } = b.metadata ?? {};
  return deepEqual({ ...a, metadata: aMeta }, { ...b, metadata: bMeta }) && deepEqual(withoutHash(aLabels), withoutHash(bLabels));
}

function withoutHash(labels: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!labels || !(PodTemplateHashLabel in labels)) return labels;
  const { [PodTemplateHashLabel]: _hash, ...rest } = labels;
  return rest;
}

export const specReplicas = (rss: ReplicaSet[]): number => rss.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
export const statusReplicas = (rss: ReplicaSet[]): number => rss.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
export const readyReplicas = (rss: ReplicaSet[]): number => rss.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
export const availableReplicas = (rss: ReplicaSet[]): number => rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);

export function getCondition(status: Deployment['status'], type: DeploymentCondition['type']): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * Sets a condition (SetDeploymentCondition): nothing changes when status and reason are the same;
 * the transition time is kept while the status is unchanged; a changed condition moves to the end.
 */
export function setCondition(status: NonNullable<Deployment['status']>, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}
