// NetworkPolicy evaluation with 200 policies (issue 4, item 11): how long the control plane takes
// to compile them, and how many connection checks per second a node's firewall makes with them.
import { performance } from 'node:perf_hooks';
import type { Namespace, Pod } from '../../sim/api/types';
import type { Packet } from '../../sim/net/packet';
import { compileNetworkPolicies } from '../../sim/net/network-policy-compiler';
import { NetworkPolicyFirewall } from '../../sim/net/network-policy-firewall';
import { benchmarkNetworkPolicies } from './fixtures/network-policies';

const namespaces: Namespace[] = ['bench', 'clients', 'others'].map((name) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
}));

const pod = (namespace: string, name: string, app: string, ip: string): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels: { app } },
  spec: { nodeName: 'node-1', containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] },
  status: { phase: 'Running', podIP: ip },
});

// 50 servers, 50 clients, 100 other Pods: 200 Pod IPs in 10.244.0.0/16.
const pods: Pod[] = [];
for (let i = 0; i < 200; i++) {
  const [ns, app] = i < 50 ? ['bench', 'bench-server'] : i < 100 ? ['clients', 'bench-client'] : ['others', `other-${i}`];
  pods.push(pod(ns, `p${i}`, app, `10.244.${1 + (i >> 6)}.${2 + (i & 63)}`));
}
const policies = benchmarkNetworkPolicies({ namespace: 'bench', serverLabels: { app: 'bench-server' }, clientLabels: { app: 'bench-client' } });

const compileRuns = 20;
let t = performance.now();
let compiled = compileNetworkPolicies({ pods, namespaces, policies });
for (let i = 1; i < compileRuns; i++) compiled = compileNetworkPolicies({ pods, namespaces, policies });
const compileMs = (performance.now() - t) / compileRuns;

const firewall = new NetworkPolicyFirewall('10.0.1.11');
t = performance.now();
firewall.load(compiled);
const loadMs = performance.now() - t;

const server = pods[0].status!.podIP!;
const client: Packet = { protocol: 'TCP', src: pods[60].status!.podIP!, sport: 40_000, dst: server, dport: 80 };
const stranger: Packet = { ...client, src: pods[150].status!.podIP! };
if (firewall.check('ingress', server, client).verdict !== 'ACCEPT' || firewall.check('ingress', server, stranger).verdict !== 'DROP') {
  throw new Error('benchmark fixture: the client must be accepted and the stranger dropped');
}

const checks = 1_000_000;
t = performance.now();
for (let i = 0; i < checks; i++) firewall.check('ingress', server, i & 1 ? client : stranger);
const seconds = (performance.now() - t) / 1000;

console.log(`NetworkPolicy: ${policies.length} policies selecting 50 of ${pods.length} Pods`);
console.log(`  compile (labels -> IP sets):   ${compileMs.toFixed(2)} ms`);
console.log(`  load into one node's firewall: ${loadMs.toFixed(2)} ms`);
console.log(`  connection checks:             ${Math.round(checks / seconds).toLocaleString('en-US')}/s (half allowed by the last rule, half dropped after all ${policies.length})`);
