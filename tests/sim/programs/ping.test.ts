import { describe, expect, it } from 'vitest';
import { clusterWith, exec, podsOf, webAndClient } from '../services/cluster-fixture';
import type { Pod, Service } from '../../../sim/api/types';

describe('ICMP in the data plane', () => {
  it('a Pod answers an echo request; a ClusterIP does not: it leaves by the default route and is lost', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const client = cluster.store.get<Pod>('Pod', 'default', 'client')!.status!.podIP!;
    const web = podsOf(cluster, 'web')[0].status!.podIP!;
    expect(cluster.dataplane.echo(client, web).outcome).toBe('established');
    const clusterIP = cluster.store.get<Service>('Service', 'default', 'web')!.spec.clusterIP!;
    const toService = cluster.dataplane.echo(client, clusterIP);
    expect(toService.outcome).toBe('timeout');
    expect(toService.trace.some((h) => h.action === 'DNAT')).toBe(false);
    // The VPC's default route leads to the internet gateway, which has nothing to do with a private address.
    expect(toService.trace[toService.trace.length - 1]).toMatchObject({ where: 'igw', action: 'DROP' });
    // The same address answers TCP on the Service's port: kube-proxy translates only that.
    expect(cluster.dataplane.connect({ fromIP: client, protocol: 'TCP', dstIP: clusterIP, dstPort: 80 }).outcome).toBe('established');
  });
});

describe('ping (busybox)', () => {
  it('gets replies from a Pod IP, with the TTL less each node that routed it', () => {
    const cluster = clusterWith(webAndClient({ replicas: 4 }));
    const client = cluster.store.get<Pod>('Pod', 'default', 'client')!;
    const far = podsOf(cluster, 'web').find((p) => p.spec.nodeName !== client.spec.nodeName)!;
    const near = podsOf(cluster, 'web').find((p) => p.spec.nodeName === client.spec.nodeName)!;
    const ip = far.status!.podIP!;
    const r = exec(cluster, 'client', ['ping', '-c', '3', ip]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`PING ${ip} (${ip}): 56 data bytes`);
    expect(lines[1]).toMatch(new RegExp(`^64 bytes from ${ip.replace(/\./g, '\\.')}: seq=0 ttl=62 time=\\d+\\.\\d{3} ms$`));
    expect(lines[3]).toMatch(/seq=2 ttl=62/);
    expect(lines.slice(4, 7)).toEqual(['', `--- ${ip} ping statistics ---`, '3 packets transmitted, 3 packets received, 0% packet loss']);
    expect(lines[7]).toMatch(/^round-trip min\/avg\/max = \d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3} ms$/);
    expect(r.exitCode).toBe(0);
    expect(r.elapsedMs).toBe(2000);
    // Pods on one node share its bridge: nothing routes the packet. The node itself answers too.
    expect(exec(cluster, 'client', ['ping', '-c', '1', near.status!.podIP!]).stdout).toMatch(/ttl=64/);
    expect(exec(cluster, 'client', ['ping', '-c', '1', cluster.nodes.get(far.spec.nodeName!)!.ip]).stdout).toMatch(/ttl=63/);
  });

  it('gets no reply from a ClusterIP: 100% packet loss after -W seconds, exit code 1', () => {
    const cluster = clusterWith(webAndClient());
    const ip = cluster.store.get<Service>('Service', 'default', 'web')!.spec.clusterIP!;
    const r = exec(cluster, 'client', ['ping', '-c', '2', '-W', '1', 'web']);
    expect(r.stdout).toBe(`PING web (${ip}): 56 data bytes\n\n--- web ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n`);
    expect(r.stderr).toBe('command terminated with exit code 1\n');
    expect(r.elapsedMs).toBe(2000);
  });

  it('answers a bad name and a missing count clearly', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    expect(exec(cluster, 'client', ['ping', '-c', '1', 'nosuch']).stderr).toBe("ping: bad address 'nosuch'\ncommand terminated with exit code 1\n");
    expect(exec(cluster, 'client', ['ping', 'web']).stderr).toContain('add -c 3');
  });
});
