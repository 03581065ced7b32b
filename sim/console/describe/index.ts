import type { ConfigMap, Deployment, Endpoints, EndpointSlice, Ingress, IngressClass, KubeObject, Namespace, NetworkPolicy, Node, Pod, ReplicaSet, Secret, Service, ServiceAccount } from '../../api/types';
import type { Store } from '../../core/store';
import { describeConfigMap } from './configmap';
import { describeDeployment } from './deployment';
import { describeEndpoints } from './endpoints';
import { describeEndpointSlice } from './endpointslice';
import { describeNamespace } from './namespace';
import { describeNetworkPolicy } from './networkpolicy';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeReplicaSet } from './replicaset';
import { describeService } from './service';
import { describeSecret } from './secret';
import { describeServiceAccount } from './serviceaccount';
import { describeIngress, describeIngressClass } from './ingress';

type Describer = (store: Store, obj: KubeObject, nowMs: number) => string;

/** The kinds `kubectl describe` can show here, each as kubectl's describer for it prints. */
export const describers = new Map<string, Describer>([
  ['Pod', (s, o, n) => describePod(s, o as Pod, n)],
  ['Deployment', (s, o, n) => describeDeployment(s, o as Deployment, n)],
  ['ReplicaSet', (s, o, n) => describeReplicaSet(s, o as ReplicaSet, n)],
  ['Service', (s, o, n) => describeService(s, o as Service, n)],
  ['Node', (s, o, n) => describeNode(s, o as Node, n)],
  ['EndpointSlice', (s, o, n) => describeEndpointSlice(s, o as EndpointSlice, n)],
  ['Endpoints', (s, o, n) => describeEndpoints(s, o as Endpoints, n)],
  ['NetworkPolicy', (_s, o) => describeNetworkPolicy(o as NetworkPolicy)],
  ['Namespace', (_s, o) => describeNamespace(o as Namespace)],
  ['ConfigMap', (s, o, n) => describeConfigMap(s, o as ConfigMap, n)],
  ['Secret', (_s, o) => describeSecret(o as Secret)],
  ['ServiceAccount', (s, o, n) => describeServiceAccount(s, o as ServiceAccount, n)],
  ['Ingress', (s, o, n) => describeIngress(s, o as Ingress, n)],
  ['IngressClass', (s, o, n) => describeIngressClass(s, o as IngressClass, n)],
]);
