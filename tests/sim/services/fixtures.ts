import { Cluster } from '../../../sim/cluster';
import type { Node, Pod, Service } from '../../../sim/api/types';
import type { Store } from '../../../sim/core/store';

/**
 * Hand-made objects for tests of the control plane alone: a Pod as the kubelet would report it
 * (bound, with an IP, Ready or not), without running any container.
 */
export function reportedPod(
  name: string,
  opts: { labels?: Record<string, string>; ip?: string; ready?: boolean; node?: string; ports?: { name?: string; containerPort: number; protocol?: 'TCP' | 'UDP' }[]; namespace?: string },
): Pod {
  const ready = opts.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default', labels: opts.labels ?? { app: 'web' } },
    spec: { nodeName: opts.node ?? 'virtual-1', containers: [{ name: 'web', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', ports: opts.ports ?? [{ containerPort: 8080, name: 'http' }] }] },
    status: {
      phase: 'Running',
      podIP: opts.ip,
      podIPs: opts.ip ? [{ ip: opts.ip }] : undefined,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

export function service(name: string, spec: Partial<Service['spec']> = {}, namespace = 'default'): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], ...spec },
  };
}

/**
 * Node objects with no machine behind them: Pods bound there are what the test says they are,
 * with no kubelet to run them or rewrite their status.
 */
export const virtualNodes = ['virtual-1', 'virtual-2'];

export function ensureNodes(cluster: Cluster): void {
  for (const name of virtualNodes) {
    cluster.store.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: {} });
  }
}

/**
 * Creates a Pod and then writes its status, as the kubelet would: the API server drops a status
 * sent on create (PrepareForCreate).
 */
export function createReported(store: Store, pod: Pod): Pod {
  const created = store.create<Pod>({ ...pod, status: undefined });
  return store.update<Pod>({ ...created, status: pod.status });
}
