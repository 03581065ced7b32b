import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cluster } from '../../../sim/cluster';
import { applyManifests } from '../../../sim/api/apply';
import type { Service } from '../../../sim/api/types';
import { echoHostAddress, laptopAddress } from '../../../sim/cloud/cloud';
import type { Hop } from '../../../sim/net/packet';
import { agnhostWeb } from '../../fixtures/agnhost-web';

/** One cluster with a NodePort, a LoadBalancer Cluster and a LoadBalancer Local Service, settled. */
function cloudCluster(seed: number): Cluster {
  const c = new Cluster({ seed }).boot();
  const services = (['np', 'lb', 'local'] as const)
    .map((name, i) => `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: ${name === 'np' ? 'NodePort' : 'LoadBalancer'}
  externalTrafficPolicy: ${name === 'local' ? 'Local' : 'Cluster'}
  selector: {app: web}
  ports: [{port: ${80 + i}, targetPort: 8080, nodePort: ${30080 + i}}]`)
    .join('\n---\n');
  const yaml = `${agnhostWeb(2)}
---
${services}`;
  expect(applyManifests(c, yaml, 'web.yaml').errors).toEqual([]);
  c.advance(60_000);
  return c;
}

const cluster = cloudCluster(1);
const lbIPs = cluster.store.list<Service>('Service', 'default').flatMap((s) => s.status?.loadBalancer?.ingress?.map((i) => i.ip!) ?? []);
const publicIPs = [...cluster.cloud.publicIPs.keys()];
const destinations = fc.oneof(
  fc.constantFrom(...publicIPs, ...lbIPs, echoHostAddress, '10.0.1.11', '10.244.1.2', '10.96.0.1'),
  fc.ipV4(),
);
const ports = fc.oneof(fc.constantFrom(80, 81, 82, 22, 8080, 10256, 30080, 30081, 30082), fc.integer({ min: 1, max: 65535 }));

/** Where a walk ended, and whether the trace says why it ended there. */
function ending(trace: Hop[]): Hop {
  return trace[trace.length - 1];
}

describe('packets from the internet', () => {
  it('every packet that enters from the internet ends at a Pod (or a listening host process), or is dropped or refused with a reason', () => {
    fc.assert(
      fc.property(destinations, ports, (dstIP, dstPort) => {
        const r = cluster.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP, dstPort });
        r.connection?.close();
        const last = ending(r.trace);
        if (r.outcome === 'established') {
          expect(last.action).toBe('deliver');
          // A Pod, a node's own listening socket (sshd, kube-proxy's health ports) or a host on the internet.
          expect(r.server !== undefined || last.where.endsWith(' host') || last.where === 'echo').toBe(true);
          if (r.server) expect(last.packet.dst).toBe(r.server.ip);
        } else {
          expect(['DROP', 'REJECT', 'deliver']).toContain(last.action);
          expect(last.note ?? last.rule ?? '').not.toBe('');
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the same seed gives the same trace', () => {
    const a = cloudCluster(42);
    const b = cloudCluster(42);
    const ip = a.store.get<Service>('Service', 'default', 'lb')!.status!.loadBalancer!.ingress![0].ip!;
    for (let i = 0; i < 20; i++) {
      const ra = a.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP: ip, dstPort: 81 });
      const rb = b.dataplane.connect({ fromIP: laptopAddress, protocol: 'TCP', dstIP: ip, dstPort: 81 });
      expect(JSON.stringify(ra.trace)).toBe(JSON.stringify(rb.trace));
    }
  });
});
