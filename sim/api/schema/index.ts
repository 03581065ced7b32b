import type { ObjectSchema } from './schema';
import { podSchema } from './pod';
import { deploymentSchema, replicaSetSchema } from './workloads';
import { serviceSchema } from './service';
import { namespaceSchema } from './namespace';
import { configMapSchema } from './config-map';
import { networkPolicySchema } from './network-policy';
import { endpointSliceSchema } from './endpoint-slice';
import { endpointsSchema } from './endpoints';
import { secretSchema } from './secret';
import { serviceAccountSchema } from './service-account';
import { ingressClassSchema, ingressSchema } from './ingress';

/**
 * The schema of each kind that `kubectl apply` accepts with strict field validation. A kind
 * registered in sim/api/kinds.ts gets one here, in its own file, to become appliable.
 */
const schemas: Record<string, ObjectSchema> = {
  Namespace: namespaceSchema,
  ConfigMap: configMapSchema,
  Pod: podSchema,
  ReplicaSet: replicaSetSchema,
  Deployment: deploymentSchema,
  Service: serviceSchema,
  NetworkPolicy: networkPolicySchema,
  EndpointSlice: endpointSliceSchema,
  Endpoints: endpointsSchema,
  Secret: secretSchema,
  ServiceAccount: serviceAccountSchema,
  Ingress: ingressSchema,
  IngressClass: ingressClassSchema,
};

export function schemaFor(kind: string): ObjectSchema | undefined {
  return schemas[kind];
}
