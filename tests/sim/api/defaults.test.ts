import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { applyManifests } from '../../../sim/api/apply';
import type { Deployment, NetworkPolicy, Pod, Service } from '../../../sim/api/types';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            port: 80
`;

describe('defaulting, as the API server does it', () => {
  it('fills a Deployment and its Pod template', () => {
    const cluster = new Cluster();
    expect(applyManifests(cluster, deployment, 'web.yaml').errors).toEqual([]);
    const d = cluster.store.get<Deployment>('Deployment', 'default', 'web')!;
    expect(d.metadata.namespace).toBe('default');
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    const pod = d.spec.template.spec;
    expect(pod.restartPolicy).toBe('Always');
    expect(pod.terminationGracePeriodSeconds).toBe(30);
    expect(pod.dnsPolicy).toBe('ClusterFirst');
    expect(pod.schedulerName).toBe('default-scheduler');
    const c = pod.containers[0];
    expect(c.imagePullPolicy).toBe('Always');
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(c.readinessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  });

  it('defaults objects written by controllers too: a bare Pod is defaulted and Pending', () => {
    const cluster = new Cluster();
    const pod = cluster.store.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
    });
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(pod.status?.phase).toBe('Pending');
  });

  it('fills a Service: ClusterIP, TCP, targetPort = port, no affinity, Cluster traffic policy', () => {
    const cluster = new Cluster();
    applyManifests(cluster, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n', 'svc.yaml');
    const svc = cluster.store.get<Service>('Service', 'default', 'web')!;
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.sessionAffinity).toBe('None');
    expect(svc.spec.internalTrafficPolicy).toBe('Cluster');
    expect(svc.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
  });

  it('gives a NetworkPolicy its policyTypes from its rules', () => {
    const cluster = new Cluster();
    const np = (rules: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector: {}\n${rules}`;
    applyManifests(cluster, np('  ingress:\n  - ports:\n    - port: 80\n'), 'np.yaml');
    const ingressOnly = cluster.store.get<NetworkPolicy>('NetworkPolicy', 'default', 'np')!;
    expect(ingressOnly.spec.policyTypes).toEqual(['Ingress']);
    expect(ingressOnly.spec.ingress?.[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const withEgress = np('  egress:\n  - {}\n');
    applyManifests(cluster, withEgress.replace('name: np', 'name: np2'), 'np.yaml');
    expect(cluster.store.get<NetworkPolicy>('NetworkPolicy', 'default', 'np2')!.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    // Defaulted once: a later apply that adds egress rules keeps the stored policyTypes, as on a real cluster.
    applyManifests(cluster, withEgress, 'np.yaml');
    expect(cluster.store.get<NetworkPolicy>('NetworkPolicy', 'default', 'np')!.spec.policyTypes).toEqual(['Ingress']);
  });
});
