import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { applyManifests } from '../../../sim/api/apply';
import { parseClusterConfig } from '../../../sim/cluster-config';
import type { Event, Service } from '../../../sim/api/types';
import { laptopAddress } from '../../../sim/cloud/cloud';
import { webAndClient } from '../services/cluster-fixture';

const lbService = (policy = 'Cluster') => `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  externalTrafficPolicy: ${policy}
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]`;

function cluster(yaml: string, config?: string): Cluster {
  const c = new Cluster(config ? { config: parseClusterConfig(config) } : {}).boot();
  expect(applyManifests(c, yaml, 'test.yaml').errors).toEqual([]);
  c.advance(60_000);
  return c;
}

const service = (c: Cluster) => c.store.get<Service>('Service', 'default', 'web')!;
const reasons = (c: Cluster) => c.store.list<Event>('Event', 'default').filter((e) => e.involvedObject.kind === 'Service').map((e) => e.reason);

describe('a LoadBalancer Service on a cloud', () => {
  it('gets a load balancer with a public IP, written to status.loadBalancer.ingress, and events as the service controller records them', () => {
    const c = cluster(webAndClient({ service: lbService() }));
    const svc = service(c);
    const ip = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    expect(ip).toMatch(/^203\.0\.113\.\d+$/);
    expect(svc.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    expect(reasons(c)).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
    const lb = [...c.cloud.loadBalancers.values()][0];
    expect(lb.listeners).toEqual([{ protocol: 'TCP', port: 80, targetPort: svc.spec.ports![0].nodePort }]);
    expect(lb.targets.map((t) => [t.node, t.health])).toEqual([['node-1', 'healthy'], ['node-2', 'healthy'], ['node-3', 'healthy']]);
  });

  it('carries a connection from the internet through the load balancer and a node to a Pod', () => {
    const c = cluster(webAndClient({ service: lbService() }));
    const ip = service(c).status!.loadBalancer!.ingress![0].ip!;
    const r = c.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP: ip, dstPort: 80 });
    expect(r.outcome).toBe('established');
    expect(r.server?.podName).toMatch(/^web-/);
    const where = r.trace.map((h) => h.where);
    expect(where.slice(0, 4)).toEqual(['laptop', 'internet', 'igw', [...c.cloud.loadBalancers.keys()][0]]);
    expect(r.connection!.send().outcome).toBe('established');
  });

  it('a stopped node turns unhealthy and traffic moves to the other nodes', () => {
    const c = cluster(webAndClient({ service: lbService() }));
    const ip = service(c).status!.loadBalancer!.ingress![0].ip!;
    c.stopNode('node-2');
    c.advance(30_000);
    const lb = [...c.cloud.loadBalancers.values()][0];
    expect(lb.targets.find((t) => t.node === 'node-2')?.health).toBe('unhealthy');
    // Once the node controller marks node-2 NotReady, its Pods leave the EndpointSlice too.
    c.advance(60_000);
    for (let i = 0; i < 20; i++) {
      const r = c.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP: ip, dstPort: 80 });
      expect(r.outcome).toBe('established');
      expect(r.trace.some((h) => h.node === 'node-2')).toBe(false);
    }
  });

  it('deleting the Service deletes its load balancer', () => {
    const c = cluster(webAndClient({ service: lbService() }));
    c.store.delete('Service', 'default', 'web');
    c.settle();
    expect(c.cloud.loadBalancers.size).toBe(0);
    expect(c.store.get('Service', 'default', 'web')).toBeUndefined();
    expect(c.cloud.calls.map((call) => call.call.split(' ')[0])).toContain('DeleteLoadBalancer');
  });
});

describe('a LoadBalancer Service on bare metal', () => {
  it('gets its NodePorts but no load balancer: EXTERNAL-IP stays pending', () => {
    const c = cluster(webAndClient({ service: lbService() }), 'cloud: {provider: none}\nvpcCIDR: 192.168.10.0/24\nnodes: [{name: metal-1, ip: 192.168.10.11}]');
    const svc = service(c);
    expect(svc.spec.ports![0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(svc.status?.loadBalancer?.ingress).toBeUndefined();
    expect(reasons(c)).toEqual([]);
  });
});
