import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import type { Hop } from '../../../sim/net/packet';
import { addSandbox, addService, removeSandbox, setEndpoints } from './fixtures';

const rewrites = (trace: Hop[]) => trace.filter((h) => h.action === 'DNAT' || h.action === 'SNAT' || h.action === 'MASQUERADE');

function threeWebPods(cluster: Cluster) {
  const client = addSandbox(cluster, 'node-1', 'client', []);
  const pods = [addSandbox(cluster, 'node-1', 'web-a'), addSandbox(cluster, 'node-2', 'web-b'), addSandbox(cluster, 'node-3', 'web-c')];
  const svc = addService(cluster, 'web', pods.map((sandbox, i) => ({ sandbox, node: `node-${i + 1}` })));
  cluster.settle();
  return { client, pods, clusterIP: svc.spec.clusterIP! };
}

describe('Pod to Pod', () => {
  it('on one node: no NAT at any hop, the source IP preserved', () => {
    const cluster = new Cluster();
    const a = addSandbox(cluster, 'node-1', 'a', []);
    const b = addSandbox(cluster, 'node-1', 'b', [80]);
    cluster.settle();
    const r = cluster.dataplane.connect({ fromIP: a.ip, protocol: 'TCP', dstIP: b.ip, dstPort: 80 });
    expect(r.outcome).toBe('established');
    expect(r.server?.podName).toBe('b');
    expect(rewrites(r.trace)).toEqual([]);
    expect(r.trace.every((h) => h.packet.src === a.ip && h.packet.dst === b.ip)).toBe(true);
    expect(r.trace.some((h) => h.where === 'vpc')).toBe(false);
  });

  it('across nodes: the packet crosses the VPC with both Pod IPs unchanged', () => {
    const cluster = new Cluster();
    const a = addSandbox(cluster, 'node-1', 'a', []);
    const b = addSandbox(cluster, 'node-3', 'b', [80]);
    cluster.settle();
    const r = cluster.dataplane.connect({ fromIP: a.ip, protocol: 'TCP', dstIP: b.ip, dstPort: 80 });
    expect(r.outcome).toBe('established');
    expect(rewrites(r.trace)).toEqual([]);
    const vpc = r.trace.find((h) => h.where === 'vpc')!;
    expect(vpc.packet).toMatchObject({ src: a.ip, dst: b.ip, dport: 80 });
    expect(r.trace.at(-1)).toMatchObject({ where: 'pod b eth0', action: 'deliver', packet: { src: a.ip } });
  });

  it('a port nobody listens on is refused; an IP no Pod has is unreachable', () => {
    const cluster = new Cluster();
    const a = addSandbox(cluster, 'node-1', 'a', []);
    const b = addSandbox(cluster, 'node-2', 'b', [80]);
    cluster.settle();
    expect(cluster.dataplane.connect({ fromIP: a.ip, protocol: 'TCP', dstIP: b.ip, dstPort: 81 }).outcome).toBe('refused');
    expect(cluster.dataplane.connect({ fromIP: a.ip, protocol: 'TCP', dstIP: '10.244.2.200', dstPort: 80 }).outcome).toBe('unreachable');
  });

  it('client source ports come from ip_local_port_range', () => {
    const cluster = new Cluster();
    const a = addSandbox(cluster, 'node-1', 'a', []);
    const b = addSandbox(cluster, 'node-2', 'b', [80]);
    for (let i = 0; i < 50; i++) {
      const { sport } = cluster.dataplane.connect({ fromIP: a.ip, protocol: 'TCP', dstIP: b.ip, dstPort: 80 }).trace[0].packet;
      expect(sport).toBeGreaterThanOrEqual(32768);
      expect(sport).toBeLessThanOrEqual(60999);
    }
  });
});

describe('ClusterIP', () => {
  it('is DNATed to a Pod IP on the source node, by a KUBE-SEP rule', () => {
    const cluster = new Cluster();
    const { client, pods, clusterIP } = threeWebPods(cluster);
    const r = cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: clusterIP, dstPort: 80 });
    expect(r.outcome).toBe('established');
    const dnat = r.trace.find((h) => h.action === 'DNAT')!;
    expect(dnat.where).toBe('node-1 nat PREROUTING');
    expect(dnat.rule).toMatch(/^-A KUBE-SEP-[A-Z2-7]{16} -p tcp -m comment --comment "default\/web:http" -m tcp -j DNAT --to-destination 10\.244\.\d+\.\d+:8080$/);
    expect(pods.map((p) => p.ip)).toContain(dnat.packet.dst);
    expect(dnat.packet.src).toBe(client.ip);
    expect(r.server?.ip).toBe(dnat.packet.dst);
  });

  it('balances per connection: many requests on one connection stay on one Pod; 300 connections reach all', () => {
    const cluster = new Cluster();
    const { client, clusterIP } = threeWebPods(cluster);
    const conn = cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: clusterIP, dstPort: 80 }).connection!;
    const served = new Set(Array.from({ length: 100 }, () => conn.send().server?.podName));
    expect(served).toEqual(new Set([conn.server?.podName]));
    expect(conn.send().trace.some((h) => h.action === 'conntrack' && h.rule?.includes('DNAT'))).toBe(true);

    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const r = cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: clusterIP, dstPort: 80 });
      counts.set(r.server!.podName, (counts.get(r.server!.podName) ?? 0) + 1);
      r.connection!.close();
    }
    expect([...counts.keys()].sort()).toEqual(['web-a', 'web-b', 'web-c']);
    for (const n of counts.values()) expect(n).toBeGreaterThan(60);
  });

  it('with no endpoints is refused by the filter table REJECT rule', () => {
    const cluster = new Cluster();
    const client = addSandbox(cluster, 'node-1', 'client', []);
    const svc = addService(cluster, 'empty', []);
    cluster.settle();
    const r = cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: svc.spec.clusterIP!, dstPort: 80 });
    expect(r.outcome).toBe('refused');
    expect(r.trace.at(-1)).toMatchObject({ where: 'node-1 filter FORWARD', action: 'REJECT' });
    expect(r.trace.at(-1)!.rule).toBe(
      `-A KUBE-SERVICES -d ${svc.spec.clusterIP}/32 -p tcp -m comment --comment "default/empty:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable`,
    );
  });

  it('answers nothing by itself: without rules the packet follows the default route and is lost', () => {
    const cluster = new Cluster();
    cluster.stopKubeProxy('node-1');
    const { client, clusterIP } = threeWebPods(cluster);
    const r = cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: clusterIP, dstPort: 80 });
    expect(r.outcome).toBe('timeout');
    expect(r.trace.find((h) => h.where === 'node-1 routing')?.note).toMatch(/^default via/);
  });

  it('masquerades a Pod that reaches itself through its Service (hairpin)', () => {
    const cluster = new Cluster();
    const web = addSandbox(cluster, 'node-2', 'web-a');
    const svc = addService(cluster, 'web', [{ sandbox: web, node: 'node-2' }]);
    cluster.settle();
    const r = cluster.dataplane.connect({ fromIP: web.ip, protocol: 'TCP', dstIP: svc.spec.clusterIP!, dstPort: 80 });
    expect(r.outcome).toBe('established');
    const masq = r.trace.find((h) => h.action === 'MASQUERADE')!;
    expect(masq.rule).toContain('-j MASQUERADE --random-fully');
    expect(masq.packet.src).toBe('10.244.2.1');
  });

  it('with sessionAffinity ClientIP sends every new connection of a client to the same Pod', () => {
    const cluster = new Cluster();
    const client = addSandbox(cluster, 'node-1', 'client', []);
    const pods = [addSandbox(cluster, 'node-2', 'web-a'), addSandbox(cluster, 'node-3', 'web-b')];
    const svc = addService(cluster, 'web', pods.map((sandbox, i) => ({ sandbox, node: `node-${i + 2}` })), { sessionAffinity: 'ClientIP' });
    cluster.settle();
    const servers = new Set<string>();
    for (let i = 0; i < 30; i++) servers.add(cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: svc.spec.clusterIP!, dstPort: 80 }).server!.podName);
    expect(servers.size).toBe(1);
  });

  it('falls back to serving, terminating endpoints when none is ready', () => {
    const cluster = new Cluster();
    const client = addSandbox(cluster, 'node-1', 'client', []);
    const old = addSandbox(cluster, 'node-2', 'web-old');
    const unready = addSandbox(cluster, 'node-3', 'web-new');
    const svc = addService(cluster, 'web', [
      { sandbox: old, node: 'node-2', ready: false, serving: true, terminating: true },
      { sandbox: unready, node: 'node-3', ready: false, serving: false },
    ]);
    cluster.settle();
    for (let i = 0; i < 10; i++) expect(cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: svc.spec.clusterIP!, dstPort: 80 }).server?.podName).toBe('web-old');
  });
});

describe('kube-proxy stopped on a node', () => {
  it("leaves that node's rules stale: a deleted Pod's DNAT stays and new connections to it fail", () => {
    const cluster = new Cluster();
    const client = addSandbox(cluster, 'node-1', 'client', []);
    const gone = addSandbox(cluster, 'node-2', 'web-a');
    const svc = addService(cluster, 'web', [{ sandbox: gone, node: 'node-2' }]);
    cluster.settle();
    cluster.stopKubeProxy('node-1');
    removeSandbox(cluster, gone);
    const fresh = addSandbox(cluster, 'node-3', 'web-b');
    setEndpoints(cluster, 'web', [{ sandbox: fresh, node: 'node-3' }]);
    cluster.advance(60_000);
    const ip = svc.spec.clusterIP!;
    expect(cluster.nodes.get('node-1')!.netfilter.nat.chains.size).toBeGreaterThan(0);
    const stale = cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: ip, dstPort: 80 });
    expect(stale.outcome).toBe('unreachable');
    expect(stale.trace.find((h) => h.action === 'DNAT')!.packet.dst).toBe(gone.ip);

    // The other nodes' kube-proxy kept up: from node-3 the same ClusterIP reaches the new Pod.
    const other = addSandbox(cluster, 'node-3', 'client-3', []);
    expect(cluster.dataplane.connect({ fromIP: other.ip, protocol: 'TCP', dstIP: ip, dstPort: 80 }).server?.podName).toBe('web-b');

    cluster.startKubeProxy('node-1');
    cluster.settle();
    expect(cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: ip, dstPort: 80 }).server?.podName).toBe('web-b');
  });
});

describe('the data plane never reads a label', () => {
  it('after the rules are synced, reading any API object (and so any label) throws: traffic is unchanged', () => {
    const run = (poison: boolean) => {
      const cluster = new Cluster({ seed: 7 });
      const { client, clusterIP } = threeWebPods(cluster);
      if (poison) {
        const refuse = (): never => {
          throw new Error('the data plane read the API store');
        };
        Object.assign(cluster.store, { get: refuse, list: refuse });
      }
      return Array.from({ length: 20 }, () => cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: clusterIP, dstPort: 80 }).server?.podName);
    };
    const served = run(true);
    expect(served).toEqual(run(false));
    expect(new Set(served).size).toBeGreaterThan(1);
  });
});
