import { describe, expect, it } from 'vitest';
import { applyManifests } from '../../../sim/api/apply';
import type { Service } from '../../../sim/api/types';
import { clusterWith, exec, podsOf, webAndClient } from '../services/cluster-fixture';

describe('wget (busybox)', () => {
  it('prints the body alone with -qO-, and busybox messages on stderr with -O-', () => {
    const cluster = clusterWith(webAndClient());
    // agnhost serve-hostname answers with the Pod's name and no newline.
    const names = podsOf(cluster, 'web').map((p) => p.metadata.name);
    const quiet = exec(cluster, 'client', ['wget', '-qO-', 'web']);
    expect(names).toContain(quiet.stdout);
    expect(quiet.stderr).toBe('');

    const ip = cluster.store.get<Service>('Service', 'default', 'web')!.spec.clusterIP;
    const loud = exec(cluster, 'client', ['wget', '-O-', 'http://web/']);
    expect(names).toContain(loud.stdout);
    const size = String(loud.stdout.length).padStart(6);
    expect(loud.stderr).toBe(`Connecting to web (${ip}:80)\nwriting to stdout\n-                    100% |${'*'.repeat(31)}|${size}   0:00:00 ETA\nwritten to stdout\n`);
  });

  it('--spider says the remote file exists, and -T gives up with "download timed out"', () => {
    const cluster = clusterWith(webAndClient());
    const ip = cluster.store.get<Service>('Service', 'default', 'web')!.spec.clusterIP;
    const spider = exec(cluster, 'client', ['wget', '--spider', '--timeout=1', 'web']);
    expect(spider).toMatchObject({ stdout: '', stderr: `Connecting to web (${ip}:80)\nremote file exists\n`, exitCode: 0 });

    // No rule for port 81: the SYN leaves by the default route and is lost.
    const dropped = exec(cluster, 'client', ['wget', '--spider', '--timeout=1', 'web:81']);
    expect(dropped).toMatchObject({ stderr: `Connecting to web (${ip}:81)\nwget: download timed out\ncommand terminated with exit code 1\n`, exitCode: 1, elapsedMs: 1000 });
  });

  it('names a refused connection and an unknown host as busybox does', () => {
    const cluster = clusterWith(webAndClient());
    const web = podsOf(cluster, 'web')[0];
    const refused = exec(cluster, 'client', ['wget', '-qO-', `${web.status!.podIP}:9999`]);
    expect(refused.stderr).toBe(`wget: can't connect to remote host (${web.status!.podIP}): Connection refused\ncommand terminated with exit code 1\n`);
    const unknown = exec(cluster, 'client', ['wget', '-qO-', 'nosuch']);
    expect(unknown.stderr).toBe("wget: bad address 'nosuch'\ncommand terminated with exit code 1\n");
    expect(unknown.exitCode).toBe(1);
  });

  it('saves to index.html, and will not overwrite it without -O', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const saved = exec(cluster, 'client', ['wget', 'web']);
    expect(saved.stderr).toContain("saving to 'index.html'\nindex.html           100% |");
    expect(saved.stderr).toContain("'index.html' saved\n");
    const name = podsOf(cluster, 'web')[0].metadata.name;
    expect(exec(cluster, 'client', ['cat', 'index.html']).stdout).toBe(name);
    expect(exec(cluster, 'client', ['wget', '-q', 'web']).stderr).toBe("wget: can't open 'index.html': File exists\ncommand terminated with exit code 1\n");
  });
});

describe('wget against a NetworkPolicy (the "Declare Network Policy" tutorial)', () => {
  it('times out once a policy admits only Pods labelled access=true', () => {
    const cluster = clusterWith(webAndClient({ replicas: 1 }));
    const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: access-web}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{podSelector: {matchLabels: {access: "true"}}}]}]
`;
    expect(applyManifests(cluster, policy, 'policy.yaml').errors).toEqual([]);
    cluster.advance(5000);
    const r = exec(cluster, 'client', ['wget', '--spider', '--timeout=1', 'web']);
    expect(r.stderr).toMatch(/^Connecting to web \([\d.]+:80\)\nwget: download timed out\n/);
    expect(r.exitCode).toBe(1);
  });
});
