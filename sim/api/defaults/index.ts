import type { Deployment, EndpointSlice, Endpoints, KubeObject, Namespace, NetworkPolicy, Pod, ReplicaSet, Secret, Service } from '../types';
import { setPodDefaults } from './pod';
import { setDeploymentDefaults, setReplicaSetDefaults } from './workloads';
import { setServiceDefaults } from './service';
import { setNamespaceDefaults } from './namespace';
import { setNetworkPolicyDefaults } from './network-policy';
import { setEndpointSliceDefaults, setEndpointsDefaults } from './endpoints';
import { setSecretDefaults } from './secret';

const defaulters: Record<string, (obj: KubeObject) => void> = {
  Pod: (o) => (o as Pod).spec && setPodDefaults(o as Pod),
  Deployment: (o) => setDeploymentDefaults(o as Deployment),
  ReplicaSet: (o) => setReplicaSetDefaults(o as ReplicaSet),
  Service: (o) => setServiceDefaults(o as Service),
  Namespace: (o) => setNamespaceDefaults(o as Namespace),
  NetworkPolicy: (o) => setNetworkPolicyDefaults(o as NetworkPolicy),
  EndpointSlice: (o) => setEndpointSliceDefaults(o as EndpointSlice),
  Endpoints: (o) => setEndpointsDefaults(o as Endpoints),
  Secret: (o) => setSecretDefaults(o as Secret),
};

/** Kinds the API server defaults. */
export const defaultedKinds = Object.keys(defaulters);

/**
 * Fills in the kind's defaults, as the API server does before storing an object (the namespace
 * `default` is kubectl's to fill in, before the request). Changes `obj` in place; running it twice
 * changes nothing.
 */
export function setDefaults(obj: KubeObject): void {
  defaulters[obj.kind]?.(obj);
}
