import { describe, expect, it } from 'vitest';
import { applyManifests } from '../../../sim/api/apply';
import type { Service } from '../../../sim/api/types';
import { clusterWith, exec, webAndClient } from '../services/cluster-fixture';

/** A second Service, `api`, with one Pod, that no policy lets the client reach. */
const api = `
apiVersion: v1
kind: Pod
metadata: {name: api, labels: {app: api}}
spec:
  containers:
  - name: api
    image: registry.k8s.io/e2e-test-images/agnhost:2.53
    args: [serve-hostname, --port, "8080"]
    ports: [{containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
`;

/**
 * The classic pair: deny all egress in the namespace, then allow DNS to the CoreDNS Pods only, by
 * namespace and Pod label (kubernetes.io/docs/concepts/services-networking/network-policies/), and
 * egress to the web Pods on their port.
 */
const policies = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-egress}
spec:
  podSelector: {}
  policyTypes: [Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
      podSelector: {matchLabels: {k8s-app: kube-dns}}
    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-web}
spec:
  podSelector: {matchLabels: {run: client}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: 8080}]
`;

function lockedDown() {
  const cluster = clusterWith(webAndClient({ replicas: 2 }).replace('metadata: {name: client}', 'metadata: {name: client, labels: {run: client}}') + '---' + api);
  expect(applyManifests(cluster, policies, 'policies.yaml').errors).toEqual([]);
  cluster.advance(1_000);
  return cluster;
}

describe('egress policy is judged after the Service DNAT, against the chosen endpoint', () => {
  it('default-deny egress + allow DNS to CoreDNS: nslookup works through the kube-dns ClusterIP', () => {
    const cluster = lockedDown();
    const r = exec(cluster, 'client', ['nslookup', 'web']);
    const web = cluster.store.get<Service>('Service', 'default', 'web')!;
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Server:\t\t10.96.0.10\n');
    expect(r.stdout).toContain(`Name:\tweb.default.svc.cluster.local\nAddress: ${web.spec.clusterIP}\n`);
  });

  it('curl to an allowed Service works; to a Service no policy allows, it times out (28)', () => {
    const cluster = lockedDown();
    const ok = exec(cluster, 'client', ['curl', '-sS', '-m', '3', 'http://web/']);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(/^web-/);

    const denied = exec(cluster, 'client', ['curl', '-sS', '-m', '3', 'http://api/']);
    expect(denied.exitCode).toBe(28);
    expect(denied.stderr).toContain('curl: (28) Connection timed out after 3002 milliseconds\n');
  });

  it('the trace shows the DNAT first, then the drop at the client veth naming the policy', () => {
    const cluster = lockedDown();
    const client = cluster.store.get<{ status: { podIP: string } } & Service>('Pod', 'default', 'client')!.status.podIP;
    const clusterIP = cluster.store.get<Service>('Service', 'default', 'api')!.spec.clusterIP!;
    const r = cluster.dataplane.connect({ fromIP: client, protocol: 'TCP', dstIP: clusterIP, dstPort: 80 });
    expect(r.outcome).toBe('timeout');
    const dnat = r.trace.findIndex((h) => h.action === 'DNAT');
    const drop = r.trace.findIndex((h) => h.action === 'DROP');
    expect(dnat).toBeGreaterThan(0);
    expect(drop).toBe(dnat + 1);
    expect(r.trace[drop].where).toMatch(/^node-\d veth[0-9a-f]{8}$/);
    expect(r.trace[drop].packet.dport).toBe(8080);
    expect(r.trace[drop].note).toContain('isolated for egress by NetworkPolicy default/default-deny-egress, default/allow-dns, default/allow-web, and no rule allows to');
    expect(r.trace.some((h) => h.where === 'vpc')).toBe(false);
  });
});
