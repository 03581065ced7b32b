import type { KindPrinter } from './table';
import { podPrinter } from './pod';
import { deploymentPrinter } from './deployment';
import { replicaSetPrinter } from './replicaset';
import { servicePrinter } from './service';
import { endpointSlicePrinter } from './endpointslice';
import { endpointsPrinter } from './endpoints';
import { nodePrinter } from './node';
import { namespacePrinter } from './namespace';
import { eventPrinter } from './event';
import { configMapPrinter } from './configmap';
import { networkPolicyPrinter } from './networkpolicy';
import { secretPrinter } from './secret';
import { serviceAccountPrinter } from './serviceaccount';
import { ingressClassPrinter, ingressPrinter } from './ingress';

/** The table printer of each kind `kubectl get` can list. */
export const kindPrinters = new Map<string, KindPrinter>([
  ['Pod', podPrinter as KindPrinter],
  ['Deployment', deploymentPrinter as KindPrinter],
  ['ReplicaSet', replicaSetPrinter as KindPrinter],
  ['Service', servicePrinter as KindPrinter],
  ['EndpointSlice', endpointSlicePrinter as KindPrinter],
  ['Endpoints', endpointsPrinter as KindPrinter],
  ['Node', nodePrinter as KindPrinter],
  ['Namespace', namespacePrinter as KindPrinter],
  ['Event', eventPrinter as KindPrinter],
  ['ConfigMap', configMapPrinter as KindPrinter],
  ['NetworkPolicy', networkPolicyPrinter as KindPrinter],
  ['Secret', secretPrinter as KindPrinter],
  ['ServiceAccount', serviceAccountPrinter as KindPrinter],
  ['Ingress', ingressPrinter as KindPrinter],
  ['IngressClass', ingressClassPrinter as KindPrinter],
]);
