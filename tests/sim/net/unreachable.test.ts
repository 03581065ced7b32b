import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../sim/api/types';
import { resolve } from '../../../sim/addons/dns/resolver';
import { clusterWith, exec, webAndClient } from '../services/cluster-fixture';

/** An address inside a running node's Pod CIDR that no Pod has. */
function emptyPodIP(cluster: ReturnType<typeof clusterWith>): string {
  const client = cluster.store.get<Pod>('Pod', 'default', 'client')!;
  const node = cluster.nodes.get(client.spec.nodeName!)!;
  return node.podCIDR.replace(/0\/24$/, '200');
}

describe('a Pod IP that no Pod has, on a running node', () => {
  it('curl fails with (7) once ARP gives up, 3 s later; -v names EHOSTUNREACH', () => {
    const cluster = clusterWith(webAndClient({ replicas: 0 }));
    const ip = emptyPodIP(cluster);
    const r = exec(cluster, 'client', ['curl', '-sS', `http://${ip}/`]);
    expect(r.exitCode).toBe(7);
    expect(r.stderr).toContain(`curl: (7) Failed to connect to ${ip} port 80 after 3002 ms: Couldn't connect to server\n`);
    expect(r.elapsedMs).toBe(3000);

    const v = exec(cluster, 'client', ['curl', '-sv', `http://${ip}/`]);
    expect(v.stderr).toMatch(new RegExp(`\\* connect to ${ip.replace(/\./g, '\\.')} port 80 from [0-9.]+ port \\d+ failed: No route to host\n`));
  });

  it('-m shorter than the ARP wait: curl times out first (28)', () => {
    const cluster = clusterWith(webAndClient({ replicas: 0 }));
    const r = exec(cluster, 'client', ['curl', '-sS', '-m', '2', `http://${emptyPodIP(cluster)}/`]);
    expect(r.exitCode).toBe(28);
    expect(r.stderr).toContain('curl: (28) Connection timed out after 2002 milliseconds\n');
  });
});

describe('a name server address that no Pod has', () => {
  it('each of the 2 attempts ends when ARP gives up (3 s), not after the 5 s timeout', () => {
    const cluster = clusterWith(webAndClient({ replicas: 0 }));
    const files = new Map([['/etc/resolv.conf', `nameserver ${emptyPodIP(cluster)}\n`]]);
    const client = cluster.store.get<Pod>('Pod', 'default', 'client')!.status!.podIP!;
    const r = resolve(cluster, client, files, 'web.default.svc.cluster.local.', 'A');
    expect(r.failure).toBe('unreachable');
    expect(r.queries.map((q) => q.outcome)).toEqual(['unreachable', 'unreachable']);
    expect(r.elapsedMs).toBe(6000);
  });
});
