import { describe, expect, it } from 'vitest';
import type { Deployment, Service } from '../../../sim/api/types';
import { clusterWith, exec, podsOf, webAndClient } from './cluster-fixture';

const headless = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]`;

describe('cluster DNS', () => {
  it('resolves a short name through the search path to the ClusterIP, as nslookup prints it', () => {
    const cluster = clusterWith(webAndClient());
    const ip = cluster.store.get<Service>('Service', 'default', 'web')!.spec.clusterIP;
    const r = exec(cluster, 'client', ['nslookup', 'web']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    expect(exec(cluster, 'client', ['nslookup', 'kubernetes.default']).stdout).toContain('Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n');
  });

  it('answers NXDOMAIN for a name no Service has, with exit code 1', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const r = exec(cluster, 'client', ['nslookup', 'nosuch']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nosuch: NXDOMAIN\n\n");
  });

  it('answers a headless Service with the IPs of its ready Pods', () => {
    const cluster = clusterWith(webAndClient({ service: headless }));
    const ips = podsOf(cluster, 'web').map((p) => p.status!.podIP!);
    const r = exec(cluster, 'client', ['nslookup', 'web.default.svc.cluster.local']);
    expect(r.exitCode).toBe(0);
    const answered = [...r.stdout.matchAll(/^Address: (.+)$/gm)].map((m) => m[1]);
    expect(answered.sort()).toEqual(ips.sort());
  });

  it('answers SRV records for named ports', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const r = exec(cluster, 'client', ['nslookup', '-type=srv', '_http._tcp.web.default.svc.cluster.local']);
    expect(r.stdout).toContain('_http._tcp.web.default.svc.cluster.local\tservice = 0 100 80 web.default.svc.cluster.local.\n');
  });

  it('goes through the data plane: with no CoreDNS endpoint, names do not resolve and curl says so', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    // Scale CoreDNS to zero: kube-dns has no endpoints, kube-proxy rejects port 53.
    cluster.store.mutate<Deployment>('Deployment', 'kube-system', 'coredns', (d) => {
      d.spec.replicas = 0;
    });
    cluster.advance(60_000);
    const curl = exec(cluster, 'client', ['curl', '-sS', 'http://web/']);
    expect(curl.exitCode).toBe(6);
    expect(curl.stderr).toContain('curl: (6) Could not resolve host: web\n');
    const ns = exec(cluster, 'client', ['nslookup', 'web']);
    expect(ns.exitCode).toBe(1);
    // BIND 9.18's nslookup (netshoot): three tries, each refused by kube-proxy's REJECT rule.
    expect(ns.stdout).toBe(`${';; communications error to 10.96.0.10#53: connection refused\n'.repeat(3)};; no servers could be reached\n\n`);
  });
});
