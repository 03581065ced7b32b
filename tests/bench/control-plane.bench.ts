// Control-plane benchmark: 500 Deployments × 4 replicas = 2,000 Pods on a 50-node cluster.
// Prints the wall time to create them and let the cluster settle (every Deployment fully
// available), the events the virtual clock ran per second of wall time, and peak memory.
// Budget (issue 12): apply and settle together within 1 s on a 2-core machine.
// Run: npx tsx tests/bench/control-plane.bench.ts
import { performance } from 'node:perf_hooks';
import { Cluster } from '../../sim/cluster';
import { defaultClusterConfig, type ClusterConfig } from '../../sim/cluster-config';
import type { Deployment, Pod } from '../../sim/api/types';
import { applyManifests } from '../../sim/api/apply';
import { budgetLine } from './budget';

const nodeCount = 50;
const budgetMs = 1000;
const deploymentCount = 500;
const replicas = 4;

const config: ClusterConfig = {
  ...defaultClusterConfig,
  name: 'bench',
  nodes: Array.from({ length: nodeCount }, (_, i) => ({
    name: `node-${i + 1}`,
    ip: `10.0.${1 + Math.floor(i / 200)}.${10 + (i % 200)}`,
    podCIDR: `10.244.${i + 1}.0/24`,
  })),
};

/** One Deployment as a YAML document; the benchmark applies all 500 as one file, like `kubectl apply -f`. */
function deploymentYaml(i: number): string {
  const app = `app-${i}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels:
    app: ${app}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
      - name: web
        image: registry.k8s.io/e2e-test-images/agnhost:2.53
        ports:
        - containerPort: 8080
`;
}
const manifest = Array.from({ length: deploymentCount }, (_, i) => deploymentYaml(i)).join('---\n');

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

const cluster = new Cluster({ config, seed: 1 });

/** Wall time spent inside each component's reconcile, to show where the time goes. */
const reconcileMs = new Map<string, number>();
type Reconciler = { name: string; reconcile(key: string): void };
const components = [...cluster.controllers, ...[...cluster.nodes.values()].map((n) => n.kubelet)].filter(Boolean) as unknown as Reconciler[];
for (const c of components) {
  const reconcile = c.reconcile.bind(c);
  c.reconcile = (key) => {
    const start = performance.now();
    reconcile(key);
    reconcileMs.set(c.name, (reconcileMs.get(c.name) ?? 0) + performance.now() - start);
  };
}
cluster.advance(5_000); // nodes register and turn Ready before the workload arrives
sample();
reconcileMs.clear();
const eventsBefore = cluster.clock.eventsRun;
const virtualBefore = cluster.clock.now;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const thread0 = process.threadCpuUsage();
const applied = applyManifests(cluster, manifest, 'bench.yaml');
if (applied.errors.length) throw new Error(applied.errors.join('\n'));
const applyMs = performance.now() - t0;
const available = () =>
  cluster.store.list<Deployment>('Deployment', 'default').every((d) => d.status?.availableReplicas === replicas);
let steps = 0;
while (!available() && steps < 120) {
  cluster.advance(1_000);
  sample();
  steps++;
}
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const thread = process.threadCpuUsage(thread0);
const threadMs = (thread.user + thread.system) / 1000;
sample();
const events = cluster.clock.eventsRun - eventsBefore;
const pods = cluster.store.list<Pod>('Pod', 'default');
const running = pods.filter((p) => p.status?.phase === 'Running').length;
const nodesUsed = new Set(pods.map((p) => p.spec.nodeName)).size;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

console.log(`pods: ${pods.length} (${running} Running) on ${nodesUsed}/${nodeCount} nodes; all Deployments available: ${available()}`);
console.log(`virtual time to settle: ${((cluster.clock.now - virtualBefore) / 1000).toFixed(0)} s`);
console.log(`wall time of kubectl apply (parse, validate, create 500 Deployments): ${applyMs.toFixed(0)} ms`);
console.log(`wall time to settle after the apply (controllers, scheduler, kubelets): ${(wallMs - applyMs).toFixed(0)} ms`);
console.log(budgetLine('wall time to apply and settle', wallMs, { max: budgetMs }, 'ms'));
console.log(`CPU time to apply and settle: ${cpuMs.toFixed(0)} ms (steadier than wall time when the machine is busy)`);
console.log(`main-thread CPU time to apply and settle: ${threadMs.toFixed(0)} ms (without the GC's and compilers' helper threads)`);
console.log(`events run: ${events} (${Math.round(events / (wallMs / 1000)).toLocaleString('en-US')} events/s)`);
console.log(`store writes: ${cluster.store.resourceVersion}; reconcile-log lines: ${cluster.logs.length}`);
console.log(`peak memory: rss ${mb(peakRss)}, heap ${mb(peakHeap)}`);
console.log(
  `time in reconcile: ${[...reconcileMs].sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ')}`,
);
