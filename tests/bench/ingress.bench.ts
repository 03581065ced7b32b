// Ingress benchmark (issue 8). Prints requests per second through NGINX Ingress Controller with
// 100 Ingress rules (100 Ingresses, one host each, over 10 backend Services): each request opens a
// connection from a client Pod to the controller's ClusterIP (kube-proxy's rules), nginx picks the
// virtual server by Host and the location by path, and proxies to a Pod IP (a second connection).
// Budget ≥ 1,000 requests/s: a widget sending one request per animation frame (60/s) keeps a
// sixteen-fold margin on a busy machine (measured here: 786/s with five test suites running beside
// it, 3,590/s with one).
// Run alone: npx tsx tests/bench/ingress.bench.ts
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Cluster } from '../../sim/cluster';
import { Console } from '../../sim/console/console';
import type { Ingress, Pod, Service } from '../../sim/api/types';
import { exchange } from '../../sim/node/http-exchange';
import { budgetLine } from './budget';

const budgetRequestsPerSecond = 1_000;
const rules = 100;
const backends = 10;

const cluster = new Cluster({ seed: 1 }).boot();
const files: Record<string, string> = { 'nginx-ingress.yaml': readFileSync(new URL('../../sim/scenarios/ingress/nginx-ingress.yaml', import.meta.url), 'utf8') };
const console_ = new Console(cluster, { readFile: (p) => files[p] });
console_.run('kubectl apply -f nginx-ingress.yaml');
for (let b = 0; b < backends; b++) console_.run(`kubectl create deployment app-${b} --image=registry.k8s.io/serve_hostname --replicas=2 --port=9376`);
for (let b = 0; b < backends; b++) console_.run(`kubectl expose deployment app-${b} --port=80 --target-port=9376`);
console_.run('kubectl run client --image=curlimages/curl:8.7.1 --restart=Never -- sleep 3600');
for (let i = 0; i < rules; i++) {
  cluster.store.create<Ingress>({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: `site-${i}`, namespace: 'default' },
    spec: { ingressClassName: 'nginx', rules: [{ host: `site-${i}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: `app-${i % backends}`, port: { number: 80 } } } }] } }] },
  });
}
for (const ns of ['default', 'nginx-ingress']) {
  const r = console_.run(`kubectl wait --for=condition=Ready pod --all -n ${ns} --timeout=120s`);
  if (r.exitCode !== 0) throw new Error(r.stderr);
}
console_.run('sleep 5');

const clientIP = cluster.store.get<Pod>('Pod', 'default', 'client')!.status!.podIP!;
const controllerIP = cluster.store.get<Service>('Service', 'nginx-ingress', 'nginx-ingress')!.spec.clusterIP!;
const request = (i: number) => {
  const dial = cluster.dataplane.connect({ fromIP: clientIP, protocol: 'TCP', dstIP: controllerIP, dstPort: 80 });
  if (!dial.connection) throw new Error(`no connection to the controller: ${dial.outcome}`);
  const host = `site-${i % rules}.example.com`;
  const answer = exchange(cluster, dial.connection, { method: 'GET', path: '/', headers: [['Host', host], ['User-Agent', 'curl/8.7.1'], ['Accept', '*/*']] });
  dial.connection.close();
  return answer;
};
const first = request(7);
if (first.status !== 200 || !first.body.startsWith('app-7-')) throw new Error(`site-7 was not served by app-7: ${first.status} ${first.body}`);

const samples: number[] = [];
for (let round = 0; round < 5; round++) {
  const n = 2_000;
  const t = performance.now();
  for (let i = 0; i < n; i++) if (request(i).status !== 200) throw new Error('a request failed');
  samples.push(n / ((performance.now() - t) / 1000));
}
const perSecond = samples.sort((a, b) => a - b)[samples.length >> 1];
console.log(budgetLine(`requests through the ingress controller, ${rules} Ingress rules (client Pod → ClusterIP → nginx → Pod IP), median of 5 × 2,000`, perSecond, { min: budgetRequestsPerSecond }, 'requests/s'));
