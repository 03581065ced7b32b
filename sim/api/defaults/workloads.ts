import type { Deployment, ReplicaSet } from '../types';
import { setPodSpecDefaults } from './pod';

/**
 * Deployment and ReplicaSet defaults. Source: kubernetes/kubernetes pkg/apis/apps/v1/defaults.go —
 * SetDefaults_Deployment (replicas 1, strategy RollingUpdate with maxUnavailable and maxSurge 25%,
 * revisionHistoryLimit 10, progressDeadlineSeconds 600) and SetDefaults_ReplicaSet (replicas 1).
 */
export const deploymentDefaults = {
  replicas: 1,
  maxUnavailable: '25%',
  maxSurge: '25%',
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
} as const;

export function setDeploymentDefaults(d: Deployment): void {
  const spec = d.spec;
  if (!spec) return;
  spec.replicas ??= deploymentDefaults.replicas;
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= deploymentDefaults.maxUnavailable;
    spec.strategy.rollingUpdate.maxSurge ??= deploymentDefaults.maxSurge;
  }
  spec.revisionHistoryLimit ??= deploymentDefaults.revisionHistoryLimit;
  spec.progressDeadlineSeconds ??= deploymentDefaults.progressDeadlineSeconds;
  if (spec.template?.spec) setPodSpecDefaults(spec.template.spec);
}

export function setReplicaSetDefaults(rs: ReplicaSet): void {
  const spec = rs.spec;
  if (!spec) return;
  spec.replicas ??= 1;
  if (spec.template?.spec) setPodSpecDefaults(spec.template.spec);
}
