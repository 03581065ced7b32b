import { describe, expect, it } from 'vitest';
import { boundPod, getPod, podEvents, startCluster, webStatus } from './helpers';

describe('kubelet restarts', () => {
  it('CrashLoopBackOff: the first restart comes when the kubelet notices (1 s), then 10 s, 20 s, 40 s … after each exit', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('crashy'));
    cluster.advance(3000);
    const restartsAfter = (ms: number) => {
      cluster.crashContainer('default', 'crashy');
      // Terminated at once; the kubelet notices at its next relist and restarts or backs off.
      expect(webStatus(cluster, 'crashy')?.state.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
      const at = cluster.clock.now;
      let waiting;
      let waited = 0;
      while (!webStatus(cluster, 'crashy')?.state.running) {
        cluster.advance(1000);
        waited += 1000;
        waiting ??= webStatus(cluster, 'crashy')?.state.waiting;
      }
      expect(cluster.clock.now - at).toBe(waited);
      expect(waited).toBe(ms);
      return waiting;
    };
    expect(restartsAfter(1000)).toBeUndefined();
    expect(webStatus(cluster, 'crashy')?.restartCount).toBe(1);
    expect(webStatus(cluster, 'crashy')?.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });

    const uid = getPod(cluster, 'crashy')?.metadata.uid;
    expect(restartsAfter(10_000)).toEqual({
      reason: 'CrashLoopBackOff',
      message: `back-off 10s restarting failed container=web pod=crashy_default(${uid})`,
    });
    expect(restartsAfter(20_000)?.message).toContain('back-off 20s');
    expect(restartsAfter(40_000)?.message).toContain('back-off 40s');
    expect(restartsAfter(80_000)?.message).toContain('back-off 1m20s');
    expect(webStatus(cluster, 'crashy')?.restartCount).toBe(5);
    expect(getPod(cluster, 'crashy')?.status?.phase).toBe('Running');
    expect(podEvents(cluster, 'crashy')).toContain(`BackOff: Back-off restarting failed container web in pod crashy_default(${uid})`);
  });

  it('restartPolicy Never leaves a crashed container terminated and the Pod Failed', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('once', {}, { restartPolicy: 'Never' }));
    cluster.advance(3000);
    cluster.crashContainer('default', 'once');
    cluster.advance(60_000);
    expect(webStatus(cluster, 'once')).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } });
    expect(getPod(cluster, 'once')?.status?.phase).toBe('Failed');
    expect(getPod(cluster, 'once')?.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('a running container listens on its declared ports, and only while it runs', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('web', { ports: [{ containerPort: 8080 }, { containerPort: 53, protocol: 'UDP' }] }));
    cluster.advance(1500);
    const ip = getPod(cluster, 'web')?.status?.podIP ?? '';
    const sandbox = cluster.nodes.get('node-1')?.sandboxes.get(ip);
    expect(webStatus(cluster, 'web')?.state.waiting?.reason).toBe('ContainerCreating');
    expect([...(sandbox?.listening ?? [])]).toEqual([]);
    cluster.advance(2000);
    expect([...(sandbox?.listening ?? [])].sort()).toEqual(['TCP/8080', 'UDP/53']);
    cluster.crashContainer('default', 'web');
    expect([...(sandbox?.listening ?? [])]).toEqual([]);
    cluster.advance(1000);
    cluster.crashContainer('default', 'web');
    cluster.advance(1000);
    expect(webStatus(cluster, 'web')?.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect([...(sandbox?.listening ?? [])]).toEqual([]);
  });
});
