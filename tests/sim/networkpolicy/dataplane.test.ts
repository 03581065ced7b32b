import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../../../sim/cluster-config';
import { resolve } from '../../../sim/addons/dns/resolver';
import { buildModel, policy, type NetpolModel, type PodString } from './model';
import { Reachability, dataplaneProbe, validateOrFail } from './reachability';

/** Connections through `cluster.dataplane`: what curl would see, with the trace of each. */
const connect = (m: NetpolModel, from: PodString, to: PodString, port: number) =>
  m.cluster.dataplane.connect({ fromIP: m.ip(from), protocol: 'TCP', dstIP: m.ip(to), dstPort: port });

const denyAll = (ns: string) => policy(ns, 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

describe('NetworkPolicy enforced on real connections', () => {
  it("the upstream 'default-deny-ingress' grid, probed with connections", () => {
    const m = buildModel();
    m.apply(policy('x', 'deny-ingress', { podSelector: {}, ingress: [] }));
    validateOrFail(new Reachability().expectPeer({}, { namespace: 'x' }, false), dataplaneProbe(m, 80));
  });

  it('a pod-selector allow on one port: the other port stays closed, end to end', () => {
    const m = buildModel();
    m.apply(policy('x', 'x-a-allows-x-b-on-81', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }], ports: [{ port: 81 }] }] }));
    validateOrFail(new Reachability().expectAllIngress('x/a', false), dataplaneProbe(m, 80));
    validateOrFail(new Reachability().expectAllIngress('x/a', false).expect('x/b', 'x/a', true), dataplaneProbe(m, 81));
  });

  it('a blocked connection times out (dropped, no reset), where a closed port is refused', () => {
    const m = buildModel();
    expect(connect(m, 'y/a', 'x/a', 8080).outcome).toBe('refused');
    m.apply(policy('x', 'deny-ingress', { podSelector: {}, ingress: [] }));
    const blocked = connect(m, 'y/a', 'x/a', 80);
    expect(blocked.outcome).toBe('timeout');
    const drop = blocked.trace.find((h) => h.action === 'DROP');
    expect(drop?.note).toContain('isolated for ingress by NetworkPolicy x/deny-ingress');
    // Dropped at the server's interface: the packet crossed the network, unchanged, to get there.
    expect(drop?.packet).toMatchObject({ src: m.ip('y/a'), dst: m.ip('x/a'), dport: 80 });
  });

  it("egress is checked at the client's node, after nat PREROUTING: the packet never leaves its node", () => {
    const m = buildModel();
    m.apply(denyAll('x'));
    const blocked = connect(m, 'x/a', 'y/a', 80);
    expect(blocked.outcome).toBe('timeout');
    expect(blocked.trace.map((h) => h.where.replace(/veth\w+/, 'veth'))).toEqual(['pod a eth0', `${blocked.trace[1].node} nat PREROUTING`, `${blocked.trace[1].node} veth`]);
    expect(blocked.trace[2].action).toBe('DROP');
    expect(blocked.trace[2].note).toContain('isolated for egress by NetworkPolicy x/deny-all');
  });

  it('an open connection survives a new deny policy (conntrack), a new one does not', () => {
    const m = buildModel();
    const open = connect(m, 'y/b', 'x/a', 80);
    expect(open.outcome).toBe('established');
    m.apply(denyAll('x'));
    expect(open.connection!.send().outcome).toBe('established');
    expect(connect(m, 'y/b', 'x/a', 80).outcome).toBe('timeout');
  });

  it('flannel stores the policy and enforces nothing: every connection is established', () => {
    const m = buildModel({ config: { ...defaultClusterConfig, cni: { name: 'flannel', enforcesNetworkPolicy: false } } });
    m.apply(denyAll('x'), denyAll('y'), denyAll('z'));
    expect(m.cluster.store.list('NetworkPolicy')).toHaveLength(3);
    validateOrFail(new Reachability(), dataplaneProbe(m, 80));
  });
});

describe('the DNS gotcha', () => {
  it('with egress denied, a Pod cannot resolve names: each query times out (2 attempts × 5 s)', () => {
    const m = buildModel();
    const lookup = (p: PodString) => {
      const [ns, name] = p.split('/');
      const resolvConf = m.cluster.exec(ns, name, 'cont-80-tcp', ['cat', '/etc/resolv.conf']).stdout;
      return resolve(m.cluster, m.ip(p), new Map([['/etc/resolv.conf', resolvConf]]), 'kubernetes.default', 'A');
    };
    m.apply(policy('x', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] }));
    expect(lookup('y/a').response?.answers[0]).toMatchObject({ name: 'kubernetes.default.svc.cluster.local', type: 'A' });
    const denied = lookup('x/a');
    expect(denied.failure).toBe('unreachable');
    expect(denied.elapsedMs).toBe(10_000);
  });
});
