import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { applyManifests } from '../../../sim/api/apply';
import type { Pod, Service } from '../../../sim/api/types';
import { laptopAddress } from '../../../sim/cloud/cloud';
import { agnhostWeb } from '../../fixtures/agnhost-web';

/** Two replicas on a three-node cluster, so one node has no local endpoint; a NodePort or LoadBalancer Service in front. */
function cluster(type: 'NodePort' | 'LoadBalancer', policy: 'Cluster' | 'Local'): Cluster {
  const c = new Cluster().boot();
  const yaml = `${agnhostWeb(2)}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: ${type}
  externalTrafficPolicy: ${policy}
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]`;
  expect(applyManifests(c, yaml, 'web.yaml').errors).toEqual([]);
  c.advance(60_000);
  return c;
}

const svc = (c: Cluster) => c.store.get<Service>('Service', 'default', 'web')!;
const nodesWithPods = (c: Cluster) => new Set(c.store.list<Pod>('Pod', 'default').map((p) => p.spec.nodeName));
/** The node's public IP, as the cloud assigned it. */
const publicIP = (c: Cluster, node: string) => c.cloud.gateway!.publicIPs.get(c.nodes.get(node)!.ip)!;

describe('NodePort from the internet', () => {
  it('Cluster: every node answers, and the Pod sees a node address (SNAT), not the client', () => {
    const c = cluster('NodePort', 'Cluster');
    const nodePort = svc(c).spec.ports![0].nodePort!;
    for (const node of ['node-1', 'node-2', 'node-3']) {
      const r = c.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP: publicIP(c, node), dstPort: nodePort });
      expect(r.outcome).toBe('established');
      const peer = r.connection!.peer!.ip;
      expect(peer).not.toBe(laptopAddress);
      expect([...c.nodes.values()].map((n) => n.ip).concat(['10.244.1.1', '10.244.2.1', '10.244.3.1'])).toContain(peer);
    }
  });

  it('Local: the Pod sees the client address; a node with no local endpoint drops the packet', () => {
    const c = cluster('NodePort', 'Local');
    const nodePort = svc(c).spec.ports![0].nodePort!;
    const withPods = nodesWithPods(c);
    for (const node of ['node-1', 'node-2', 'node-3']) {
      const r = c.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP: publicIP(c, node), dstPort: nodePort });
      if (withPods.has(node)) {
        expect(r.outcome).toBe('established');
        expect(r.connection!.peer!.ip).toBe(laptopAddress);
        expect(r.server && c.store.list<Pod>('Pod', 'default').find((p) => p.status?.podIP === r.server!.ip)?.spec.nodeName).toBe(node);
      } else {
        expect(r.outcome).toBe('timeout');
        expect(r.trace.at(-1)?.rule).toContain('has no local endpoints');
      }
    }
  });

  it('a stopped node takes its NodePort with it: no failover', () => {
    const c = cluster('NodePort', 'Cluster');
    const nodePort = svc(c).spec.ports![0].nodePort!;
    c.stopNode('node-1');
    const r = c.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP: publicIP(c, 'node-1'), dstPort: nodePort });
    expect(r.outcome).toBe('timeout');
  });
});

describe('LoadBalancer with externalTrafficPolicy Local', () => {
  it('health checks find the nodes with a local endpoint; the Pod sees the client address', () => {
    const c = cluster('LoadBalancer', 'Local');
    const s = svc(c);
    expect(s.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    const lb = [...c.cloud.loadBalancers.values()][0];
    expect(lb.healthCheck).toMatchObject({ protocol: 'HTTP', port: s.spec.healthCheckNodePort, path: '/healthz' });
    const withPods = nodesWithPods(c);
    for (const t of lb.targets) expect(t.health).toBe(withPods.has(t.node) ? 'healthy' : 'unhealthy');
    const without = lb.targets.find((t) => !withPods.has(t.node))!;
    expect(without.reason).toBe('Health checks failed with these codes: [503]');
    for (let i = 0; i < 10; i++) {
      const r = c.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP: s.status!.loadBalancer!.ingress![0].ip!, dstPort: 80 });
      expect(r.outcome).toBe('established');
      expect(r.connection!.peer!.ip).toBe(laptopAddress);
    }
  });

  it("kube-proxy's health server answers 200 or 503 with the local endpoint count", () => {
    const c = cluster('LoadBalancer', 'Local');
    const port = svc(c).spec.healthCheckNodePort!;
    const withPods = nodesWithPods(c);
    for (const [name, host] of c.nodes) {
      const answer = host.hostServers.get(`TCP/${port}`)!.http('/healthz');
      expect(answer.status).toBe(withPods.has(name) ? 200 : 503);
      expect(JSON.parse(answer.body)).toEqual({ service: { namespace: 'default', name: 'web' }, localEndpoints: withPods.has(name) ? 1 : 0, serviceProxyHealthy: true });
    }
  });
});
