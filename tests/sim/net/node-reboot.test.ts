import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { addSandbox, addService } from './fixtures';

/** A client on node-1, and a Service whose only endpoint is a Pod sandbox on node-2. */
function setUp() {
  const cluster = new Cluster();
  const client = addSandbox(cluster, 'node-1', 'client', []);
  const web = addSandbox(cluster, 'node-2', 'web-a');
  const svc = addService(cluster, 'web', [{ sandbox: web, node: 'node-2' }]);
  cluster.settle();
  const node1 = cluster.nodes.get('node-1')!;
  const connect = () => cluster.dataplane.connect({ fromIP: client.ip, protocol: 'TCP', dstIP: svc.spec.clusterIP!, dstPort: 80 });
  return { cluster, node1, web, svc, connect };
}

const ruleCount = (cluster: Cluster, node: string) => [...cluster.nodes.get(node)!.netfilter.nat.chains.values()].reduce((n, c) => n + c.rules.length, 0);

describe('a node that is stopped and started again', () => {
  it('while stopped, its kube-proxy does not sync and packets through it time out', () => {
    const { cluster, node1, connect } = setUp();
    const syncs = node1.kubeProxy!.syncCount;
    cluster.stopNode('node-1');
    addService(cluster, 'other', []);
    cluster.advance(120_000);
    expect(node1.kubeProxy!.syncCount).toBe(syncs);
    const r = connect();
    expect(r.outcome).toBe('timeout');
    expect(r.trace.at(-1)?.note).toBe('node-1 is down: the packet is lost');
  });

  it('boots with empty iptables tables and conntrack table, until kube-proxy syncs again', () => {
    const { cluster, node1, connect } = setUp();
    expect(connect().outcome).toBe('established');
    expect(node1.conntrack.list(cluster.clock.now)).not.toHaveLength(0);

    cluster.stopNode('node-1');
    cluster.advance(60_000);
    cluster.startNode('node-1');
    // Rules are not persisted across a reboot: only the built-in chains, no connection tracked.
    expect([...node1.netfilter.nat.chains.keys()]).toEqual(['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']);
    expect(ruleCount(cluster, 'node-1')).toBe(0);
    expect(node1.conntrack.list(cluster.clock.now)).toEqual([]);
    // With no rules, the ClusterIP is just an address the VPC has no route for.
    expect(connect().outcome).toBe('timeout');

    cluster.advance(5_000);
    expect(ruleCount(cluster, 'node-1')).toBeGreaterThan(0);
    expect(ruleCount(cluster, 'node-1')).toBe(ruleCount(cluster, 'node-3'));
    expect(connect().server?.podName).toBe('web-a');
  });
});
