import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig, parseClusterConfig } from '../../../sim/cluster-config';
import { Cluster } from '../../../sim/cluster';
import { cidrContains } from '../../../sim/net/ip';
import type { Node } from '../../../sim/api/types';
import { apply, deploymentYaml, pods, seconds } from './helpers';

const scenario = (file: string) => readFileSync(new URL(`../../../sim/scenarios/${file}`, import.meta.url), 'utf8');

describe('cluster config files', () => {
  it('cluster-default.yaml is the default cluster', () => {
    expect(parseClusterConfig(scenario('cluster-default.yaml'))).toEqual(defaultClusterConfig);
  });

  it('the two-zone flannel example gives each node the next /24 of its clusterCIDR and its labels', () => {
    const config = parseClusterConfig(scenario('cluster-two-zones-flannel.yaml'));
    expect(config.nodes.map((n) => n.podCIDR)).toEqual(['10.42.1.0/24', '10.42.2.0/24', '10.42.3.0/24', '10.42.4.0/24']);
    expect(config.serviceCIDR).toBe('10.96.0.0/12');
    expect(config.cni).toEqual({ name: 'flannel', enforcesNetworkPolicy: false });
    const cluster = new Cluster({ config, seed: 3 });
    seconds(cluster, 1);
    expect(cluster.store.get<Node>('Node', '', 'worker-b1')?.metadata.labels?.['topology.kubernetes.io/zone']).toBe('eu-west-1b');
    apply(cluster, deploymentYaml('web', 4, { podSpec: '      nodeSelector:\n        disktype: ssd\n' }));
    seconds(cluster, 5);
    for (const pod of pods(cluster, 'web')) {
      expect(['worker-b1', 'worker-b2']).toContain(pod.spec.nodeName);
      const node = config.nodes.find((n) => n.name === pod.spec.nodeName)!;
      expect(cidrContains(node.podCIDR, pod.status!.podIP!)).toBe(true);
    }
  });

  it('names every problem of a bad file in one message', () => {
    const bad = 'vpcCIDR: 10.0.0.0/16\nnodes:\n  - {name: a, ip: 10.1.0.5}\n  - {name: a, ip: 10.0.0.9, podCIDR: 192.168.0.0/24, zone: x}\n';
    expect(() => parseClusterConfig(bad)).toThrow(
      'cluster config: nodes[0].ip: 10.1.0.5 is outside vpcCIDR 10.0.0.0/16; nodes[1]: unknown field "zone"; nodes[1].podCIDR: 192.168.0.0/24 is outside clusterCIDR 10.244.0.0/16; nodes[1].name: duplicate node name "a"',
    );
    expect(() => parseClusterConfig('nodez: []')).toThrow('cluster config: unknown field "nodez"');
    expect(() => parseClusterConfig('- a')).toThrow('cluster config: expected a YAML mapping');
  });
});
