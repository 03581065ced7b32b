import { describe, expect, it } from 'vitest';
import { boundPod, getPod, podEvents, startCluster, webStatus } from './helpers';
import type { Cluster } from '../../../sim/cluster';

const listening = (cluster: Cluster, name: string) => {
  const ip = getPod(cluster, name)?.status?.podIP ?? '';
  return [...(cluster.nodes.get('node-1')?.sandboxes.get(ip)?.listening ?? [])].sort();
};
const log = (cluster: Cluster, name: string, previous = false) => {
  const pod = getPod(cluster, name)!;
  return cluster.nodes.get('node-1')?.kubelet?.containerLog(pod, 'web', previous);
};

describe('a container runs what its image and spec say', () => {
  it('well-known images listen on their real ports, whatever containerPorts say', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('nginx', { image: 'nginx:1.27' }));
    cluster.store.create(boundPod('hostnames', { image: 'registry.k8s.io/serve_hostname' }));
    cluster.store.create(boundPod('netexec', { image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['netexec', '--http-port=8081'], ports: [{ containerPort: 9999 }] }));
    cluster.store.create(boundPod('pause', { image: 'registry.k8s.io/e2e-test-images/agnhost:2.53' }));
    cluster.store.create(boundPod('echo', { image: 'hashicorp/http-echo', args: ['-listen=:9090', '-text=hi'] }));
    cluster.store.create(boundPod('redis', { image: 'docker.io/library/redis:7' }));
    // The node pulls the five images one after the other (about 6 s in all).
    cluster.advance(10_000);
    expect(listening(cluster, 'nginx')).toEqual(['TCP/80']);
    expect(listening(cluster, 'hostnames')).toEqual(['TCP/9376']);
    expect(listening(cluster, 'netexec')).toEqual(['TCP/8081', 'UDP/8081']);
    expect(listening(cluster, 'pause')).toEqual([]);
    expect(listening(cluster, 'echo')).toEqual(['TCP/9090']);
    expect(listening(cluster, 'redis')).toEqual(['TCP/6379']);
    cluster.advance(600_000);
    for (const name of ['nginx', 'pause', 'redis']) expect(webStatus(cluster, name)).toMatchObject({ restartCount: 0, state: { running: {} } });
  });

  it('busybox with no command: sh exits at once, Completed, then CrashLoopBackOff with a growing back-off', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('b', { image: 'busybox' }));
    // `busybox` has no tag: imagePullPolicy Always, so each start pulls first (0.3 s, then 0.25 s).
    cluster.advance(2500);
    expect(webStatus(cluster, 'b')).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    cluster.advance(1100);
    expect(webStatus(cluster, 'b')).toMatchObject({ restartCount: 1, state: { terminated: { reason: 'Completed' } } });
    cluster.advance(1000);
    expect(webStatus(cluster, 'b')?.state.waiting?.message).toMatch(/^back-off 10s restarting failed container=web/);
    cluster.advance(20_000);
    expect(webStatus(cluster, 'b')?.state.waiting?.message).toMatch(/^back-off 20s /);
    expect(webStatus(cluster, 'b')?.restartCount).toBe(2);
    expect(getPod(cluster, 'b')?.status?.phase).toBe('Running');
  });

  it('curl with no URL exits 2: Error', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('c', { image: 'curlimages/curl:8.8.0' }, { restartPolicy: 'Never' }));
    cluster.advance(3000);
    expect(webStatus(cluster, 'c')?.state.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(getPod(cluster, 'c')?.status?.phase).toBe('Failed');
  });

  it('sleep N runs N virtual seconds, then Completed; restartPolicy Never leaves it Succeeded', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('s', { image: 'busybox', args: ['sleep', '5'] }, { restartPolicy: 'Never' }));
    cluster.advance(6000);
    expect(webStatus(cluster, 's')?.state.running).toBeDefined();
    cluster.advance(1500);
    expect(webStatus(cluster, 's')?.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(getPod(cluster, 's')?.status?.phase).toBe('Succeeded');
  });

  it('the shell script is the log, and an exit code ends the container', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('hello', { image: 'busybox', command: ['sh', '-c', 'echo hello; sleep 3600'] }));
    cluster.store.create(boundPod('fails', { image: 'alpine', args: ['/bin/sh', '-c', 'for i in 1 2; do echo $i; done; exit 3'] }, { restartPolicy: 'Never' }));
    cluster.advance(3000);
    expect(log(cluster, 'hello')).toBe('hello\n');
    expect(webStatus(cluster, 'hello')?.state.running).toBeDefined();
    expect(webStatus(cluster, 'fails')?.state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(log(cluster, 'fails')).toBe('1\n2\n');
  });

  it('a while loop runs on the cluster clock, and stops when the container is killed', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('loop', { image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 1; done'] }));
    cluster.advance(2000);
    cluster.advance(4500);
    expect(log(cluster, 'loop')).toBe('tick\n'.repeat(5));
    cluster.crashContainer('default', 'loop');
    cluster.advance(500);
    expect(log(cluster, 'loop')).toBe('tick\n'.repeat(5));
    cluster.advance(2000);
    expect(log(cluster, 'loop', true)).toBe('tick\n'.repeat(5));
    expect(log(cluster, 'loop')).toBe('tick\n'.repeat(2));
  });

  it('the liveness-exec tutorial: healthy for 30 s, then busybox cat fails, the container restarts and runs the script again', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('liveness-exec', {
      image: 'registry.k8s.io/busybox:1.27.2',
      args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
    }));
    cluster.advance(40_000);
    expect(podEvents(cluster, 'liveness-exec')).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(webStatus(cluster, 'liveness-exec')?.restartCount).toBe(0);
    cluster.advance(10_000);
    expect(podEvents(cluster, 'liveness-exec')).toContain('Killing: Container web failed liveness probe, will be restarted');
    // sh as PID 1 ignores SIGTERM: the container runs on until the SIGKILL 30 s later.
    cluster.advance(20_000);
    expect(webStatus(cluster, 'liveness-exec')).toMatchObject({ restartCount: 0, state: { running: {} } });
    cluster.advance(10_000);
    expect(webStatus(cluster, 'liveness-exec')).toMatchObject({ restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 137, reason: 'Error' } } });
    expect(cluster.exec('default', 'liveness-exec', undefined, ['cat', '/tmp/healthy']).exitCode).toBe(0);
  });

  it('the liveness-http tutorial: agnhost liveness answers 500 after 10 s, and the kubelet restarts it', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('liveness-http', {
      image: 'registry.k8s.io/e2e-test-images/agnhost:2.40',
      args: ['liveness'],
      livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3, periodSeconds: 3 },
    }));
    cluster.advance(12_000);
    expect(webStatus(cluster, 'liveness-http')?.restartCount).toBe(0);
    cluster.advance(12_000);
    expect(podEvents(cluster, 'liveness-http')).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500');
    // agnhost shuts down on SIGTERM (the simulator's 2 s), so the restart comes long before the grace period ends.
    expect(webStatus(cluster, 'liveness-http')?.restartCount).toBe(1);
  });

  it('a program the image does not have: StartError, exit code 128, then back-off', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('typo', { image: 'busybox', command: ['slep', '10'] }));
    cluster.advance(3000);
    const terminated = webStatus(cluster, 'typo')?.lastState.terminated ?? webStatus(cluster, 'typo')?.state.terminated;
    expect(terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(terminated?.message).toBe('failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "slep": executable file not found in $PATH: unknown');
    expect(podEvents(cluster, 'typo').some((e) => e.startsWith('Failed: Error: failed to create containerd task'))).toBe(true);
  });
});
