import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../sim/cluster';
import { applyManifests } from '../../sim/api/apply';
import { parseClusterConfig } from '../../sim/cluster-config';
import { prettyPrint, probeReachability } from '../../components/views/reachability';

const scenario = (f: string) => readFileSync(`sim/scenarios/network-policy/${f}`, 'utf8');
const pods = ['x', 'y', 'z'].flatMap((namespace) => ['a', 'b', 'c'].map((name) => ({ namespace, name })));

function model(config?: string): Cluster {
  const cluster = new Cluster({ seed: 1, config: config ? parseClusterConfig(config) : undefined }).boot();
  expect(applyManifests(cluster, scenario('pods.yaml'), 'pods.yaml').errors).toEqual([]);
  cluster.advance(20_000);
  return cluster;
}

describe('the reachability matrix, from real connections', () => {
  it('open by default: every Pod reaches every Pod', () => {
    const m = probeReachability(model(), pods, 80);
    expect(m.cells.flat().every((c) => c === 'established')).toBe(true);
  });

  it('a default-deny ingress policy in x: nobody reaches x but x/a itself, drawn as upstream prints it', () => {
    const cluster = model();
    expect(applyManifests(cluster, scenario('deny-ingress-x.yaml'), 'p.yaml').errors).toEqual([]);
    cluster.advance(1_000);
    const grid = prettyPrint(probeReachability(cluster, pods, 80)).split('\n');
    expect(grid[0]).toBe('-\tx/a\tx/b\tx/c\ty/a\ty/b\ty/c\tz/a\tz/b\tz/c');
    expect(grid[2]).toBe('x/b\tX\t.\tX\t.\t.\t.\t.\t.\t.');
    expect(grid[9]).toBe('z/c\tX\tX\tX\t.\t.\t.\t.\t.\t.');
  });

  it('a CNI that does not enforce policies: the same policy changes nothing', () => {
    const cluster = model(readFileSync('sim/scenarios/cluster-two-zones-flannel.yaml', 'utf8'));
    expect(applyManifests(cluster, scenario('deny-ingress-x.yaml'), 'p.yaml').errors).toEqual([]);
    cluster.advance(1_000);
    expect(probeReachability(cluster, pods, 80).cells.flat().every((c) => c === 'established')).toBe(true);
  });

  it('probing takes no virtual time; a Pod not yet running is "?"', () => {
    const cluster = new Cluster({ seed: 1 }).boot();
    applyManifests(cluster, scenario('pods.yaml'), 'pods.yaml');
    const now = cluster.clock.now;
    expect(prettyPrint(probeReachability(cluster, pods, 80))).toContain('?');
    expect(cluster.clock.now).toBe(now);
  });
});
