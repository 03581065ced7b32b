import { describe, expect, it } from 'vitest';
import { nodeMonitorGracePeriodMs } from '../../../sim/controllers/node-lifecycle';
import { activePods, apply, deploymentYaml, events, isReady, logLines, node, pods, seconds, startCluster } from './helpers';

const ready = (cluster: ReturnType<typeof startCluster>, name: string) => node(cluster, name).status?.conditions?.find((c) => c.type === 'Ready');
const taints = (cluster: ReturnType<typeof startCluster>, name: string) => (node(cluster, name).spec.taints ?? []).map((t) => `${t.key}:${t.effect}`);

describe('node lifecycle and taint eviction', () => {
  it('gives every new Pod 300 s of tolerance for not-ready and unreachable nodes (DefaultTolerationSeconds)', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 1));
    cluster.settle();
    expect(pods(cluster, 'web')[0].spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('marks a silent node Unknown after the grace period and taints it unreachable', () => {
    const cluster = startCluster();
    seconds(cluster, 10);
    cluster.stopNode('node-2');
    const stoppedAt = cluster.clock.now;
    seconds(cluster, 40);
    expect(ready(cluster, 'node-2')?.status).toBe('True'); // not yet: 50 s grace
    seconds(cluster, 20);
    expect(ready(cluster, 'node-2')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(taints(cluster, 'node-2')).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(events(cluster, 'node-2')).toContain('NodeNotReady: Node node-2 status is now: NodeNotReady');
    // The last Lease renewal was at most 10 s before the stop; the check runs on a 5 s tick.
    const marked = cluster.logs.find((l) => l.component === 'node-controller' && l.message.includes('Ready=Unknown'))!.at;
    expect(marked - stoppedAt).toBeGreaterThan(nodeMonitorGracePeriodMs - 10_000);
    expect(marked - stoppedAt).toBeLessThanOrEqual(nodeMonitorGracePeriodMs + 5_000);
    expect(ready(cluster, 'node-1')?.status).toBe('True');
  });

  it('evicts a lost node’s Pods 300 s after the taint; they stay Terminating while replacements run elsewhere', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 3));
    seconds(cluster, 10);
    const lost = pods(cluster, 'web').find((p) => p.spec.nodeName === 'node-1')!;
    cluster.stopNode('node-1');
    seconds(cluster, 60);
    const onNode = cluster.store.get('Pod', 'default', lost.metadata.name) as typeof lost;
    expect(isReady(onNode)).toBe(false); // MarkPodsNotReady
    expect(onNode.metadata.deletionTimestamp).toBeUndefined();
    seconds(cluster, 300);
    const evicted = cluster.store.get('Pod', 'default', lost.metadata.name) as typeof lost;
    expect(evicted.metadata.deletionTimestamp).toBeDefined(); // Terminating: no kubelet to finish it
    expect(events(cluster, lost.metadata.name)).toContain(`TaintManagerEviction: Marking for deletion Pod default/${lost.metadata.name}`);
    const active = activePods(cluster, 'web');
    expect(active).toHaveLength(3);
    expect(active.every((p) => p.spec.nodeName !== 'node-1' && isReady(p))).toBe(true);
    expect(logLines(cluster, 'taint-eviction-controller')).toContain(`default/${lost.metadata.name}: tolerationSeconds 300 → evict in 300s`);
  });

  it('removes the taints when the node comes back, and its Terminating Pods finish', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 3));
    seconds(cluster, 10);
    cluster.stopNode('node-3');
    seconds(cluster, 400);
    expect(pods(cluster, 'web').some((p) => p.spec.nodeName === 'node-3' && p.metadata.deletionTimestamp)).toBe(true);
    cluster.startNode('node-3');
    seconds(cluster, 40);
    expect(ready(cluster, 'node-3')?.status).toBe('True');
    expect(taints(cluster, 'node-3')).toEqual([]);
    expect(pods(cluster, 'web').filter((p) => p.spec.nodeName === 'node-3')).toEqual([]);
    expect(activePods(cluster, 'web')).toHaveLength(3);
  });

  it('does not evict a Pod that tolerates unreachable forever', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 3, { podSpec: '      tolerations:\n      - key: node.kubernetes.io/unreachable\n        operator: Exists\n        effect: NoExecute\n' }));
    seconds(cluster, 10);
    cluster.stopNode('node-1');
    seconds(cluster, 600);
    expect(pods(cluster, 'web').every((p) => !p.metadata.deletionTimestamp)).toBe(true);
  });
});
