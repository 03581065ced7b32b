import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConfigMap, Pod } from '../../../sim/api/types';
import type { Cluster } from '../../../sim/cluster';
import { clusterWith, exec, webAndClient } from './cluster-fixture';

/** Every CoreDNS Pod's log, one after the other. */
function corednsLogs(cluster: Cluster): string {
  return cluster.store
    .list<Pod>('Pod', 'kube-system')
    .filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns')
    .map((p) => cluster.nodes.get(p.spec.nodeName!)!.kubelet!.containerLog(p, 'coredns') ?? '')
    .join('');
}

function setCorefile(cluster: Cluster, edit: (corefile: string) => string): void {
  cluster.store.mutate<ConfigMap>('ConfigMap', 'kube-system', 'coredns', (cm) => {
    cm.data = { ...cm.data, Corefile: edit(cm.data!.Corefile) };
  });
}

describe("CoreDNS's log and reload plugins", () => {
  it('starts with the lines CoreDNS 1.12 prints, the SHA512 of the Corefile it read among them', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const corefile = cluster.store.get<ConfigMap>('ConfigMap', 'kube-system', 'coredns')!.data!.Corefile;
    const sha = createHash('sha512').update(corefile).digest('hex');
    const start = `.:53\n[INFO] plugin/reload: Running configuration SHA512 = ${sha}\nCoreDNS-1.12.1\nlinux/amd64, go1.24.1, 707c7c1\n`;
    expect(corednsLogs(cluster)).toBe(start + start);
  });

  it('logs nothing per query until the reload plugin has read a Corefile with `log`, within 30 s of the change', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    setCorefile(cluster, (c) => c.replace('.:53 {\n', '.:53 {\n    log\n'));
    exec(cluster, 'client', ['nslookup', 'kubernetes.default.svc.cluster.local']);
    expect(corednsLogs(cluster)).not.toContain('"A IN');
    cluster.advance(30_000);
    const reloaded = corednsLogs(cluster);
    expect(reloaded).toContain('[INFO] Reloading\n[INFO] plugin/health: Going into lameduck mode for 5s\n');
    expect(reloaded).toContain('[INFO] Reloading complete\n');
    exec(cluster, 'client', ['nslookup', 'kubernetes.default.svc.cluster.local']);
    const clientIP = cluster.store.get<Pod>('Pod', 'default', 'client')!.status!.podIP!.replaceAll('.', '\\.');
    // The sizes are the task's example: a 54-byte question, a 106-byte authoritative answer.
    expect(corednsLogs(cluster)).toMatch(
      new RegExp(`\\[INFO\\] ${clientIP}:\\d+ - \\d+ "A IN kubernetes\\.default\\.svc\\.cluster\\.local\\. udp 54 false 512" NOERROR qr,aa,rd 106 0\\.\\d+s\\n`),
    );
    setCorefile(cluster, (c) => c.replace('    log\n', ''));
    cluster.advance(30_000);
    const before = corednsLogs(cluster);
    exec(cluster, 'client', ['nslookup', 'kubernetes.default.svc.cluster.local']);
    expect(corednsLogs(cluster)).toBe(before);
  });
});

describe('a Corefile without the kubernetes plugin', () => {
  it('sends every name to forward once reloaded: cluster names stop resolving', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    setCorefile(cluster, (c) => c.replace(/    kubernetes [^}]*}\n/, ''));
    expect(exec(cluster, 'client', ['nslookup', 'kubernetes.default.svc.cluster.local']).exitCode).toBe(0);
    cluster.advance(30_000);
    expect(exec(cluster, 'client', ['nslookup', 'kubernetes.default.svc.cluster.local']).stdout).toContain("** server can't find kubernetes.default.svc.cluster.local: NXDOMAIN");
  });
});

describe("the log plugin's class option", () => {
  it('`log . { class denial }` writes only the negative answers', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    setCorefile(cluster, (c) => c.replace('.:53 {\n', '.:53 {\n    log . {\n        class denial\n    }\n'));
    cluster.advance(30_000);
    exec(cluster, 'client', ['nslookup', 'kubernetes.default.svc.cluster.local.']);
    exec(cluster, 'client', ['nslookup', 'nosuch.default.svc.cluster.local.']);
    const logs = corednsLogs(cluster);
    expect(logs).toContain('"A IN nosuch.default.svc.cluster.local. udp 50 false 512" NXDOMAIN');
    expect(logs).not.toContain('"A IN kubernetes.default.svc.cluster.local. udp');
  });
});

describe('DNS over TCP', () => {
  it('dig +tcp reaches CoreDNS on TCP/53: its log says tcp, dig names the protocol', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    setCorefile(cluster, (c) => c.replace('.:53 {\n', '.:53 {\n    log\n'));
    cluster.advance(30_000);
    const r = exec(cluster, 'client', ['dig', '+tcp', 'kubernetes.default.svc.cluster.local']);
    expect(r.stdout).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (TCP)\n');
    // dig's EDNS: 23 more bytes each way than the task's 54 and 106.
    expect(corednsLogs(cluster)).toMatch(/"A IN kubernetes\.default\.svc\.cluster\.local\. tcp 77 false 1232" NOERROR qr,aa,rd 129 /);
  });
});
