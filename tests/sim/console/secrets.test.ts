import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import type { ConfigMap, Pod, Secret } from '../../../sim/api/types';
import { decodeBase64 } from '../../../sim/api/base64';

const pki = (name: string) => readFileSync(new URL(`../../fixtures/pki/${name}`, import.meta.url), 'utf8');
const files: Record<string, string> = { 'tls.crt': pki('tls.crt'), 'tls.key': pki('tls.key'), 'ca.crt': pki('ca.crt'), 'notes.txt': 'hello\n' };

function setup() {
  const cluster = new Cluster({ seed: 1 });
  return { cluster, c: new Console(cluster, { readFile: (p) => files[p] }) };
}

describe('Secrets', () => {
  it('kubectl create secret tls stores both files base64-encoded, typed kubernetes.io/tls', () => {
    const { cluster, c } = setup();
    expect(c.run('kubectl create secret tls foo-tls --cert=tls.crt --key=tls.key')).toMatchObject({ stdout: 'secret/foo-tls created\n', exitCode: 0 });
    const s = cluster.store.get<Secret>('Secret', 'default', 'foo-tls')!;
    expect(s.type).toBe('kubernetes.io/tls');
    expect(decodeBase64(s.data!['tls.crt'])).toBe(files['tls.crt']);
    expect(c.run('kubectl get secret foo-tls').stdout).toBe('NAME      TYPE                DATA   AGE\nfoo-tls   kubernetes.io/tls   2      0s\n');
    expect(c.run('kubectl describe secret foo-tls').stdout).toBe(
      `Name:         foo-tls\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  kubernetes.io/tls\n\nData\n====\ntls.crt:  ${files['tls.crt'].length} bytes\ntls.key:  ${files['tls.key'].length} bytes\n`,
    );
  });

  it('refuses files that hold no PEM data, as tls.X509KeyPair does', () => {
    const { c } = setup();
    expect(c.run('kubectl create secret tls x --cert=notes.txt --key=tls.key')).toMatchObject({ stderr: 'error: tls: failed to find any PEM data in certificate input\n', exitCode: 1 });
    expect(c.run('kubectl create secret tls x --cert=tls.crt --key=notes.txt').stderr).toBe('error: tls: failed to find any PEM data in key input\n');
    expect(c.run('kubectl create secret tls x --cert=missing.crt --key=tls.key').stderr).toBe('error: open missing.crt: no such file or directory\n');
    // The CA's certificate with the server's key: same curve, another point.
    expect(c.run('kubectl create secret tls x --cert=ca.crt --key=tls.key').stderr).toBe('error: tls: private key does not match public key\n');
  });

  it('generic: literals and files, type Opaque by default', () => {
    const { cluster, c } = setup();
    expect(c.run('kubectl create secret generic db --from-literal=user=admin --from-file=notes.txt').exitCode).toBe(0);
    const s = cluster.store.get<Secret>('Secret', 'default', 'db')!;
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ user: 'YWRtaW4=', 'notes.txt': 'aGVsbG8K' });
    expect(c.run('kubectl create secret generic db2 --from-literal=a=1 --from-literal=a=2').stderr).toBe('error: cannot add key "a", another key by that name already exists in Data for Secret "db2"\n');
  });

  it('the API server merges stringData into data and validates keys and TLS Secrets', () => {
    const { cluster } = setup();
    const s = cluster.store.create<Secret>({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, stringData: { password: 'pa55' } });
    expect(s.data).toEqual({ password: 'cGE1NQ==' });
    expect(s.stringData).toBeUndefined();
    expect(() => cluster.store.create<Secret>({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 't', namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } })).toThrow(
      'Secret "t" is invalid: data[tls.key]: Required value',
    );
    expect(() => cluster.store.create<Secret>({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'u', namespace: 'default' }, data: { 'a b': 'eA==' } })).toThrow("data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
  });
});

describe('the API server on create', () => {
  it('clears a status sent with a new object (PrepareForCreate)', () => {
    const { cluster } = setup();
    const pod = cluster.store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Running', podIP: '10.9.9.9' } });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('every namespace gets the kube-root-ca.crt ConfigMap, and gets it back when it is deleted', () => {
    const { cluster, c } = setup();
    c.run('kubectl create namespace team');
    cluster.settle();
    for (const ns of ['default', 'kube-system', 'team']) {
      expect(cluster.store.get<ConfigMap>('ConfigMap', ns, 'kube-root-ca.crt')?.data?.['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    }
    c.run('kubectl delete configmap kube-root-ca.crt -n team');
    cluster.settle();
    expect(c.run('kubectl get configmap -n team').stdout).toBe('NAME               DATA   AGE\nkube-root-ca.crt   1      0s\n');
  });
});
