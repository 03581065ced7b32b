import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import type { Ingress, Service } from '../../../sim/api/types';
import { provisioningMs } from '../../../sim/cloud/load-balancer';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const files: Record<string, string> = {
  'nginx-ingress.yaml': read('../../../sim/scenarios/ingress/nginx-ingress.yaml'),
  'cafe.yaml': read('../../../sim/scenarios/ingress/cafe.yaml'),
  'cafe-ingress.yaml': read('../../../sim/scenarios/ingress/cafe-ingress.yaml').replace(/  tls:\n[\s\S]*?(?=  rules:)/, ''),
};

function installed() {
  const cluster = new Cluster({ seed: 5 }).boot();
  const c = new Console(cluster, { readFile: (p) => files[p] });
  for (const cmd of ['kubectl apply -f nginx-ingress.yaml', 'kubectl apply -f cafe.yaml', 'kubectl apply -f cafe-ingress.yaml', 'kubectl run client --image=curlimages/curl:8.7.1 --restart=Never -- sleep 3600']) {
    expect(c.run(cmd).exitCode, cmd).toBe(0);
  }
  expect(c.run('kubectl wait --for=condition=Ready pod --all -n nginx-ingress').exitCode).toBe(0);
  expect(c.run('kubectl wait --for=condition=Ready pod --all').exitCode).toBe(0);
  c.run('sleep 2');
  const curl = (host: string, path: string) => c.run(`kubectl exec client -- curl -s -H 'Host: ${host}' http://nginx-ingress.nginx-ingress${path}`).stdout;
  return { cluster, c, curl };
}

describe('NGINX Ingress Controller', () => {
  it('routes each request by host and path to a Pod of the backend', () => {
    const { curl } = installed();
    expect(curl('foo.example.com', '/coffee')).toMatch(/^Hostname: coffee-/);
    expect(curl('foo.example.com', '/tea')).toMatch(/^tea-/);
    expect(curl('bar.example.com', '/coffee')).toMatch(/^Hostname: coffee-/);
    expect(curl('bar.example.com', '/coffee/beans')).toMatch(/^tea-/);
    expect(curl('foo.example.com', '/')).toContain('<title>404 Not Found</title>');
  });

  it('reports the external Service\'s load balancer address in every Ingress of its class', () => {
    const { cluster, c } = installed();
    // Once the cloud has made its load balancer active, the cloud controller gives the
    // controller's LoadBalancer Service its address; the Ingress reports it.
    c.run(`sleep ${provisioningMs / 1000}`);
    const lb = cluster.store.get<Service>('Service', 'nginx-ingress', 'nginx-ingress')!.status?.loadBalancer?.ingress?.[0]?.ip;
    expect(lb).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(cluster.store.get<Ingress>('Ingress', 'default', 'cafe')!.status).toEqual({ loadBalancer: { ingress: [{ ip: lb }] } });
    expect(c.run('kubectl get ingress cafe').stdout).toMatch(new RegExp(`^cafe\\s+nginx\\s+foo.example.com,bar.example.com\\s+${lb!.replaceAll('.', '\\.')}\\s+80\\s`, 'm'));
    // An Ingress of another class is not this controller's: its status stays empty.
    c.run(`kubectl patch ingress cafe --type=merge -p '{"spec":{"ingressClassName":"other"}}'`);
    cluster.settle();
    expect(c.run('kubectl get ingress cafe').stdout).toMatch(/^cafe\s+other\s+foo/m);
  });

  it('answers 502 when the backend has no ready endpoint, and follows the endpoints as they come back', () => {
    const { c, curl } = installed();
    c.run('kubectl scale deployment tea --replicas=0');
    c.run('sleep 40');
    expect(curl('foo.example.com', '/tea')).toContain('<title>502 Bad Gateway</title>');
    c.run('kubectl scale deployment tea --replicas=1');
    c.run('sleep 10');
    expect(curl('foo.example.com', '/tea')).toMatch(/^tea-/);
  });

  it('once its Pod is gone nothing answers for the Ingress, and the Ingress keeps its last status', () => {
    const { c, curl } = installed();
    c.run('kubectl delete deployment nginx-ingress -n nginx-ingress');
    c.run('sleep 40');
    expect(c.run('kubectl get pods -n nginx-ingress').stderr).toBe('No resources found in nginx-ingress namespace.\n');
    expect(curl('foo.example.com', '/coffee')).toBe('');
  });
});
