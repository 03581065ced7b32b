import { describe, expect, it } from 'vitest';
import type { Namespace, Pod } from '../../../sim/api/types';
import { defaultClusterConfig } from '../../../sim/cluster-config';
import type { Packet } from '../../../sim/net/packet';
import { compileNetworkPolicies } from '../../../sim/net/network-policy-compiler';
import { NetworkPolicyFirewall } from '../../../sim/net/network-policy-firewall';
import { NetworkPolicyController } from '../../../sim/net/network-policy-controller';
import { buildModel, namespaceObject, podObject, policy } from './model';
import { firewallProbe } from './reachability';

const tcp = (src: string, dst: string, dport: number): Packet => ({ protocol: 'TCP', src, sport: 40_000, dst, dport });

describe('NetworkPolicy: labels stay in the control plane', () => {
  it('compiles to IPs and port numbers only: no label key or value, no port name reaches a node', () => {
    const m = buildModel();
    m.cluster.store.mutate<Pod>('Pod', 'x', 'b', (d) => (d.metadata.labels = { ...d.metadata.labels, tier: 'labelled-frontend' }));
    m.cluster.store.mutate<Namespace>('Namespace', '', 'y', (d) => (d.metadata.labels = { ...d.metadata.labels, team: 'labelled-team-y' }));
    m.apply(
      policy('x', 'db', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'labelled-frontend' } } }, { namespaceSelector: { matchLabels: { team: 'labelled-team-y' } } }], ports: [{ port: 'serve-80-tcp' }] }],
      }),
    );
    const onNodes = JSON.stringify([...m.cluster.nodes.values()].map((n) => (n.podFirewall as NetworkPolicyFirewall).rules));
    for (const word of ['labelled-', 'tier', 'team', 'kubernetes.io/metadata.name', 'serve-80-tcp', '"pod"']) expect(onNodes).not.toContain(word);
    // What is there instead: x/b's IP and y's Pods' IPs, and the number the port name stood for.
    for (const p of ['x/b', 'y/a', 'y/b', 'y/c'] as const) expect(onNodes).toContain(`"${m.ip(p)}"`);
    expect(onNodes).toContain('"port":80');
  });

  it('a label change reaches traffic only once the CNI has recompiled', () => {
    const m = buildModel();
    m.apply(policy('x', 'allow-frontend', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'frontend' } } }] }] }));
    const probe = firewallProbe(m, 80);
    expect(probe('x/c', 'x/a')).toBe(false);

    m.cluster.store.mutate<Pod>('Pod', 'x', 'c', (d) => (d.metadata.labels = { ...d.metadata.labels, tier: 'frontend' }));
    expect(probe('x/c', 'x/a')).toBe(false); // the store changed; the node's sets have not yet
    m.cluster.settle();
    expect(probe('x/c', 'x/a')).toBe(true);
    expect(m.cluster.logs.some((l) => l.component === 'calico' && l.message.startsWith('loaded NetworkPolicy rules'))).toBe(true);

    m.cluster.store.mutate<Namespace>('Namespace', '', 'x', (d) => (d.metadata.labels = { ...d.metadata.labels, extra: 'yes' }));
    m.cluster.store.mutate<Pod>('Pod', 'x', 'c', (d) => (d.metadata.labels = { pod: 'c' }));
    m.cluster.settle();
    expect(probe('x/c', 'x/a')).toBe(false);
  });
});

describe('NetworkPolicy compiler', () => {
  const ns = ['x', 'y'].map(namespaceObject);
  const withIP = (pod: Pod, ip: string): Pod => ({ ...pod, status: { phase: 'Running', podIP: ip } });

  it('defaults policyTypes to Ingress, plus Egress only when the policy has egress rules', () => {
    const pods = [withIP(podObject('x', 'a', 'node-1'), '10.244.1.2'), withIP(podObject('x', 'b', 'node-1'), '10.244.1.3')];
    const compiled = compileNetworkPolicies({
      pods,
      namespaces: ns,
      policies: [
        policy('x', 'ingress-only', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{}] }),
        policy('x', 'with-egress', { podSelector: { matchLabels: { pod: 'b' } }, egress: [{}] }),
      ],
    });
    expect(compiled['10.244.1.2']).toEqual({ ingress: { isolatedBy: ['x/ingress-only'], rules: [{ policy: 'x/ingress-only', peers: 'any', ports: 'any' }] } });
    expect(compiled['10.244.1.3'].ingress).toEqual({ isolatedBy: ['x/with-egress'], rules: [] });
    expect(compiled['10.244.1.3'].egress?.rules).toEqual([{ policy: 'x/with-egress', peers: 'any', ports: 'any' }]);
  });

  it('resolves an egress named port per destination Pod, from each Pod\'s own containerPorts', () => {
    const server = (name: string, ip: string, port: number): Pod => {
      const p = withIP(podObject('y', name, 'node-2'), ip);
      return { ...p, spec: { ...p.spec, containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: port }] }] } };
    };
    const pods = [withIP(podObject('x', 'a', 'node-1'), '10.244.1.2'), server('a', '10.244.2.2', 8080), server('b', '10.244.2.3', 9090)];
    const compiled = compileNetworkPolicies({
      pods,
      namespaces: ns,
      policies: [policy('x', 'egress-http', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] })],
    });
    const fw = new NetworkPolicyFirewall('10.0.1.11');
    fw.load(compiled);
    const verdict = (dst: string, port: number) => fw.check('egress', '10.244.1.2', tcp('10.244.1.2', dst, port)).verdict;
    expect([verdict('10.244.2.2', 8080), verdict('10.244.2.2', 9090), verdict('10.244.2.3', 9090), verdict('10.244.2.3', 8080)]).toEqual(['ACCEPT', 'DROP', 'ACCEPT', 'DROP']);
    // An address outside the cluster never matches a port name.
    expect(verdict('93.184.216.34', 8080)).toBe('DROP');
  });

  it('leaves out Pods that have finished, have no IP yet, or share their node\'s network', () => {
    const done = { ...podObject('x', 'done', 'node-1'), status: { phase: 'Succeeded' as const, podIP: '10.244.1.9' } };
    const pending = podObject('x', 'pending', 'node-1');
    const host = { ...withIP(podObject('x', 'host', 'node-1'), '10.0.1.11'), spec: { ...podObject('x', 'host', 'node-1').spec, hostNetwork: true } };
    const compiled = compileNetworkPolicies({ pods: [done, pending, host], namespaces: ns, policies: [policy('x', 'deny', { podSelector: {} })] });
    expect(compiled).toEqual({});
  });
});

describe('NetworkPolicy firewall at the Pod interface', () => {
  const fw = new NetworkPolicyFirewall('10.0.1.11');
  fw.load({ '10.244.1.2': { ingress: { isolatedBy: ['x/deny-ingress'], rules: [] } } });

  it('drops what no rule allows and says which policy isolates the Pod', () => {
    expect(fw.check('ingress', '10.244.1.2', tcp('10.244.2.5', '10.244.1.2', 80))).toEqual({
      verdict: 'DROP',
      reason: '10.244.1.2 is isolated for ingress by NetworkPolicy x/deny-ingress, and no rule allows from 10.244.2.5:80/TCP',
    });
  });

  it('lets a Pod reach itself and its own node reach it, as the concept page says no policy can block', () => {
    expect(fw.check('ingress', '10.244.1.2', tcp('10.244.1.2', '10.244.1.2', 80)).verdict).toBe('ACCEPT');
    expect(fw.check('ingress', '10.244.1.2', tcp('10.0.1.11', '10.244.1.2', 80)).verdict).toBe('ACCEPT');
    expect(fw.check('ingress', '10.244.1.2', tcp('10.0.1.12', '10.244.1.2', 80)).verdict).toBe('DROP');
  });

  it('lets everything through a Pod that no policy isolates', () => {
    expect(fw.check('egress', '10.244.1.2', tcp('10.244.1.2', '10.244.2.5', 80)).verdict).toBe('ACCEPT');
    expect(fw.check('ingress', '10.244.1.3', tcp('10.244.2.5', '10.244.1.3', 80)).verdict).toBe('ACCEPT');
  });
});

describe('NetworkPolicy controller', () => {
  it('is not installed when the CNI does not enforce policies: every node allows all', () => {
    const m = buildModel({ config: { ...defaultClusterConfig, cni: { name: 'flannel', enforcesNetworkPolicy: false } } });
    expect(m.cluster.controllers.some((c) => c instanceof NetworkPolicyController)).toBe(false);
    expect([...m.cluster.nodes.values()].every((n) => !(n.podFirewall instanceof NetworkPolicyFirewall))).toBe(true);
  });
});
