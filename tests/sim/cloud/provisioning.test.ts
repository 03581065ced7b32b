/**
 * What the reader watches in the LoadBalancer and NodePort chapters: the Service's EXTERNAL-IP
 * stays <pending> while the cloud provisions its load balancer, and the cloud's API log says who
 * asked what and what the cloud answered; a reply from the internet is mapped back by the internet
 * gateway; agnhost netexec's /clientip tells the address the Pod saw.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import { provisioningMs } from '../../../sim/cloud/load-balancer';
import type { DataplaneEvent } from '../../../sim/net/dataplane';

const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: "registry.k8s.io/e2e-test-images/agnhost:2.53", args: [netexec, --http-port=8080]}]
`;

function start(): Console {
  const cluster = new Cluster().boot();
  const c = new Console(cluster, { readFile: (p) => (p === 'web.yaml' ? web : undefined) });
  c.run('kubectl apply -f web.yaml');
  c.run('kubectl wait --for=condition=Ready pod --all --timeout=60s');
  return c;
}

describe('a load balancer takes time to provision', () => {
  it('keeps EXTERNAL-IP <pending> until the cloud says the load balancer is active, then writes its address', () => {
    const c = start();
    c.run('kubectl expose deployment web --type=LoadBalancer --port=80 --target-port=8080');
    expect(c.run('kubectl get svc web').stdout).toMatch(/<pending>/);
    const created = c.cluster.cloud.calls.at(-1)!;
    expect(created.call).toMatch(/^CreateLoadBalancer /);
    expect(created.answer).toMatch(/^state=provisioning publicIP=203\.0\.113\.\d+/);
    const ip = /publicIP=(\S+)/.exec(created.answer)![1];
    // Not reachable while it provisions.
    expect(c.run(`curl -sS -m 2 http://${ip}/`).stderr).toMatch(/Connection timed out/);
    c.run(`sleep ${provisioningMs / 1000}`);
    expect(c.run('kubectl get svc web').stdout).toContain(ip);
    const described = c.cluster.cloud.calls.find((call) => call.call.startsWith('DescribeLoadBalancer'))!;
    expect(described.answer).toBe(`state=active publicIP=${ip}`);
    expect(described.at - created.at).toBe(provisioningMs);
    // Health checks run once it is active: after two passes, the load balancer answers.
    c.run('sleep 20');
    expect(c.run(`curl -s http://${ip}/hostname`).stdout).toMatch(/^web-/);
  });
});

describe('traffic between the internet and a node', () => {
  it('the reply to the laptop comes from the public IP it called: the internet gateway maps it back', () => {
    const c = start();
    c.run('kubectl expose deployment web --type=NodePort --port=80 --target-port=8080');
    const nodePort = c.run("kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'").stdout;
    const events: DataplaneEvent[] = [];
    c.cluster.dataplane.observers.add((e) => events.push(e));
    const answer = c.run(`curl -s http://203.0.113.11:${nodePort}/clientip`).stdout;
    // externalTrafficPolicy Cluster: the Pod sees an address of node-2 (its IP, or its bridge's when the Pod is local).
    expect(answer).toMatch(/^(10\.0\.1\.12|10\.244\.2\.1):\d+$/);
    const connect = events.find((e) => e.kind === 'connect')!;
    const entries = connect.kind === 'connect' ? connect.result.connection!.entries : [];
    const igw = entries.find((e) => e.node === 'igw')!;
    expect(igw.entry.original.dst).toBe('203.0.113.11');
    expect(igw.entry.reply.src).toBe('10.0.1.12');
  });

  it('externalTrafficPolicy Local: /clientip reports the laptop itself', () => {
    const c = start();
    c.run('kubectl expose deployment web --type=NodePort --port=80 --target-port=8080');
    c.run(`kubectl patch svc web -p '{"spec":{"externalTrafficPolicy":"Local"}}'`);
    c.run('sleep 2');
    const nodePort = c.run("kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'").stdout;
    const node = c.run("kubectl get pods -o jsonpath='{.items[0].spec.nodeName}'").stdout;
    const publicIP = c.run('cloud ip list').stdout.split('\n').find((l) => l.endsWith(` ${node}`))!.split(/\s+/)[0];
    expect(c.run(`curl -s http://${publicIP}:${nodePort}/clientip`).stdout).toMatch(/^192\.0\.2\.10:\d+$/);
  });
});
