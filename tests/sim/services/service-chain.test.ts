import { describe, expect, it } from 'vitest';
import type { Service } from '../../../sim/api/types';
import { serviceChain } from '../../../sim/queries/service-chain';
import { clusterWith, podsOf, webAndClient } from './cluster-fixture';

describe('the Service chain query', () => {
  it('follows selector → Pods → endpoints → rules on every node', () => {
    const cluster = clusterWith(webAndClient());
    const chain = serviceChain(cluster, 'default', 'web')!;
    expect(chain.pods).toHaveLength(3);
    expect(chain.endpoints.filter((e) => e.ready)).toHaveLength(3);
    expect(chain.rules).toHaveLength(cluster.nodes.size);
    for (const r of chain.rules) {
      expect(r.chain).toMatch(/^KUBE-SVC-[A-Z2-7]{16}$/);
      expect(r.dnatTargets.sort()).toEqual(podsOf(cluster, 'web').map((p) => `${p.status!.podIP}:8080`).sort());
    }
    expect(chain.steps.every((s) => s.ok)).toBe(true);
  });

  it('says what is missing: a selector that picks nothing, a stopped kube-proxy', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    cluster.stopKubeProxy('node-2');
    cluster.store.mutate<Service>('Service', 'default', 'web', (d) => {
      d.spec.selector = { app: 'webb' };
    });
    cluster.advance(5_000);
    const chain = serviceChain(cluster, 'default', 'web')!;
    const step = (s: string) => chain.steps.find((x) => x.step === s)!;
    expect(step('selector')).toEqual({ step: 'selector', ok: false, summary: "The selector app=webb picks no Pod: check the Pods' labels." });
    expect(step('endpoints').ok).toBe(false);
    expect(step('kube-proxy')).toEqual({ step: 'kube-proxy', ok: false, summary: 'kube-proxy is stopped on node-2: rules there are stale.' });
    expect(chain.rules.find((r) => r.node === 'node-2')!.stale).toBe(true);
    expect(chain.rules.find((r) => r.node === 'node-1')!.stale).toBe(false);
  });
});
