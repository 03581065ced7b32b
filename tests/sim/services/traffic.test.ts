import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Pod } from '../../../sim/api/types';
import { clusterWith, exec, podsOf, webAndClient } from './cluster-fixture';

describe('traffic to a Service', () => {
  it('one curl with three URLs is served by one Pod; 300 separate curls reach every endpoint', () => {
    const cluster = clusterWith(webAndClient());
    const names = new Set(podsOf(cluster, 'web').map((p) => p.metadata.name));
    expect(names.size).toBe(3);

    const keepAlive = exec(cluster, 'client', ['curl', '-s', 'http://web/', 'http://web/a', 'http://web/b']);
    expect(keepAlive.exitCode).toBe(0);
    // serve-hostname writes no newline: three answers from one Pod are its name three times over.
    expect([...names].filter((n) => keepAlive.stdout === n.repeat(3))).toHaveLength(1);

    const reached = new Set<string>();
    for (let i = 0; i < 300; i++) reached.add(exec(cluster, 'client', ['curl', '-s', 'http://web/']).stdout.trim());
    expect(reached).toEqual(names);
  });

  it('a Pod that fails readiness leaves the endpoints and gets no new connection, without a restart', () => {
    const cluster = clusterWith(
      webAndClient({ readinessProbe: '{exec: {command: [cat, /tmp/healthy]}, periodSeconds: 5}' }),
      5_000,
    );
    const pods = podsOf(cluster, 'web');
    for (const p of pods) expect(exec(cluster, p.metadata.name, ['touch', '/tmp/healthy']).exitCode).toBe(0);
    cluster.advance(30_000);
    const conditions = () =>
      Object.fromEntries(
        cluster.store
          .list<EndpointSlice>('EndpointSlice', 'default')
          .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')
          .flatMap((s) => s.endpoints.map((e) => [e.targetRef!.name, e.conditions.ready])),
      );
    const sick = pods[0].metadata.name;
    expect(conditions()[sick]).toBe(true);

    exec(cluster, sick, ['rm', '/tmp/healthy']);
    cluster.advance(30_000);
    expect(conditions()[sick]).toBe(false);

    const reached = new Set<string>();
    for (let i = 0; i < 200; i++) reached.add(exec(cluster, 'client', ['curl', '-s', '-m', '2', 'http://web/']).stdout.trim());
    expect(reached.has(sick)).toBe(false);
    expect(reached.size).toBe(2);
    const restarts = cluster.store.get<Pod>('Pod', 'default', sick)!.status!.containerStatuses![0].restartCount;
    expect(restarts).toBe(0);
  });

  it('prints curl errors as curl does', () => {
    const cluster = clusterWith(webAndClient({ replicas: 0 }));
    const noHost = exec(cluster, 'client', ['curl', '-sS', 'http://nosuch/']);
    expect(noHost.exitCode).toBe(6);
    expect(noHost.stderr).toContain('curl: (6) Could not resolve host: nosuch\n');

    // A Service with no endpoints: kube-proxy REJECTs, so the connection is refused at once.
    const ip = cluster.store.get<{ spec: { clusterIP: string } } & EndpointSlice>('Service', 'default', 'web')!.spec.clusterIP;
    const refused = exec(cluster, 'client', ['curl', '-sS', 'http://web/']);
    expect(refused.exitCode).toBe(7);
    expect(refused.stderr).toContain(`curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server\n`);

    // An address nothing answers for: the SYN is dropped, -m gives up.
    const dropped = exec(cluster, 'client', ['curl', '-sS', '-m', '5', 'http://10.96.0.200/']);
    expect(dropped.exitCode).toBe(28);
    expect(dropped.stderr).toContain('curl: (28) Connection timed out after 5002 milliseconds\n');
    expect(dropped.elapsedMs).toBeGreaterThanOrEqual(5000);

    // -s alone hides the error line; the exit code stays.
    const silent = exec(cluster, 'client', ['curl', '-s', `http://${ip}/`]);
    expect(silent.exitCode).toBe(7);
    expect(silent.stderr).not.toContain('curl:');
  });

  it('curl -v prints the exchange and the reuse of the connection', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const ip = cluster.store.get<{ spec: { clusterIP: string } } & EndpointSlice>('Service', 'default', 'web')!.spec.clusterIP;
    const v = exec(cluster, 'client', ['curl', '-sv', 'http://web/', 'http://web/b']);
    expect(v.exitCode).toBe(0);
    const lines = v.stderr.split('\n');
    expect(lines.slice(0, 10)).toEqual([
      '* Host web:80 was resolved.',
      '* IPv6: (none)',
      `* IPv4: ${ip}`,
      `*   Trying ${ip}:80...`,
      `* Connected to web (${ip}) port 80`,
      '> GET / HTTP/1.1',
      '> Host: web',
      '> User-Agent: curl/8.7.1',
      '> Accept: */*',
      '> ',
    ]);
    expect(lines).toContain('* Re-using existing connection with host web');
    expect(lines).toContain('< HTTP/1.1 200 OK');
    expect(lines.filter((l) => l.startsWith('*   Trying'))).toHaveLength(1);
  });
});
