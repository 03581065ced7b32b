import { describe, expect, it } from 'vitest';
import { boundPod, getPod, podEvents, podReady, startCluster, webStatus } from './helpers';

const healthyFile = { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 };

describe('kubelet probes', () => {
  it('readiness: the classic `cat /tmp/healthy` probe follows touch and rm, and never restarts', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('ready', { readinessProbe: healthyFile }));
    cluster.advance(3000);
    expect(getPod(cluster, 'ready')?.status?.phase).toBe('Running');
    expect(podReady(cluster, 'ready')).toBe('False');

    expect(cluster.exec('default', 'ready', undefined, ['touch', '/tmp/healthy']).exitCode).toBe(0);
    cluster.advance(5000);
    expect(podReady(cluster, 'ready')).toBe('True');
    expect(webStatus(cluster, 'ready')?.ready).toBe(true);

    cluster.exec('default', 'ready', undefined, ['rm', '/tmp/healthy']);
    // failureThreshold (3) × periodSeconds (5 s): not Ready within 15 s, and not before the third failure.
    cluster.advance(9000);
    expect(podReady(cluster, 'ready')).toBe('True');
    cluster.advance(6000);
    const pod = getPod(cluster, 'ready');
    expect(podReady(cluster, 'ready')).toBe('False');
    expect(pod?.status?.conditions?.find((c) => c.type === 'ContainersReady')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web]',
    });
    expect(webStatus(cluster, 'ready')?.restartCount).toBe(0);
    expect(podEvents(cluster, 'ready')).toContain('Unhealthy: Readiness probe failed: cat: /tmp/healthy: No such file or directory');

    cluster.advance(120_000);
    expect(webStatus(cluster, 'ready')?.restartCount).toBe(0);
    expect(webStatus(cluster, 'ready')?.state.running).toBeDefined();
  });

  it('liveness: a failing probe sends SIGTERM; the server stops 2 s later and restarts with a fresh filesystem', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('live', { livenessProbe: healthyFile }));
    // Sandbox at 1.1 s, the image pulled by 3.1 s: the container runs from then.
    cluster.advance(3500);
    cluster.exec('default', 'live', undefined, ['touch', '/tmp/marker']);
    // /tmp/healthy never existed: three failures 5 s apart (at 0, 5 and 10 s after start).
    cluster.advance(9000);
    expect(webStatus(cluster, 'live')?.restartCount).toBe(0);
    cluster.advance(1000);
    expect(podEvents(cluster, 'live')).toContain('Killing: Container web failed liveness probe, will be restarted');
    expect(webStatus(cluster, 'live')).toMatchObject({ restartCount: 0, state: { running: {} } });
    cluster.advance(2000);
    const status = webStatus(cluster, 'live');
    expect(status?.restartCount).toBe(1);
    expect(status?.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(status?.state.running).toBeDefined();
    expect(cluster.exec('default', 'live', undefined, ['cat', '/tmp/marker']).stderr).toBe(
      'cat: /tmp/marker: No such file or directory\ncommand terminated with exit code 1\n',
    );
  });

  it("liveness: a shell as PID 1 ignores SIGTERM and dies at the SIGKILL when the probe's grace period ends", () => {
    const cluster = startCluster();
    cluster.store.create(
      boundPod('shell', {
        image: 'busybox:1.36',
        command: ['sh', '-c', 'sleep 3600'],
        livenessProbe: { ...healthyFile, failureThreshold: 1, terminationGracePeriodSeconds: 5 },
      }, { terminationGracePeriodSeconds: 3600 }),
    );
    cluster.advance(3000);
    expect(podEvents(cluster, 'shell')).toContain('Killing: Container web failed liveness probe, will be restarted');
    // Killed at 2.4 s (the first probe fails, failureThreshold 1): SIGKILL at 7.4 s.
    cluster.advance(4000);
    expect(webStatus(cluster, 'shell')).toMatchObject({ restartCount: 0, state: { running: {} } });
    cluster.advance(1000);
    expect(webStatus(cluster, 'shell')).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 137, reason: 'Error' } } });
  });

  it('httpGet and tcpSocket succeed only on declared ports, named or numbered', () => {
    const cluster = startCluster();
    const ports = [{ name: 'http', containerPort: 8080 }];
    cluster.store.create(boundPod('good', { ports, readinessProbe: { httpGet: { path: '/healthz', port: 'http' } }, livenessProbe: { tcpSocket: { port: 8080 } } }));
    cluster.store.create(boundPod('bad', { ports, readinessProbe: { httpGet: { path: '/healthz', port: 8081 } } }));
    cluster.advance(30_000);
    expect(podReady(cluster, 'good')).toBe('True');
    expect(webStatus(cluster, 'good')?.restartCount).toBe(0);
    expect(podReady(cluster, 'bad')).toBe('False');
    const ip = getPod(cluster, 'bad')?.status?.podIP;
    expect(podEvents(cluster, 'bad')).toContain(`Unhealthy: Readiness probe failed: Get "http://${ip}:8081/healthz": dial tcp ${ip}:8081: connect: connection refused`);
  });

  it('a startup probe holds back liveness until it succeeds', () => {
    const cluster = startCluster();
    const probe = { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 5, failureThreshold: 1 };
    cluster.store.create(boundPod('slow', { startupProbe: { ...probe, failureThreshold: 30 }, livenessProbe: probe }));
    cluster.advance(60_000);
    expect(webStatus(cluster, 'slow')).toMatchObject({ restartCount: 0, started: false, ready: false });
    cluster.exec('default', 'slow', undefined, ['touch', '/tmp/started']);
    cluster.advance(5000);
    expect(webStatus(cluster, 'slow')).toMatchObject({ restartCount: 0, started: true, ready: true });
  });
});
