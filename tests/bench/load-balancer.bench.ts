// Requests through the cloud: the reader's laptop → internet → internet gateway → load balancer →
// a node's NodePort (kube-proxy's KUBE-NODEPORTS, KUBE-EXT, KUBE-SVC rules) → a Pod, on the
// default cluster with a 3-replica Deployment behind a LoadBalancer Service.
// - new connections per second (each one walks every element and every rule);
// - requests per second on one established connection (conntrack entries, no rule evaluated).
import { Cluster } from '../../sim/cluster';
import { applyManifests } from '../../sim/api/apply';
import type { Service } from '../../sim/api/types';
import { laptopAddress } from '../../sim/cloud/cloud';
import { budgetLine } from './budget';
import { agnhostWeb } from '../fixtures/agnhost-web';

const budgetConnectionsPerSecond = 5_000;
const budgetRequestsPerSecond = 100_000;

const cluster = new Cluster().boot();
const yaml = `${agnhostWeb(3)}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]`;
const result = applyManifests(cluster, yaml, 'bench.yaml');
if (result.errors.length) throw new Error(result.errors.join('\n'));
cluster.advance(60_000);
const ip = cluster.store.get<Service>('Service', 'default', 'web')!.status!.loadBalancer!.ingress![0].ip!;

const connects = 20_000;
let established = 0;
let t = performance.now();
for (let i = 0; i < connects; i++) {
  const r = cluster.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP: ip, dstPort: 80 });
  if (r.outcome === 'established') established++;
  r.connection?.close();
}
const connectsPerSecond = connects / ((performance.now() - t) / 1000);

const connection = cluster.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP: ip, dstPort: 80 }).connection!;
const requests = 500_000;
t = performance.now();
for (let i = 0; i < requests; i++) if (connection.send().outcome !== 'established') throw new Error('the connection broke');
const requestsPerSecond = requests / ((performance.now() - t) / 1000);

console.log(budgetLine(`new connections, laptop → load balancer → node → Pod (${established} of ${connects} established)`, connectsPerSecond, { min: budgetConnectionsPerSecond }, 'connections/s'));
console.log(budgetLine('requests on one connection through the load balancer (conntrack)', requestsPerSecond, { min: budgetRequestsPerSecond }, 'requests/s'));
