import { describe, expect, it } from 'vitest';
import { consoleOn } from '../console-on';
import { podQOSClass, quantity } from '../../../sim/api/pod-qos';
import type { Pod } from '../../../sim/api/types';

const pod = (name: string, extra: string, resources = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:${extra}
  containers:
  - name: app
    image: nginx:1.29${resources}
`;

function run(files: Record<string, string>, ...lines: string[]) {
  const { cluster, console } = consoleOn(files);
  const out = lines.map((l) => console.run(l));
  return { cluster, out };
}

describe('what the API server adds to every new Pod', () => {
  it('Priority and ServiceAccount admission, SetDefaults_Pod and the QoS class', () => {
    const { cluster } = run({ 'p.yaml': pod('p', '') }, 'kubectl apply -f p.yaml');
    const p = cluster.store.get<Pod>('Pod', 'default', 'p')!;
    expect(p.spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority', serviceAccountName: 'default', serviceAccount: 'default', enableServiceLinks: true, securityContext: {} });
    expect(p.spec.containers[0].resources).toEqual({});
    expect(p.status?.qosClass).toBe('BestEffort');
    // The token volume, mounted read-only where client libraries look for it.
    const volume = p.spec.volumes?.[0];
    expect(volume?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volume?.projected?.sources?.map((s) => Object.keys(s)[0])).toEqual(['serviceAccountToken', 'configMap', 'downwardAPI']);
    expect(p.spec.containers[0].volumeMounts).toEqual([{ name: volume?.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
  });

  it('the token volume has defaultMode 420 from the start, before any node takes the Pod', () => {
    const { cluster } = run({ 'p.yaml': pod('p', '\n  nodeSelector:\n    disktype: none') }, 'kubectl apply -f p.yaml', 'sleep 5');
    const p = cluster.store.get<Pod>('Pod', 'default', 'p')!;
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.spec.volumes?.[0].projected?.defaultMode).toBe(420);
  });

  it('mounts no token when the Pod says automountServiceAccountToken: false', () => {
    const { cluster } = run({ 'p.yaml': pod('p', '\n  automountServiceAccountToken: false') }, 'kubectl apply -f p.yaml');
    const p = cluster.store.get<Pod>('Pod', 'default', 'p')!;
    expect(p.spec.volumes).toBeUndefined();
    expect(p.spec.containers[0].volumeMounts).toBeUndefined();
  });

  it('a container reads its token, the cluster CA and its namespace from the mounted volume', () => {
    const { out } = run({ 'p.yaml': pod('p', '') }, 'kubectl apply -f p.yaml', 'sleep 10', 'kubectl exec p -- ls /var/run/secrets/kubernetes.io/serviceaccount', 'kubectl exec p -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace');
    expect(out[2].stdout).toBe('ca.crt\nnamespace\ntoken\n');
    expect(out[3].stdout).toBe('default');
  });

  it('a system PriorityClass gives its value; an unknown one, or a priority set by hand, is forbidden', () => {
    const files = {
      'critical.yaml': pod('critical', '\n  priorityClassName: system-node-critical'),
      'unknown.yaml': pod('unknown', '\n  priorityClassName: gold'),
      'by-hand.yaml': pod('by-hand', '\n  priority: 5'),
    };
    const { cluster, out } = run(files, 'kubectl apply -f critical.yaml', 'kubectl apply -f unknown.yaml', 'kubectl apply -f by-hand.yaml');
    expect(cluster.store.get<Pod>('Pod', 'default', 'critical')!.spec.priority).toBe(2000001000);
    expect(out[1].stderr).toBe('Error from server (Forbidden): error when creating "unknown.yaml": pods "unknown" is forbidden: no PriorityClass with name gold was found\n');
    expect(out[2].stderr).toBe(
      'Error from server (Forbidden): error when creating "by-hand.yaml": pods "by-hand" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name\n',
    );
    expect(cluster.store.get('Pod', 'default', 'unknown')).toBeUndefined();
  });

  it('requests default to limits, and the QoS class follows them (qos.go GetPodQOS)', () => {
    const limits = '\n    resources:\n      limits: {cpu: 500m, memory: 128Mi}';
    const requestsOnly = '\n    resources:\n      requests: {cpu: "0.5"}';
    const { cluster } = run({ 'g.yaml': pod('g', '', limits), 'b.yaml': pod('b', '', requestsOnly) }, 'kubectl apply -f g.yaml', 'kubectl apply -f b.yaml');
    const g = cluster.store.get<Pod>('Pod', 'default', 'g')!;
    expect(g.spec.containers[0].resources?.requests).toEqual({ cpu: '500m', memory: '128Mi' });
    expect(g.status?.qosClass).toBe('Guaranteed');
    expect(cluster.store.get<Pod>('Pod', 'default', 'b')!.status?.qosClass).toBe('Burstable');
    expect(podQOSClass({ containers: [{ name: 'a', image: 'nginx', resources: { requests: { cpu: '500m' }, limits: { cpu: '0.5', memory: '1Gi' } } }] })).toBe('Burstable');
  });

  it('reads quantities as the API does', () => {
    expect(quantity('500m')).toBe(0.5);
    expect(quantity('128Mi')).toBe(128 * 2 ** 20);
    expect(quantity('1G')).toBe(1e9);
    expect(quantity('2e3')).toBe(2000);
    expect(quantity('lots')).toBeNaN();
  });

  it('accepts securityContext in a Pod and its containers, as the API does', () => {
    const secured = pod('s', '\n  securityContext:\n    runAsUser: 1000\n    fsGroup: 2000', '\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities: {drop: [ALL]}');
    const { out } = run({ 's.yaml': secured }, 'kubectl apply -f s.yaml');
    expect(out[0]).toMatchObject({ stdout: 'pod/s created\n', stderr: '' });
  });
});
