import { describe, expect, it } from 'vitest';
import { applyManifests } from '../../../sim/api/apply';
import { clusterWith, exec } from '../services/cluster-fixture';
import type { Service } from '../../../sim/api/types';

const web = `
apiVersion: v1
kind: Service
metadata: {name: my-web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}, {port: 53, protocol: UDP, name: dns}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers:
  - name: client
    image: busybox
    command: [sleep, "3600"]
    env: [{name: GREETING, value: "hello $(MY_WEB_SERVICE_HOST) $$(x)"}]
`;

describe('service environment variables', () => {
  it('sets the Docker-links style variables for every Service that existed when the container started', () => {
    const cluster = clusterWith(web);
    const ip = cluster.store.get<Service>('Service', 'default', 'my-web')!.spec.clusterIP!;
    const r = exec(cluster, 'client', ['printenv']);
    const env = r.stdout.split('\n');
    expect(env.slice(0, 3)).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=client', `GREETING=hello ${ip} $(x)`]);
    for (const line of [
      'KUBERNETES_SERVICE_HOST=10.96.0.1',
      'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
      `MY_WEB_SERVICE_HOST=${ip}`,
      'MY_WEB_SERVICE_PORT=80',
      'MY_WEB_SERVICE_PORT_HTTP=80',
      'MY_WEB_SERVICE_PORT_DNS=53',
      `MY_WEB_PORT=tcp://${ip}:80`,
      `MY_WEB_PORT_80_TCP=tcp://${ip}:80`,
      'MY_WEB_PORT_80_TCP_PROTO=tcp',
      'MY_WEB_PORT_80_TCP_PORT=80',
      `MY_WEB_PORT_80_TCP_ADDR=${ip}`,
      `MY_WEB_PORT_53_UDP=udp://${ip}:53`,
      'MY_WEB_PORT_53_UDP_PROTO=udp',
      'HOME=/root',
    ]) {
      expect(env).toContain(line);
    }
    expect(exec(cluster, 'client', ['env']).stdout).toBe(r.stdout);
  });

  it('does not add a Service created after the container started, until it restarts', () => {
    const cluster = clusterWith(web);
    expect(applyManifests(cluster, 'apiVersion: v1\nkind: Service\nmetadata: {name: late}\nspec:\n  ports: [{port: 80}]\n', 'late.yaml').errors).toEqual([]);
    cluster.advance(1000);
    expect(exec(cluster, 'client', ['printenv', 'LATE_SERVICE_HOST'])).toMatchObject({ stdout: '', exitCode: 1 });
    cluster.crashContainer('default', 'client');
    cluster.advance(30_000);
    const ip = cluster.store.get<Service>('Service', 'default', 'late')!.spec.clusterIP!;
    expect(exec(cluster, 'client', ['printenv', 'LATE_SERVICE_HOST'])).toMatchObject({ stdout: `${ip}\n`, exitCode: 0 });
  });

  it('env runs a command with extra variables', () => {
    const cluster = clusterWith(web);
    expect(exec(cluster, 'client', ['env', 'A=1', 'printenv', 'A']).stdout).toBe('1\n');
  });
});
