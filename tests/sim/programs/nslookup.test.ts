import { describe, expect, it } from 'vitest';
import type { Deployment, Service } from '../../../sim/api/types';
import { clusterWith, exec, webAndClient } from '../services/cluster-fixture';
import { ssh } from '../../../sim/console/ssh';

/** webAndClient's web Service (named port http) with one Pod, and one more client Pod per image. */
const manifests = (clients: Record<string, string>) =>
  webAndClient({ replicas: 1 }) +
  Object.entries(clients)
    .map(([name, image]) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers: [{name: c, image: "${image}", command: [sleep, "3600"]}]\n`)
    .join('');

describe("BusyBox 1.36's nslookup", () => {
  it('asks A then AAAA for every search domain of a dotless name and prints each reply; any NXDOMAIN makes the exit code 1', () => {
    const cluster = clusterWith(manifests({ bb: 'busybox:1.36' }));
    const ip = cluster.store.get<Service>('Service', 'default', 'web')!.spec.clusterIP;
    const r = exec(cluster, 'bb', ['nslookup', 'web']);
    const nx = (name: string) => `** server can't find ${name}: NXDOMAIN\n\n`;
    expect(r.stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n` +
        nx('web.svc.cluster.local') + nx('web.cluster.local') +
        '\n' + // the AAAA reply for web.default.svc.cluster.local: no record, a blank line
        nx('web.svc.cluster.local') + nx('web.cluster.local'),
    );
    expect(r.stderr).toBe('command terminated with exit code 1\n');
    expect(r.exitCode).toBe(1);
  });

  it('does not search a name with a dot, whatever ndots says, and exits 0 when every reply is NOERROR', () => {
    const cluster = clusterWith(manifests({ bb: 'busybox' }));
    expect(exec(cluster, 'bb', ['nslookup', 'kubernetes.default']).stdout).toBe(
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find kubernetes.default: NXDOMAIN\n\n** server can't find kubernetes.default: NXDOMAIN\n\n",
    );
    const fqdn = exec(cluster, 'bb', ['nslookup', 'kubernetes.default.svc.cluster.local']);
    expect(fqdn).toEqual({ stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n', stderr: '', exitCode: 0 });
  });

  it('takes -type (by prefix, -q=srv), an address for PTR, and a server argument that skips the search list', () => {
    const cluster = clusterWith(manifests({ bb: 'busybox' }));
    expect(exec(cluster, 'bb', ['nslookup', '-q=srv', '_http._tcp.web.default.svc.cluster.local']).stdout).toContain(
      '_http._tcp.web.default.svc.cluster.local\tservice = 0 100 80 web.default.svc.cluster.local\n',
    );
    expect(exec(cluster, 'bb', ['nslookup', '10.96.0.10']).stdout).toContain('10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local\n');
    expect(exec(cluster, 'bb', ['nslookup', 'web', '10.96.0.10']).stdout).toContain("** server can't find web: NXDOMAIN\n");
    expect(exec(cluster, 'bb', ['nslookup', '-type=bogus', 'web'])).toMatchObject({ stderr: 'nslookup: invalid query type "bogus"\ncommand terminated with exit code 1\n', exitCode: 1 });
    expect(exec(cluster, 'bb', ['nslookup']).stderr).toContain('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
  });

  it('with no CoreDNS endpoint: read errors on stderr, then the timeout line after 5 s', () => {
    const cluster = clusterWith(manifests({ bb: 'busybox' }));
    cluster.store.mutate<Deployment>('Deployment', 'kube-system', 'coredns', (d) => {
      d.spec.replicas = 0;
    });
    cluster.advance(60_000);
    const r = exec(cluster, 'bb', ['nslookup', 'web']);
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(r.stderr).toBe('nslookup: read: Connection refused\nnslookup: read: Connection refused\ncommand terminated with exit code 1\n');
    expect(r.elapsedMs).toBe(5000);
  });

  it('busybox:1.28 prints the old applet: libc resolution with the search list, a name for each address', () => {
    const cluster = clusterWith(manifests({ old: 'busybox:1.28' }));
    expect(exec(cluster, 'old', ['nslookup', 'kubernetes.default'])).toEqual({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
      stderr: '',
      exitCode: 0,
    });
    expect(exec(cluster, 'old', ['nslookup', 'nosuch'])).toMatchObject({ stderr: "nslookup: can't resolve 'nosuch'\ncommand terminated with exit code 1\n", exitCode: 1 });
  });

  it("radial/busyboxplus:curl's BusyBox is older than 1.29 too, as the 'Connecting Applications with Services' tutorial shows", () => {
    const cluster = clusterWith(manifests({ plus: 'radial/busyboxplus:curl' }));
    const ip = cluster.store.get<Service>('Service', 'default', 'web')!.spec.clusterIP;
    expect(exec(cluster, 'plus', ['nslookup', 'web']).stdout).toBe(
      `Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web\nAddress 1: ${ip} web.default.svc.cluster.local\n`,
    );
  });
});

describe('which DNS tools an image has', () => {
  it('BusyBox has no dig; images with BIND tools have dig and BIND nslookup; nginx has neither', () => {
    const cluster = clusterWith(manifests({ bb: 'busybox', agn: 'registry.k8s.io/e2e-test-images/agnhost:2.53', nginx: 'nginx' }));
    expect(exec(cluster, 'bb', ['sh', '-c', 'dig web'])).toMatchObject({ stderr: 'sh: dig: not found\ncommand terminated with exit code 127\n', exitCode: 127 });
    expect(exec(cluster, 'bb', ['dig', 'web']).stderr).toContain('exec: "dig": executable file not found in $PATH');
    expect(exec(cluster, 'agn', ['nslookup', 'web']).stdout).toContain('Address:\t10.96.0.10#53\n');
    expect(exec(cluster, 'agn', ['dig', '+short', 'web.default.svc.cluster.local']).exitCode).toBe(0);
    expect(exec(cluster, 'nginx', ['nslookup', 'web']).stderr).toContain('exec: "nslookup": executable file not found in $PATH');
  });

  it('on a node, nslookup asks the VPC resolver, which knows no cluster name', () => {
    const cluster = clusterWith(manifests({}));
    expect(ssh(cluster, ['node-1', 'nslookup', 'kubernetes.default.svc.cluster.local'])).toMatchObject({
      stdout: "Server:\t\t10.0.0.2\nAddress:\t10.0.0.2#53\n\n** server can't find kubernetes.default.svc.cluster.local: NXDOMAIN\n\n",
      stderr: '',
      exitCode: 1,
    });
  });
});
