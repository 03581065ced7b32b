import { describe, expect, it } from 'vitest';
import { applyManifests } from '../../../sim/api/apply';
import { boundPod, podEvents, startCluster } from './helpers';
import type { Pod } from '../../../sim/api/types';

const busybox = { image: 'busybox', command: ['sleep', '3600'] };

describe("the kubelet's DNS settings for a Pod", () => {
  it('dnsPolicy None takes dnsConfig alone; Default takes the node resolver; dnsConfig adds to ClusterFirst, options merged by name', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('none', busybox, { dnsPolicy: 'None', dnsConfig: { nameservers: ['192.0.2.1'], searches: ['my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }));
    cluster.store.create(boundPod('default', busybox, { dnsPolicy: 'Default' }));
    cluster.store.create(boundPod('merged', busybox, { dnsConfig: { nameservers: ['10.96.0.10', '1.1.1.1'], searches: ['cluster.local', 'example.com'], options: [{ name: 'ndots', value: '1' }, { name: 'timeout', value: '2' }] } }));
    cluster.advance(3000);
    const resolv = (pod: string) => cluster.exec('default', pod, undefined, ['cat', '/etc/resolv.conf']).stdout;
    expect(resolv('none')).toBe('search my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n');
    expect(resolv('default')).toBe('nameserver 10.0.0.2\n');
    expect(resolv('merged')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local example.com\nnameserver 10.96.0.10\nnameserver 1.1.1.1\noptions ndots:1 timeout:2\n');
  });

  it('keeps at most 3 nameservers once merged, as glibc reads no more, and says so in a DNSConfigForming warning', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('many', busybox, { dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9'] } }));
    cluster.advance(3000);
    expect(cluster.exec('default', 'many', undefined, ['cat', '/etc/resolv.conf']).stdout).toContain('nameserver 10.96.0.10\nnameserver 1.1.1.1\nnameserver 8.8.8.8\noptions');
    expect(podEvents(cluster, 'many')).toContain('DNSConfigForming: Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.96.0.10 1.1.1.1 8.8.8.8');
  });

  it('setHostnameAsFQDN with a subdomain: hostname and /etc/hostname are the FQDN; without one, the short name', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('fqdn', busybox, { hostname: 'busybox-1', subdomain: 'sub', setHostnameAsFQDN: true }));
    cluster.store.create(boundPod('short', busybox, { hostname: 'busybox-2', setHostnameAsFQDN: true }));
    cluster.advance(3000);
    expect(cluster.exec('default', 'fqdn', undefined, ['hostname']).stdout).toBe('busybox-1.sub.default.svc.cluster.local\n');
    expect(cluster.exec('default', 'fqdn', undefined, ['cat', '/etc/hostname']).stdout).toBe('busybox-1.sub.default.svc.cluster.local\n');
    expect(cluster.exec('default', 'short', undefined, ['hostname']).stdout).toBe('busybox-2\n');
  });

  it('an FQDN longer than 64 characters keeps the Pod in ContainerCreating, with the kubelet saying why', () => {
    const cluster = startCluster();
    const hostname = 'a'.repeat(30);
    cluster.store.create(boundPod('long', busybox, { hostname, subdomain: 'my-subdomain', setHostnameAsFQDN: true }));
    cluster.advance(15_000);
    const fqdn = `${hostname}.my-subdomain.default.svc.cluster.local`;
    expect(podEvents(cluster, 'long')).toContain(
      `FailedCreatePodSandBox: Failed to create pod sandbox: failed to construct FQDN from pod hostname and cluster domain, FQDN ${fqdn} is too long (64 characters is the max, ${fqdn.length} characters requested)`,
    );
    expect(cluster.store.get<Pod>('Pod', 'default', 'long')!.status?.containerStatuses?.[0]?.state.waiting?.reason).toBe('ContainerCreating');
  });

  it("the API server rejects bad DNS settings with ValidatePodSpec's messages", () => {
    const cluster = startCluster();
    const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox}]\n${spec}`;
    const errors = (spec: string) => applyManifests(cluster, pod(spec), 'p.yaml').errors.join('\n');
    expect(errors('  dnsPolicy: None\n')).toContain('spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None');
    expect(errors('  dnsPolicy: None\n  dnsConfig: {searches: [a.example]}\n')).toContain('spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None');
    expect(errors('  dnsConfig: {nameservers: [1.1.1.1, 1.0.0.1, 8.8.8.8, 8.8.4.4]}\n')).toContain(
      'spec.dnsConfig.nameservers: Invalid value: ["1.1.1.1","1.0.0.1","8.8.8.8","8.8.4.4"]: must not have more than 3 nameservers',
    );
    expect(errors(`  dnsConfig: {searches: [${Array.from({ length: 33 }, (_, i) => `d${i}.example`).join(', ')}]}\n`)).toContain('must not have more than 32 search paths');
    expect(errors('  dnsConfig: {options: [{value: "2"}]}\n')).toContain('spec.dnsConfig.options[0]: Required value: must not be empty');
    expect(errors('  subdomain: My_Sub\n')).toContain('spec.subdomain: Invalid value: "My_Sub": a lowercase RFC 1123 label must consist of');
    expect(errors('  dnsConfig: {nameservers: [1.1.1.1], searches: [ok.example.]}\n')).toBe('');
  });
});

describe('an IPv6 nameserver from dnsConfig', () => {
  it('is unreachable in this IPv4 cluster: lookups fail, nothing crashes', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('v6', busybox, { dnsPolicy: 'None', dnsConfig: { nameservers: ['2001:db8::1'] } }));
    cluster.advance(3000);
    expect(cluster.exec('default', 'v6', undefined, ['nslookup', 'web']).stdout).toContain(';; connection timed out; no servers could be reached');
    expect(cluster.exec('default', 'v6', undefined, ['wget', '-qO-', 'http://web/']).exitCode).not.toBe(0);
  });
});

describe("BusyBox's nslookup without a search line", () => {
  it('searches the domain of the hostname, as parse_resolvconf falls back to it', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('fqdn', busybox, { hostname: 'a', subdomain: 'sub', setHostnameAsFQDN: true, dnsPolicy: 'None', dnsConfig: { nameservers: ['10.96.0.10'] } }));
    cluster.advance(3000);
    expect(cluster.exec('default', 'fqdn', undefined, ['nslookup', 'kubernetes']).stdout).toContain("** server can't find kubernetes.sub.default.svc.cluster.local: NXDOMAIN\n");
  });
});
