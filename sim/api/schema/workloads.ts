import { int32, intOrString, object, string } from './schema';
import { labelSelector, resource } from './meta';
import { podTemplateSpec } from './pod';

/** apps/v1 ReplicaSet (sim/api/types.ts ReplicaSet). */
export const replicaSetSchema = resource('v1.ReplicaSet', {
  spec: object('v1.ReplicaSetSpec', { replicas: int32, selector: labelSelector, template: podTemplateSpec, minReadySeconds: int32 }),
});

/** apps/v1 Deployment (sim/api/types.ts Deployment). */
export const deploymentSchema = resource('v1.Deployment', {
  spec: object('v1.DeploymentSpec', {
    replicas: int32,
    selector: labelSelector,
    template: podTemplateSpec,
    strategy: object('v1.DeploymentStrategy', {
      type: string,
      rollingUpdate: object('v1.RollingUpdateDeployment', { maxSurge: intOrString, maxUnavailable: intOrString }),
    }),
    minReadySeconds: int32,
    revisionHistoryLimit: int32,
    progressDeadlineSeconds: int32,
  }),
});
