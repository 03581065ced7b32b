import type { KubeObject, Pod } from './types';
import { podQOSClass } from './pod-qos';

/**
 * What each kind's registry strategy resets on create (PrepareForCreate): a client cannot create an
 * object with a status; the status is what the cluster reports, written later through the status
 * subresource. Kinds not listed (Node, whose kubelet registers it with its status; ConfigMap,
 * Secret, Endpoints, EndpointSlice, Event, Lease, IngressClass, which have none) keep what was sent.
 * Sources: kubernetes/kubernetes pkg/registry/…/strategy.go — core/pod (Pending, and the qosClass
 * its containers' resources make), core/service, core/namespace (Active), apps/deployment, apps/replicaset,
 * networking/ingress, networking/networkpolicy.
 */
const statusOnCreate: Record<string, (obj: KubeObject) => unknown> = {
  Pod: (obj) => ({ phase: 'Pending', qosClass: podQOSClass((obj as Pod).spec) }),
  Service: () => ({ loadBalancer: {} }),
  Namespace: () => ({ phase: 'Active' }),
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  Ingress: () => ({ loadBalancer: {} }),
  NetworkPolicy: () => undefined,
};

/** Replaces the status of a new object with what its registry starts it with. */
export function prepareForCreate(obj: KubeObject): void {
  const reset = statusOnCreate[obj.kind];
  if (!reset) return;
  const status = reset(obj);
  if (status === undefined) delete obj.status;
  else obj.status = status;
}
