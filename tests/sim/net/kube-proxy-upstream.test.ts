import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syncProxyRules, type ServicePortInfo } from '../../../sim/node/kube-proxy-rules';
import { engineChains, parseRestoreInput } from './upstream/compare';

/**
 * Upstream's whole-table kube-proxy tests, rule for rule: the same Services and endpoints, given to
 * the engine's syncProxyRules, must give the same chains with the same rules in the same order.
 * The fake proxier's setting (pkg/proxy/iptables/proxier_test.go NewFakeProxier): Pod IPs
 * 10.0.0.0/8, node test-node at 192.168.0.2, localhost NodePorts on, nfacct counters present.
 */
const config = { clusterCIDR: '10.0.0.0/8', masqueradeBit: 14, nodeName: 'test-node', nodeIP: '192.168.0.2', localhostNodePorts: true };

const ep = (ip: string, nodeName?: string) => ({ ip, port: 80, ready: true, serving: true, terminating: false, nodeName });
const svc = (namespace: string, name: string, clusterIP: string, more: Partial<ServicePortInfo>): ServicePortInfo => ({
  namespace, name, portName: 'p80', protocol: 'TCP', clusterIP, port: 80,
  externalIPs: [], loadBalancerIPs: [], loadBalancerSourceRanges: [], externalPolicyLocal: false, internalPolicyLocal: false, endpoints: [],
  ...more,
});

function compare(services: ServicePortInfo[], expectedFile: string): void {
  const expected = parseRestoreInput(readFileSync(new URL(`./upstream/${expectedFile}`, import.meta.url), 'utf8'));
  const tables = syncProxyRules(services, config);
  for (const name of ['filter', 'nat'] as const) {
    const mine = engineChains(tables[name]);
    const theirs = expected.get(name)!;
    expect([...mine.keys()].sort(), `${name} chains`).toEqual([...theirs.keys()].sort());
    for (const [chain, rules] of theirs) expect(mine.get(chain), `${name} ${chain}`).toEqual(rules);
  }
}

describe("kube-proxy's rules match upstream's whole-table tests", () => {
  it('TestOverallIPTablesRules: ClusterIP, LoadBalancer Local with externalIPs and a health check port, NodePort, externalIPs, LoadBalancer Cluster with source ranges and affinity, no endpoints', () => {
    compare(
      [
        svc('ns1', 'svc1', '172.30.0.41', { endpoints: [ep('10.180.0.1')] }),
        // No NodeName on the endpoint: it is not local, so the Local policy has nothing on this node.
        svc('ns2', 'svc2', '172.30.0.42', { nodePort: 3001, loadBalancerIPs: ['1.2.3.4'], externalIPs: ['192.168.99.22'], externalPolicyLocal: true, healthCheckNodePort: 30000, endpoints: [ep('10.180.0.2')] }),
        svc('ns3', 'svc3', '172.30.0.43', { nodePort: 3003, endpoints: [ep('10.180.0.3')] }),
        svc('ns4', 'svc4', '172.30.0.44', { externalIPs: ['192.168.99.33'], endpoints: [ep('10.180.0.4'), ep('10.180.0.5', 'test-node')] }),
        svc('ns5', 'svc5', '172.30.0.45', { nodePort: 3002, loadBalancerIPs: ['5.6.7.8'], loadBalancerSourceRanges: ['203.0.113.0/25'], stickySeconds: 10800, endpoints: [ep('10.180.0.3')] }),
        svc('ns6', 'svc6', '172.30.0.46', {}),
      ],
      'overall-iptables-rules.txt',
    );
  });
});
