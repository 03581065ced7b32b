/**
 * The views behind "Who does what" and the decision matrix, on the cluster they load: each layer
 * lists what implements it now, read from the engine, and follows the engine when it changes; the
 * decision matrix's commands carry this cluster's addresses and do what the answer claims.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from '../../components/live/replay';
import { scenarioOf } from '../../components/live/scenario';
import { whoDoesWhat, layerIds } from '../../components/views/who-does-what';
import { decisions } from '../../components/views/decision-matrix';

const read = (f: string) => readFileSync(f, 'utf8');
const exposed = [read('sim/scenarios/who-does-what/web.yaml'), read('sim/scenarios/ingress/nginx-ingress.yaml'), ...['cafe', 'cafe-ingress', 'example-tls', 'client'].map((f) => read(`sim/scenarios/ingress/${f}.yaml`))].join('---\n');
const objects = { clusterIP: 'web', nodePort: 'web-nodeport', loadBalancer: 'web-lb', ingress: 'cafe' };

function cluster() {
  const r = replay(scenarioOf({ manifests: exposed, source: 'web.yaml', time: 30_000 }));
  expect(r.applyErrors).toEqual([]);
  return r;
}

describe('who does what', () => {
  it('lists every layer, with who provides it', () => {
    const layers = whoDoesWhat(cluster().cluster);
    expect(layers.map((l) => l.id)).toEqual(layerIds);
    expect(Object.fromEntries(layers.map((l) => [l.id, l.provider]))).toEqual({ 'pod-network': 'kubernetes', service: 'kubernetes', 'load-balancer': 'cloud', ingress: 'kubernetes', 'ingress-controller': 'kubernetes', egress: 'both' });
  });

  it('reads each layer from the engine: Services have nothing in the cloud, load balancers are the cloud\'s', () => {
    const { cluster: c } = cluster();
    const layer = (id: string) => whoDoesWhat(c).find((l) => l.id === id)!;
    expect(layer('service').cloud).toEqual([]);
    expect(layer('service').kubernetes.find((i) => i.name === 'default/web')?.detail).toMatch(/^ClusterIP 10\.\d+\.\d+\.\d+, 2 ready endpoint\(s\)$/);
    const lbs = layer('load-balancer').cloud;
    expect(lbs).toHaveLength(2);
    const web = c.store.get<any>('Service', 'default', 'web-lb');
    expect(lbs.some((lb) => lb.detail.startsWith(`public IP ${web.status.loadBalancer.ingress[0].ip};`))).toBe(true);
    expect(layer('ingress').cloud).toEqual([]);
    expect(layer('ingress').kubernetes.map((i) => `${i.kind} ${i.name}`)).toEqual(['Ingress default/cafe', 'IngressClass nginx']);
    const controller = layer('ingress-controller').kubernetes;
    expect(controller.map((i) => i.kind)).toEqual(['Service (LoadBalancer)', 'Pod']);
    expect(controller[1].name).toMatch(/^nginx-ingress\/nginx-ingress-/);
    expect(layer('ingress-controller').cloud).toHaveLength(1);
  });

  it('follows the cluster: a deleted Service leaves its layer, its load balancer leaves the cloud', () => {
    const { cluster: c, console } = cluster();
    expect(console.run('kubectl delete svc web-lb').exitCode).toBe(0);
    c.advance(5_000);
    const layers = whoDoesWhat(c);
    const lb = layers.find((l) => l.id === 'load-balancer')!;
    expect(lb.kubernetes.some((i) => i.name === 'default/web-lb')).toBe(false);
    expect(lb.cloud).toHaveLength(1);
  });
});

describe('the decision matrix', () => {
  it('answers each requirement, with commands that use this cluster\'s addresses', () => {
    const { cluster: c } = cluster();
    const all = decisions(c, objects);
    expect(all.map((d) => d.answer)).toEqual(['ClusterIP (the default type)', 'NodePort', 'LoadBalancer', 'Ingress, with an Ingress controller behind one cloud load balancer', "The cloud's NAT: a NAT gateway, or public IPs on the nodes"]);
    const lbIP = c.store.get<any>('Service', 'default', 'web-lb').status.loadBalancer.ingress[0].ip;
    expect(all[2].commands).toContain(`curl -s http://${lbIP}`);
    const clusterIP = c.store.get<any>('Service', 'default', 'web').spec.clusterIP;
    expect(all[0].commands).toContain(`curl -sS -m 3 http://${clusterIP}`);
  });

  it('every command runs; inside works, a ClusterIP from the laptop does not, the load balancer and the Ingress answer', () => {
    const { cluster: c, console } = cluster();
    const all = decisions(c, objects);
    const out = (cmd: string) => console.run(cmd);
    const [internal, lab, simple, platform, outbound] = all;
    expect(out(internal.commands[1]).stdout).toMatch(/^web-/);
    expect(out(internal.commands[2]).exitCode).toBe(28);
    expect(out(lab.commands[2]).stdout).toMatch(/^web-/);
    expect(out(simple.commands[1]).stdout).toMatch(/^web-/);
    expect(out(platform.commands[1]).stdout).toMatch(/^tea-/);
    const seen = out(outbound.commands[0]).stdout.trim();
    expect([...c.cloud.publicIPs.keys()]).toContain(seen);
    for (const d of all) for (const cmd of d.commands) expect(out(cmd).stderr, cmd).not.toMatch(/command not found|unknown/i);
  });
});
