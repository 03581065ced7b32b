/**
 * The world map's view and layout, and Cloud calls' view, against the engine: what the map draws
 * comes from the cloud's own state, and every box fits the width the page gives it.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { replay } from '../../components/live/replay';
import { scenarioOf } from '../../components/live/scenario';
import { clusterView } from '../../components/views/cluster';
import { worldView, worldDestinations } from '../../components/views/world';
import { worldLayout } from '../../components/views/world-layout';
import { cloudCallsView } from '../../components/views/cloud-calls';

const web = readFileSync(new URL('../../sim/scenarios/load-balancer/web.yaml', import.meta.url), 'utf8');
const config = (name: string) => readFileSync(new URL(`../../sim/scenarios/cluster-${name}.yaml`, import.meta.url), 'utf8');
const expose = { at: 20_000, command: 'kubectl expose deployment web --type=LoadBalancer --port=80 --target-port=8080' };

describe('the world view', () => {
  test('on the default cloud: public IPs per node, the laptop on the internet, a load balancer with its targets once exposed', () => {
    const { cluster } = replay(scenarioOf({ manifests: web, source: 'web.yaml', setup: [expose], time: 60_000 }));
    const world = worldView(cluster);
    expect(world.publicIPs).toEqual({ 'node-1': '203.0.113.10', 'node-2': '203.0.113.11', 'node-3': '203.0.113.12' });
    expect(world.laptop).toMatchObject({ name: 'laptop', address: '192.0.2.10' });
    expect(world.laptopOnLan).toBe(false);
    expect(world.loadBalancers).toHaveLength(1);
    expect(world.loadBalancers[0]).toMatchObject({ service: 'default/web', publicIP: '203.0.113.13' });
    expect(world.loadBalancers[0].targets.map((t) => `${t.node} ${t.health}`)).toEqual(['node-1 healthy', 'node-2 healthy', 'node-3 healthy']);
    const view = clusterView(cluster, 'default');
    const destinations = worldDestinations(view.nodes, view.services, world).map((d) => d.url);
    expect(destinations).toContain('http://203.0.113.13/');
    expect(destinations).toContain('http://198.51.100.20/');
    expect(destinations.filter((u) => u.startsWith('http://203.0.113.1') && /:3\d{4}\/$/.test(u))).toHaveLength(3);
  });

  test('on bare metal: no cloud, the laptop on the LAN, no public IP; the Service stays <pending> and Cloud calls is empty', () => {
    const { cluster } = replay(scenarioOf({ manifests: web, source: 'web.yaml', clusterConfig: config('bare-metal'), setup: [expose], time: 60_000 }));
    const world = worldView(cluster);
    expect(world).toMatchObject({ cloud: false, laptopOnLan: true, publicIPs: {}, loadBalancers: [], gateway: undefined });
    const calls = cloudCallsView(cluster, 'default', 'web');
    expect(calls).toMatchObject({ cloud: false, calls: [], externalIP: '<pending>' });
    expect(calls.getSvc).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nweb\s+LoadBalancer\s/);
  });

  test('nodes in a private subnet behind a NAT gateway: no public IP on a node, the NAT gateway\'s public IP', () => {
    const { cluster } = replay(scenarioOf({ manifests: web, source: 'web.yaml', clusterConfig: config('private-nat'), time: 10_000 }));
    const world = worldView(cluster);
    expect(world.publicIPs).toEqual({});
    expect(world.nat).toEqual({ name: 'nat-gw', address: '10.0.0.5', publicIP: '203.0.113.10' });
  });
});

describe('Cloud calls', () => {
  test('EXTERNAL-IP is <pending> while the cloud provisions, then the address; each call says what the cloud answered', () => {
    const at = (time: number) => cloudCallsView(replay(scenarioOf({ manifests: web, source: 'web.yaml', setup: [expose], time })).cluster, 'default', 'web');
    expect(at(21_000).externalIP).toBe('<pending>');
    const later = at(40_000);
    expect(later.externalIP).toBe('203.0.113.13');
    expect(later.calls.map((c) => c.call.split(' ')[0])).toEqual(['CreateInternetGateway', 'AssociatePublicIp', 'AssociatePublicIp', 'AssociatePublicIp', 'CreateLoadBalancer', 'DescribeLoadBalancer']);
    expect(later.calls.every((c) => c.answer.length > 0)).toBe(true);
  });
});

describe('the world layout', () => {
  const { cluster } = replay(scenarioOf({ manifests: web, source: 'web.yaml', setup: [expose], time: 40_000 }));
  const view = clusterView(cluster, 'default');
  const world = worldView(cluster);
  test('every box fits the width, and the cloud\'s edge sits between the internet and the VPC', () => {
    fc.assert(
      fc.property(fc.integer({ min: 280, max: 1400 }), fc.integer({ min: 0, max: 3 }), (width, slots) => {
        const layout = worldLayout(view, world, width, 4, slots);
        const boxes = [layout.internet, layout.network, ...layout.elements.values(), ...layout.emptySlots, ...layout.nodes.values(), ...layout.pods.values()];
        for (const b of boxes) {
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w).toBeLessThanOrEqual(width);
          expect(b.y + b.h).toBeLessThanOrEqual(layout.height);
        }
        const edge = layout.edge!;
        expect(edge.y).toBeGreaterThan(layout.internet.y + layout.internet.h);
        expect(edge.y + edge.h).toBeLessThan(layout.network.y);
        for (const n of layout.nodes.values()) expect(n.y).toBeGreaterThan(layout.network.y);
        // A gateway's box holds its words ("public IP ↔ private IP, one to one"), in a row or stacked.
        if (world.gateway) expect(layout.elements.get(world.gateway)!.w).toBeGreaterThanOrEqual(Math.min(230, width - 16));
        expect(layout.emptySlots).toHaveLength(Math.max(0, slots - world.loadBalancers.length));
      }),
      { numRuns: 40 },
    );
  });
});
