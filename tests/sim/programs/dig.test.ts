import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Deployment, Service } from '../../../sim/api/types';
import { clusterWith, exec, webAndClient } from '../services/cluster-fixture';

/** The client of webAndClient runs nicolaka/netshoot, which ships BIND's dig. */
describe('dig', () => {
  it('prints the header, the OPT pseudosection, the question and answer in master-file columns, and the reply size', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const ip = cluster.store.get<Service>('Service', 'default', 'web')!.spec.clusterIP;
    const r = exec(cluster, 'client', ['dig', 'web.default.svc.cluster.local']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['', '; <<>> DiG 9.18.27 <<>> web.default.svc.cluster.local', ';; global options: +cmd', ';; Got answer:']);
    expect(lines[4]).toMatch(/^;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+$/);
    expect(r.stdout).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n');
    expect(r.stdout).toContain(';; QUESTION SECTION:\n;web.default.svc.cluster.local.\tIN\tA\n\n');
    expect(r.stdout).toContain(`;; ANSWER SECTION:\nweb.default.svc.cluster.local. 30 IN\tA\t${ip}\n\n`);
    expect(r.stdout).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n');
    // 12 header + 35 question + 23 OPT with the cookie + 45 for the A record.
    expect(r.stdout).toMatch(/;; MSG SIZE {2}rcvd: 115\n\n$/);
  });

  it('+short prints only the data; it does not search unless told (+search); -x asks PTR; @SERVER is announced', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const ip = cluster.store.get<Service>('Service', 'default', 'web')!.spec.clusterIP;
    expect(exec(cluster, 'client', ['dig', '+short', 'web.default.svc.cluster.local']).stdout).toBe(`${ip}\n`);
    expect(exec(cluster, 'client', ['dig', '+short', 'web']).stdout).toBe('');
    expect(exec(cluster, 'client', ['dig', '+short', '+search', 'web']).stdout).toBe(`${ip}\n`);
    expect(exec(cluster, 'client', ['dig', '+short', '-x', ip!]).stdout).toBe('web.default.svc.cluster.local.\n');
    expect(exec(cluster, 'client', ['dig', '+short', '_http._tcp.web.default.svc.cluster.local', 'SRV']).stdout).toBe('0 100 80 web.default.svc.cluster.local.\n');
    expect(exec(cluster, 'client', ['dig', '@10.96.0.10', 'web']).stdout).toContain('; <<>> DiG 9.18.27 <<>> @10.96.0.10 web\n; (1 server found)\n');
  });

  it('+noall +answer prints the answer records alone; +nocmd and +nostats drop the first and last lines', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const ip = cluster.store.get<Service>('Service', 'default', 'web')!.spec.clusterIP;
    expect(exec(cluster, 'client', ['dig', '+noall', '+answer', 'web.default.svc.cluster.local']).stdout).toBe(`web.default.svc.cluster.local. 30 IN\tA\t${ip}\n`);
    const trimmed = exec(cluster, 'client', ['dig', '+nocmd', '+nostats', 'web.default.svc.cluster.local']).stdout;
    expect(trimmed.startsWith(';; Got answer:\n')).toBe(true);
    expect(trimmed.endsWith(`;; ANSWER SECTION:\nweb.default.svc.cluster.local. 30 IN\tA\t${ip}\n\n`)).toBe(true);
  });

  it('a name outside the zone: NXDOMAIN relayed by forward, not authoritative, with the root SOA', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const r = exec(cluster, 'client', ['dig', 'web']);
    expect(r.stdout).toContain('status: NXDOMAIN');
    expect(r.stdout).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n\n');
    expect(r.stdout).toMatch(/;; AUTHORITY SECTION:\n\.\t\t\t86400\tIN\tSOA\ta\.root-servers\.net\. nstld\.verisign-grs\.com\. \d{10} 1800 900 604800 86400\n/);
  });

  it('no server answers: three communications errors and exit code 9', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    cluster.store.mutate<Deployment>('Deployment', 'kube-system', 'coredns', (d) => {
      d.spec.replicas = 0;
    });
    cluster.advance(60_000);
    const r = exec(cluster, 'client', ['dig', 'web']);
    expect(r.exitCode).toBe(9);
    expect(r.stdout.startsWith(';; communications error to 10.96.0.10#53: connection refused\n'.repeat(3))).toBe(true);
    expect(r.stdout.endsWith(';; no servers could be reached\n')).toBe(true);
  });
});

describe("jessie-dnsutils' dig (BIND 9.9)", () => {
  it('asks with a 4096-byte EDNS buffer and no cookie, names no protocol after the server, and says it timed out in the old words', () => {
    const cluster = clusterWith(
      `${webAndClient({ replicas: 1 })}---\napiVersion: v1\nkind: Pod\nmetadata: {name: dnsutils}\nspec:\n  containers: [{name: dnsutils, image: registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3, command: [sleep, infinity]}]\n`,
    );
    const r = exec(cluster, 'dnsutils', ['dig', 'web.default.svc.cluster.local']);
    expect(r.stdout).toContain('; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> web.default.svc.cluster.local\n');
    expect(r.stdout).toContain(';; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 4096\n;; QUESTION SECTION:\n');
    expect(r.stdout).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10)\n');
    // 12 + 35 + 11 (OPT, no cookie) + 45.
    expect(r.stdout).toContain(';; MSG SIZE  rcvd: 103\n');
    cluster.store.mutate<Deployment>('Deployment', 'kube-system', 'coredns', (d) => {
      d.spec.replicas = 0;
    });
    cluster.advance(60_000);
    expect(exec(cluster, 'dnsutils', ['dig', 'web'])).toMatchObject({
      stdout: '\n; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> web\n;; global options: +cmd\n;; connection timed out; no servers could be reached\n',
      exitCode: 9,
    });
  });
});

describe('dig and nslookup never crash', () => {
  it('whatever the arguments (a server that is a name, too), they answer with an exit code dig or nslookup uses', () => {
    const pod = (name: string, image: string) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers: [{name: c, image: "${image}", command: [sleep, "3600"]}]\n`;
    const cluster = clusterWith(webAndClient({ replicas: 1 }) + pod('bb', 'busybox') + pod('bb128', 'busybox:1.28'));
    const arg = fc.constantFrom('web', 'web.default.svc.cluster.local', '@10.96.0.10', '@1.2.3.4', '-x', '10.96.0.1', '-t', 'SRV', 'MX', '+short', '+search', '+noall', '+answer', '+nostats', '-q=a', '-type=bogus', '-', '.', '', 'IN');
    fc.assert(
      fc.property(fc.constantFrom('client', 'bb', 'bb128'), fc.constantFrom('dig', 'nslookup'), fc.array(arg, { maxLength: 5 }), (client, tool, args) => {
        const r = exec(cluster, client, [tool, ...args]);
        // dig and nslookup's own codes; a BusyBox image has no dig (kubectl exec's 1).
        expect([0, 1, 9, 10]).toContain(r.exitCode);
      }),
      { numRuns: 100 },
    );
  });
});
