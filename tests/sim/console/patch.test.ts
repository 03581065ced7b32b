import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import type { Deployment, Ingress, Service } from '../../../sim/api/types';

function setup() {
  const cluster = new Cluster({ seed: 1 }).boot();
  const c = new Console(cluster, { readFile: () => undefined });
  c.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
  return { cluster, c, web: () => cluster.store.get<Deployment>('Deployment', 'default', 'web')! };
}

describe('kubectl patch', () => {
  it('strategic merge (the default) merges containers by name', () => {
    const { c, web } = setup();
    expect(c.run(`kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`)).toMatchObject({ stdout: 'deployment.apps/web patched\n', exitCode: 0 });
    const containers = web().spec.template.spec.containers;
    expect(containers.map((x) => [x.name, x.image])).toEqual([['nginx', 'nginx:1.28']]);
    expect(containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(c.run(`kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`).stdout).toBe('deployment.apps/web patched (no change)\n');
  });

  it('merge (RFC 7386) replaces lists, and null removes a key', () => {
    const { c, web } = setup();
    c.run(`kubectl patch deployment web --type=merge -p '{"metadata":{"labels":{"tier":"front"}},"spec":{"replicas":3}}'`);
    expect(web().metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(web().spec.replicas).toBe(3);
    c.run(`kubectl patch deployment web --type merge -p '{"metadata":{"labels":{"tier":null}}}'`);
    expect(web().metadata.labels).toEqual({ app: 'web' });
  });

  it('json (RFC 6902) applies operations, and reports a failed one', () => {
    const { c, web } = setup();
    expect(c.run(`kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":5}]'`).exitCode).toBe(0);
    expect(web().spec.replicas).toBe(5);
    expect(c.run(`kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/nothing","value":1}]'`)).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('replace operation does not apply') });
  });

  it('the API server validates the patched object', () => {
    const { c } = setup();
    expect(c.run(`kubectl patch deployment web --type=merge -p '{"spec":{"replicas":-1}}'`)).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('spec.replicas: Invalid value: -1: must be greater than or equal to 0') });
  });

  it('a status change reaches the store only through --subresource=status', () => {
    const { cluster, c } = setup();
    c.run('kubectl create service clusterip web --tcp=80:80');
    const status = `'{"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.5"}]}}}'`;
    expect(c.run(`kubectl patch service web --type=merge -p ${status}`).stdout).toBe('service/web patched (no change)\n');
    expect(c.run(`kubectl patch service web --subresource=status --type=merge -p ${status}`).stdout).toBe('service/web patched\n');
    expect(cluster.store.get<Service>('Service', 'default', 'web')!.status).toEqual({ loadBalancer: { ingress: [{ ip: '203.0.113.5' }] } });
    expect(c.run(`kubectl patch configmap kube-root-ca.crt --subresource=status --type=merge -p ${status}`).stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n');
  });

  it('an Ingress shows the address patched into its status', () => {
    const { cluster, c } = setup();
    cluster.store.create<Ingress>({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'default' }, spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } } });
    c.run(`kubectl patch ingress web --subresource=status --type=merge -p '{"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.7"}]}}}'`);
    expect(c.run('kubectl get ingress web').stdout).toMatch(/^web\s+<none>\s+\*\s+203\.0\.113\.7\s+80\s/m);
  });

  it('refuses a bad --type and a missing patch as kubectl does', () => {
    const { c } = setup();
    expect(c.run(`kubectl patch deployment web --type=xml -p '{}'`).stderr).toBe('error: --type must be one of [json merge strategic], not "xml"\n');
    expect(c.run('kubectl patch deployment web').stderr).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect(c.run(`kubectl patch deployment nope -p '{}'`).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});
