import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../../../sim/cluster-config';
import type { NetworkPolicy } from '../../../sim/api/types';
import { buildModel, policy, type NetpolModel } from './model';
import { Reachability, firewallProbe, validateOrFail } from './reachability';

/**
 * Truth tables over namespaces x, y, z × Pods a, b, c, in the manner of the upstream e2e suite
 * (kubernetes/kubernetes test/e2e/network/netpol/network_policy.go): each case applies policies,
 * states the expected grid, probes every ordered pair and prints the grids on failure.
 */
interface Case {
  name: string;
  policies: (m: NetpolModel) => NetworkPolicy[];
  /** Expected reachability per destination port. */
  expect: Partial<Record<80 | 81, (r: Reachability, m: NetpolModel) => void>>;
}

const nsIs = (...values: string[]) => ({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In' as const, values }] });
const nsNotIn = (...values: string[]) => ({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn' as const, values }] });
const podIs = (name: string) => ({ matchLabels: { pod: name } });

const cases: Case[] = [
  {
    name: 'no policy: every Pod reaches every Pod',
    policies: () => [],
    expect: { 80: () => {}, 81: () => {} },
  },
  {
    name: "a 'default-deny-ingress' policy in x",
    policies: () => [policy('x', 'deny-ingress', { podSelector: {}, ingress: [] })],
    expect: { 80: (r) => r.expectPeer({}, { namespace: 'x' }, false) },
  },
  {
    name: "a 'default-deny-all' policy in x (ingress and egress)",
    policies: () => [policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })],
    expect: {
      80: (r) => r.expectPeer({}, { namespace: 'x' }, false).expectPeer({ namespace: 'x' }, {}, false),
    },
  },
  {
    name: 'allow traffic to x/a from Pods of its namespace, based on PodSelector',
    policies: () => [policy('x', 'x-a-allows-x-b', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('b') }] }] })],
    expect: { 80: (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true) },
  },
  {
    name: 'allow traffic to x/a only from namespace y, based on NamespaceSelector',
    policies: () => [policy('x', 'allow-client-a-via-ns-selector', { podSelector: podIs('a'), ingress: [{ from: [{ namespaceSelector: nsIs('y') }] }] })],
    expect: {
      80: (r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false),
    },
  },
  {
    name: 'PodSelector OR NamespaceSelector (two peers)',
    policies: () => [
      policy('x', 'allow-ns-not-x-or-pod-b', { podSelector: podIs('a'), ingress: [{ from: [{ namespaceSelector: nsNotIn('x') }, { podSelector: podIs('b') }] }] }),
    ],
    expect: { 80: (r) => r.expect('x/c', 'x/a', false) },
  },
  {
    name: 'PodSelector AND NamespaceSelector (one peer)',
    policies: () => [
      policy('x', 'allow-ns-not-x-and-pod-b', { podSelector: podIs('a'), ingress: [{ from: [{ namespaceSelector: nsNotIn('x'), podSelector: podIs('b') }] }] }),
    ],
    expect: { 80: (r) => r.expectAllIngress('x/a', false).expect('y/b', 'x/a', true).expect('z/b', 'x/a', true) },
  },
  {
    name: 'ports: allow ingress to x/a on port 81 from namespace y only',
    policies: () => [policy('x', 'allow-ingress-on-port-81-ns-y', { podSelector: podIs('a'), ingress: [{ from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 81 }] }] })],
    expect: {
      80: (r) => r.expectAllIngress('x/a', false),
      81: (r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false),
    },
  },
  {
    name: 'a named port: allow ingress to x/a on serve-81-tcp',
    policies: () => [policy('x', 'allow-all-on-serve-81-tcp', { podSelector: podIs('a'), ingress: [{ ports: [{ port: 'serve-81-tcp', protocol: 'TCP' }] }] })],
    expect: { 80: (r) => r.expectAllIngress('x/a', false), 81: () => {} },
  },
  {
    name: 'a port range: endPort 75-80 lets 80 in and keeps 81 out',
    policies: () => [policy('x', 'allow-75-to-80', { podSelector: podIs('a'), ingress: [{ ports: [{ port: 75, endPort: 80 }] }] })],
    expect: { 80: () => {}, 81: (r) => r.expectAllIngress('x/a', false) },
  },
  {
    name: 'a port range: endPort 80-81 lets both ports in',
    policies: () => [policy('x', 'allow-80-to-81', { podSelector: podIs('a'), ingress: [{ ports: [{ port: 80, endPort: 81 }] }] })],
    expect: { 80: () => {}, 81: () => {} },
  },
  {
    name: 'a port on another protocol only: UDP 80 does not open TCP 80',
    policies: () => [policy('x', 'allow-udp-80', { podSelector: podIs('a'), ingress: [{ ports: [{ port: 80, protocol: 'UDP' }] }] })],
    expect: { 80: (r) => r.expectAllIngress('x/a', false) },
  },
  {
    name: 'egress default deny in x',
    policies: () => [policy('x', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] })],
    expect: { 80: (r) => r.expectPeer({ namespace: 'x' }, {}, false) },
  },
  {
    name: 'egress to a named port, with policyTypes left to its default (Ingress and Egress: x/a accepts nothing)',
    policies: () => [policy('x', 'allow-egress-serve-80-tcp', { podSelector: podIs('a'), egress: [{ ports: [{ port: 'serve-80-tcp' }] }] })],
    expect: {
      80: (r) => r.expectAllIngress('x/a', false),
      81: (r) => r.expectAllEgress('x/a', false).expectAllIngress('x/a', false),
    },
  },
  {
    name: 'egress denied at the client even when the server allows the client',
    policies: () => [
      policy('x', 'deny-egress-x-a', { podSelector: podIs('a'), policyTypes: ['Egress'] }),
      policy('y', 'allow-x-a', { podSelector: podIs('a'), ingress: [{ from: [{ namespaceSelector: nsIs('x'), podSelector: podIs('a') }] }] }),
    ],
    expect: { 80: (r) => r.expectAllEgress('x/a', false).expectAllIngress('y/a', false) },
  },
  {
    name: 'stacked policies add up: allow from pod b, and allow from namespace z',
    policies: () => [
      policy('x', 'allow-from-b', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('b') }] }] }),
      policy('x', 'allow-from-z', { podSelector: podIs('a'), ingress: [{ from: [{ namespaceSelector: nsIs('z') }] }] }),
    ],
    expect: {
      80: (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, true),
    },
  },
  {
    name: 'stacked policies with overlapping podSelectors: port 80 in one, port 81 in the other',
    policies: () => [
      policy('x', 'allow-80', { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] }),
      policy('x', 'allow-81-to-a', { podSelector: podIs('a'), ingress: [{ ports: [{ port: 81 }] }] }),
    ],
    expect: { 80: () => {}, 81: (r) => r.expectPeer({}, { namespace: 'x' }, false).expectAllIngress('x/a', true) },
  },
  {
    name: 'egress to an ipBlock with except: the Pod network but y/a',
    policies: (m) => [
      policy('x', 'allow-egress-pod-cidr-except-y-a', {
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: m.cluster.config.clusterCIDR, except: [`${m.ip('y/a')}/32`] } }] }],
      }),
    ],
    expect: { 80: (r) => r.expect('x/a', 'y/a', false) },
  },
  {
    name: 'ingress from an ipBlock: only the Pod CIDR of the node that runs z/c',
    policies: (m) => [
      policy('x', 'allow-from-one-node', {
        podSelector: podIs('a'),
        ingress: [{ from: [{ ipBlock: { cidr: m.cluster.nodes.get(m.pod('z/c').spec.nodeName!)!.podCIDR } }] }],
      }),
    ],
    expect: {
      80: (r, m) => {
        const nodeOfZc = m.pod('z/c').spec.nodeName;
        r.expectAllIngress('x/a', false);
        for (const from of ['x/a', 'x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c'] as const) {
          if (m.pod(from).spec.nodeName === nodeOfZc) r.expect(from, 'x/a', true);
        }
      },
    },
  },
];

describe('NetworkPolicy truth tables (x, y, z × a, b, c; TCP 80 and 81)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const m = buildModel();
      m.apply(...c.policies(m));
      for (const [port, setExpectation] of Object.entries(c.expect)) {
        const r = new Reachability();
        setExpectation(r, m);
        validateOrFail(r, firewallProbe(m, Number(port)));
      }
    });
  }

  it('a CNI that does not enforce NetworkPolicy (flannel) ignores a default deny: the object exists, nothing changes', () => {
    const m = buildModel({ config: { ...defaultClusterConfig, cni: { name: 'flannel', enforcesNetworkPolicy: false } } });
    m.apply(policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }));
    expect(m.cluster.store.get('NetworkPolicy', 'x', 'deny-all')).toBeDefined();
    validateOrFail(new Reachability(), firewallProbe(m, 80));
  });

  it('an updated policy changes the grid after the CNI recompiles', () => {
    const m = buildModel();
    m.apply(policy('x', 'allow-from-b', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('b') }] }] }));
    m.cluster.store.mutate<NetworkPolicy>('NetworkPolicy', 'x', 'allow-from-b', (d) => {
      d.spec.ingress = [{ from: [{ podSelector: podIs('c') }] }];
    });
    m.cluster.settle();
    validateOrFail(new Reachability().expectAllIngress('x/a', false).expect('x/c', 'x/a', true), firewallProbe(m, 80));
  });

  it('deleting the last policy that selects a Pod makes it non-isolated again', () => {
    const m = buildModel();
    m.apply(policy('x', 'deny-ingress', { podSelector: {}, ingress: [] }));
    m.cluster.store.delete('NetworkPolicy', 'x', 'deny-ingress');
    m.cluster.settle();
    validateOrFail(new Reachability(), firewallProbe(m, 80));
  });
});
