import type { Deployment, EndpointSlice, KubeObject, Node, Pod, ReplicaSet, Service } from '../../api/types';
import type { Store } from '../../core/store';
import { describeDeployment } from './deployment';
import { describeEndpointSlice } from './endpointslice';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeReplicaSet } from './replicaset';
import { describeService } from './service';

type Describer = (store: Store, obj: KubeObject, nowMs: number) => string;

/** The kinds `kubectl describe` can show here, each as kubectl's describer for it prints. */
export const describers = new Map<string, Describer>([
  ['Pod', (s, o, n) => describePod(s, o as Pod, n)],
  ['Deployment', (s, o, n) => describeDeployment(s, o as Deployment, n)],
  ['ReplicaSet', (s, o, n) => describeReplicaSet(s, o as ReplicaSet, n)],
  ['Service', (s, o, n) => describeService(s, o as Service, n)],
  ['Node', (s, o, n) => describeNode(s, o as Node, n)],
  ['EndpointSlice', (s, o, n) => describeEndpointSlice(s, o as EndpointSlice, n)],
]);
