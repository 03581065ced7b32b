import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../../sim/api/types';
import { apply, deploymentYaml, events, pods, seconds, startCluster } from './helpers';

const podYaml = (name: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}  containers:
  - name: web
    image: nginx:1.27
`;

const get = (cluster: ReturnType<typeof startCluster>, name: string) => cluster.store.get<Pod>('Pod', 'default', name)!;

describe('scheduler', () => {
  it('spreads the replicas of one Deployment over the nodes', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 6));
    cluster.settle();
    const perNode = new Map<string, number>();
    for (const p of pods(cluster, 'web')) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([2, 2, 2]);
  });

  it('binds with spec.nodeName, the PodScheduled condition and a Scheduled event', () => {
    const cluster = startCluster();
    apply(cluster, podYaml('solo'));
    cluster.settle();
    const pod = get(cluster, 'solo');
    expect(pod.spec.nodeName).toMatch(/^node-[123]$/);
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    expect(events(cluster, 'solo')[0]).toBe(`Scheduled: Successfully assigned default/solo to ${pod.spec.nodeName}`);
  });

  it('honours a nodeSelector, and leaves a Pod no node matches Pending with upstream wording', () => {
    const cluster = startCluster();
    cluster.store.mutate<Node>('Node', '', 'node-2', (n) => (n.metadata.labels = { ...n.metadata.labels, disktype: 'ssd' }));
    apply(cluster, podYaml('fast', '  nodeSelector:\n    disktype: ssd\n'));
    apply(cluster, podYaml('gpu', '  nodeSelector:\n    gpu: "true"\n'));
    cluster.settle();
    expect(get(cluster, 'fast').spec.nodeName).toBe('node-2');
    const gpu = get(cluster, 'gpu');
    expect(gpu.spec.nodeName).toBeUndefined();
    const message =
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    expect(events(cluster, 'gpu')).toEqual([`FailedScheduling: ${message}`]);
    expect(gpu.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
  });

  it('tries a Pending Pod again when a node changes', () => {
    const cluster = startCluster();
    apply(cluster, podYaml('gpu', '  nodeSelector:\n    gpu: "true"\n'));
    cluster.settle();
    expect(get(cluster, 'gpu').spec.nodeName).toBeUndefined();
    cluster.store.mutate<Node>('Node', '', 'node-3', (n) => (n.metadata.labels = { ...n.metadata.labels, gpu: 'true' }));
    cluster.settle();
    expect(get(cluster, 'gpu').spec.nodeName).toBe('node-3');
  });

  it('avoids tainted and cordoned nodes, and counts each reason', () => {
    const cluster = startCluster();
    cluster.store.mutate<Node>('Node', '', 'node-1', (n) => (n.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]));
    cluster.store.mutate<Node>('Node', '', 'node-2', (n) => (n.spec.unschedulable = true));
    apply(cluster, deploymentYaml('web', 3));
    cluster.settle();
    expect(pods(cluster, 'web').map((p) => p.spec.nodeName)).toEqual(['node-3', 'node-3', 'node-3']);
    cluster.store.mutate<Node>('Node', '', 'node-3', (n) => (n.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }]));
    apply(cluster, podYaml('late'));
    cluster.settle();
    expect(events(cluster, 'late')).toEqual([
      'FailedScheduling: 0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had untolerated taint {dedicated: db}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
  });

  it('leaves a Pod with spec.nodeName alone', () => {
    const cluster = startCluster();
    apply(cluster, podYaml('pinned', '  nodeName: node-2\n'));
    seconds(cluster, 3);
    expect(get(cluster, 'pinned').spec.nodeName).toBe('node-2');
    expect(events(cluster, 'pinned').some((e) => e.startsWith('Scheduled'))).toBe(false);
  });
});
