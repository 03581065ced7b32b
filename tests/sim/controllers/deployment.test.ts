import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../../sim/api/types';
import { computeHash } from '../../../sim/controllers/pod-template-hash';
import { equalIgnoreHash, resolveFenceposts } from '../../../sim/controllers/deployment-util';
import { activePods, apply, deployment, deploymentYaml, events, isReady, pods, replicaSets, seconds, startCluster } from './helpers';

const strategy = (maxSurge: number | string, maxUnavailable: number | string) =>
  `  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: ${maxSurge}\n      maxUnavailable: ${maxUnavailable}\n`;

describe('Deployment controller', () => {
  it('makes one ReplicaSet named <deployment>-<pod-template-hash>, labelled on it and on its Pods', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 3));
    seconds(cluster, 5);
    const [rs] = replicaSets(cluster, 'web');
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(hash).toMatch(/^[456789bcdf]{6,10}$/); // SafeEncodeString of a decimal uint32
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3' });
    for (const pod of pods(cluster, 'web')) {
      expect(pod.metadata.name).toMatch(new RegExp(`^web-${hash}-[a-z0-9]{5}$`));
      expect(pod.metadata.labels?.['pod-template-hash']).toBe(hash);
    }
    expect(events(cluster, 'web')).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
  });

  it('compares templates by content, never by a uid that another cluster with the same seed may reuse', () => {
    const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } });
    const meta = { name: 'web', namespace: 'default', uid: 'same-uid', generation: 1 };
    const d = (image: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: { selector: { matchLabels: { app: 'web' } }, template: template(image) } }) as Deployment;
    const rs = (image: string) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta, spec: { selector: { matchLabels: { app: 'web' } }, template: template(image) } }) as ReplicaSet;
    expect(equalIgnoreHash(rs('nginx:1.26'), d('nginx:1.26'))).toBe(true);
    expect(equalIgnoreHash(rs('nginx:1.27'), d('nginx:1.26'))).toBe(false);
    expect(equalIgnoreHash(rs('nginx:1.27'), d('nginx:1.27'))).toBe(true);
  });

  it('hashes equal templates equally, whatever their key order, and different templates differently', () => {
    const a = { metadata: { labels: { app: 'web', tier: 'x' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    const b = { spec: { containers: [{ image: 'nginx', name: 'web' }] }, metadata: { labels: { tier: 'x', app: 'web' } } };
    expect(computeHash(a)).toBe(computeHash(b));
    expect(computeHash(a)).not.toBe(computeHash({ ...a, spec: { containers: [{ name: 'web', image: 'nginx:2' }] } }));
    expect(computeHash(a, 1)).not.toBe(computeHash(a));
  });

  it('reports replicas and the Available and Progressing conditions with upstream reasons', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 3));
    cluster.settle();
    expect(deployment(cluster, 'web').status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}`)).toEqual([
      'Available=False MinimumReplicasUnavailable',
      'Progressing=True ReplicaSetUpdated',
    ]);
    seconds(cluster, 5);
    const d = deployment(cluster, 'web');
    const rsName = replicaSets(cluster, 'web')[0].metadata.name;
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status?.unavailableReplicas).toBeUndefined();
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`],
    ]);
  });

  it('rounds 25% as upstream: maxSurge up, maxUnavailable down, never both zero', () => {
    const d = (replicas: number, surge?: number | string, unavailable?: number | string) =>
      resolveFenceposts({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas, selector: {}, template: { spec: { containers: [] } }, strategy: { rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } } });
    expect(d(3)).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    expect(d(10)).toEqual({ maxSurge: 3, maxUnavailable: 2 });
    expect(d(4, 0, 0)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(d(10, '50%', 3)).toEqual({ maxSurge: 5, maxUnavailable: 3 });
  });

  it('rolls a template change out within maxSurge and maxUnavailable at every instant', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 4, { strategy: strategy(1, 1) }));
    seconds(cluster, 5);
    let maxTotal = 0;
    let minReady = Infinity;
    cluster.store.watchAll(() => {
      const rss = replicaSets(cluster, 'web');
      maxTotal = Math.max(maxTotal, rss.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0));
      minReady = Math.min(minReady, activePods(cluster, 'web').filter(isReady).length);
    });
    apply(cluster, deploymentYaml('web', 4, { strategy: strategy(1, 1), image: 'nginx:1.28' }));
    seconds(cluster, 30);
    expect(maxTotal).toBe(5); // replicas + maxSurge
    expect(minReady).toBe(3); // replicas - maxUnavailable
    const [old, current] = replicaSets(cluster, 'web').sort((a, b) => Number(a.metadata.annotations!['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations!['deployment.kubernetes.io/revision']));
    expect(old.spec.replicas).toBe(0);
    expect(current.spec.replicas).toBe(4);
    expect(current.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(deployment(cluster, 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(activePods(cluster, 'web').every((p) => p.spec.containers[0].image === 'nginx:1.28' && isReady(p))).toBe(true);
    expect(events(cluster, 'web')).toContain(`ScalingReplicaSet: Scaled down replica set ${old.metadata.name} from 4 to 3`);
  });

  it('goes back to the old ReplicaSet when the old template returns, with a new revision', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 2));
    seconds(cluster, 5);
    const first = replicaSets(cluster, 'web')[0].metadata.name;
    apply(cluster, deploymentYaml('web', 2, { image: 'nginx:1.28' }));
    seconds(cluster, 20);
    apply(cluster, deploymentYaml('web', 2));
    seconds(cluster, 20);
    const rs = cluster.store.get<ReplicaSet>('ReplicaSet', 'default', first)!;
    expect(rs.spec.replicas).toBe(2);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(replicaSets(cluster, 'web')).toHaveLength(2);
  });

  it('keeps at most revisionHistoryLimit old ReplicaSets', () => {
    const cluster = startCluster();
    for (let i = 0; i < 4; i++) {
      apply(cluster, deploymentYaml('web', 1, { spec: '  revisionHistoryLimit: 1\n', image: `nginx:1.${i}` }));
      seconds(cluster, 20);
    }
    const left = replicaSets(cluster, 'web').map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort();
    expect(left).toEqual(['3', '4']);
  });

  it('scales the current ReplicaSet when only replicas change', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 2));
    seconds(cluster, 5);
    apply(cluster, deploymentYaml('web', 5));
    seconds(cluster, 5);
    expect(replicaSets(cluster, 'web')).toHaveLength(1);
    expect(activePods(cluster, 'web').filter(isReady)).toHaveLength(5);
    const rs = replicaSets(cluster, 'web')[0].metadata.name;
    expect(events(cluster, 'web')).toContain(`ScalingReplicaSet: Scaled up replica set ${rs} from 2 to 5`);
  });

  it('Recreate stops every old Pod before the first new one starts', () => {
    const cluster = startCluster();
    const recreate = '  strategy:\n    type: Recreate\n';
    apply(cluster, deploymentYaml('web', 3, { strategy: recreate }));
    seconds(cluster, 5);
    let overlap = false;
    cluster.store.watchAll(() => {
      const images = new Set(pods(cluster, 'web').map((p) => p.spec.containers[0].image));
      if (images.size > 1) overlap = true;
    });
    apply(cluster, deploymentYaml('web', 3, { strategy: recreate, image: 'nginx:1.28' }));
    seconds(cluster, 40);
    expect(overlap).toBe(false);
    expect(activePods(cluster, 'web').filter((p) => isReady(p) && p.spec.containers[0].image === 'nginx:1.28')).toHaveLength(3);
  });

  it('scales proportionally when replicas change in the middle of a rollout', () => {
    const cluster = startCluster();
    const stuck = '        readinessProbe:\n          httpGet:\n            port: 81\n';
    apply(cluster, deploymentYaml('web', 10, { strategy: strategy(3, 2) }));
    seconds(cluster, 10);
    // The new Pods never turn Ready (nothing listens on port 81): the rollout stops half-way.
    const broken = deploymentYaml('web', 10, { strategy: strategy(3, 2), image: 'nginx:1.28' }).replace('        - containerPort: 80\n', `        - containerPort: 80\n${stuck}`);
    apply(cluster, broken);
    seconds(cluster, 30);
    const sizes = () => replicaSets(cluster, 'web').map((rs) => `${rs.spec.template.spec.containers[0].image}=${rs.spec.replicas}`).sort();
    expect(sizes()).toEqual(['nginx:1.27=8', 'nginx:1.28=5']);
    apply(cluster, broken.replace('replicas: 10', 'replicas: 20'));
    cluster.settle();
    // 23 allowed (20 + maxSurge 3) shared in proportion to 8 and 5 out of 13.
    expect(sizes()).toEqual(['nginx:1.27=14', 'nginx:1.28=9']);
  });

  it('reports ProgressDeadlineExceeded when a rollout makes no progress for progressDeadlineSeconds', () => {
    const cluster = startCluster();
    apply(cluster, deploymentYaml('web', 2, { spec: '  progressDeadlineSeconds: 30\n', podSpec: '      nodeSelector:\n        disktype: none\n' }));
    seconds(cluster, 20);
    expect(deployment(cluster, 'web').status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    seconds(cluster, 20);
    const rs = replicaSets(cluster, 'web')[0].metadata.name;
    expect(deployment(cluster, 'web').status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs}" has timed out progressing.`,
    });
  });
});
