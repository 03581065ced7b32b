import { expect } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { applyManifests } from '../../../sim/api/apply';
import type { Pod } from '../../../sim/api/types';

/** A cluster with the given manifests applied and given time to start its Pods. */
export function clusterWith(yaml: string, settleMs = 60_000): Cluster {
  const cluster = new Cluster();
  const result = applyManifests(cluster, yaml, 'test.yaml');
  expect(result.errors).toEqual([]);
  cluster.advance(settleMs);
  return cluster;
}

/** `kubectl exec POD -- ARGV` in the default namespace. */
export function exec(cluster: Cluster, pod: string, argv: string[]) {
  return cluster.exec('default', pod, undefined, argv);
}

export function podsOf(cluster: Cluster, app: string, namespace = 'default'): Pod[] {
  return cluster.store.list<Pod>('Pod', namespace).filter((p) => p.metadata.labels?.app === app);
}

/** A web Deployment (agnhost serve-hostname on 8080, port named http), its Service, and a client Pod. */
export function webAndClient(opts: { replicas?: number; readinessProbe?: string; service?: string } = {}): string {
  const probe = opts.readinessProbe ? `\n        readinessProbe: ${opts.readinessProbe}` : '';
  return `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${opts.replicas ?? 3}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: registry.k8s.io/e2e-test-images/agnhost:2.53
        args: [serve-hostname, --port, "8080"]
        ports: [{containerPort: 8080, name: http}]${probe}
---
${opts.service ?? `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]`}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: client, image: nicolaka/netshoot, command: [sleep, infinity]}]
`;
}
