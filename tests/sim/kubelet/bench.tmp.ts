import { Cluster } from '../../../sim/cluster';
import { defaultClusterConfig } from '../../../sim/cluster-config';
import type { Pod } from '../../../sim/api/types';
const nodes = Array.from({ length: 50 }, (_, i) => ({ name: `node-${i + 1}`, ip: `10.0.${1 + (i >> 8)}.${10 + i}`, podCIDR: `10.244.${i + 1}.0/24` }));
const c = new Cluster({ config: { ...defaultClusterConfig, nodes } });
c.advance(1);
if (process.env.NOEV) (c as any).recordEvent = () => {};
const t0 = performance.now();
for (let i = 0; i < 2000; i++) {
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default' }, spec: { nodeName: `node-${(i % 50) + 1}`, containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { port: 80 } } }] } };
  c.store.create(pod);
}
const t1 = performance.now();
c.advance(5000);
const t2 = performance.now();
console.log('create', (t1 - t0).toFixed(0), 'ms; settle 5s', (t2 - t1).toFixed(0), 'ms; events', c.clock.eventsRun, 'ready', c.store.list<Pod>('Pod').filter(p => p.status?.conditions?.find(x => x.type === 'Ready')?.status === 'True').length);
const t3 = performance.now();
c.advance(60_000);
console.log('60s more', (performance.now() - t3).toFixed(0), 'ms');
