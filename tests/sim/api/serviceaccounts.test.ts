import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../sim/api/types';
import { consoleOn } from '../console-on';

const account = (name: string, extra: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
${extra}`;

const pod = (name: string, extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:${extra}
  containers:
  - name: app
    image: nginx
`;

describe('ServiceAccounts', () => {
  it('every namespace has a default account, a new one too, and a deleted one comes back', () => {
    const { console } = consoleOn();
    expect(console.run('kubectl get serviceaccounts -A').stdout).toBe(
      'NAMESPACE         NAME      SECRETS   AGE\n' +
        'default           default   0         0s\n' +
        'kube-node-lease   default   0         0s\n' +
        'kube-public       default   0         0s\n' +
        'kube-system       default   0         0s\n',
    );
    console.run('kubectl create namespace demo');
    expect(console.run('kubectl get sa -n demo -o name').stdout).toBe('serviceaccount/default\n');
    expect(console.run('kubectl delete sa default').stdout).toBe('serviceaccount "default" deleted from default namespace\n');
    expect(console.run('kubectl get sa').stdout).toBe('NAME      SECRETS   AGE\ndefault   0         0s\n');
  });

  it('kubectl create serviceaccount, and describe as kubectl prints it', () => {
    const { console } = consoleOn();
    expect(console.run('kubectl create serviceaccount robot').stdout).toBe('serviceaccount/robot created\n');
    expect(console.run('kubectl create sa robot').stderr).toBe('Error from server (AlreadyExists): serviceaccounts "robot" already exists\n');
    expect(console.run('kubectl describe sa robot').stdout).toBe(
      'Name:                robot\n' +
        'Namespace:           default\n' +
        'Labels:              <none>\n' +
        'Annotations:         <none>\n' +
        'Image pull secrets:  <none>\n' +
        'Mountable secrets:   <none>\n' +
        'Tokens:              <none>\n' +
        'Events:              <none>\n',
    );
  });

  it('describe marks listed Secrets that do not exist', () => {
    const { console } = consoleOn({ 'sa.yaml': account('builder', 'imagePullSecrets:\n- name: regcred\nsecrets:\n- name: a\n- name: b\n') });
    console.run('kubectl create secret generic a --from-literal=k=v');
    expect(console.run('kubectl apply -f sa.yaml').stdout).toBe('serviceaccount/builder created\n');
    expect(console.run('kubectl get sa builder').stdout).toBe('NAME      SECRETS   AGE\nbuilder   2         0s\n');
    expect(console.run('kubectl describe sa builder').stdout).toContain(
      'Image pull secrets:  regcred (not found)\n' + 'Mountable secrets:   a\n' + '                     b (not found)\n' + 'Tokens:              <none>\n',
    );
  });

  it('refuses a Pod whose account does not exist, and creates nothing', () => {
    const { cluster, console } = consoleOn({ 'p.yaml': pod('p', '\n  serviceAccountName: robot') });
    const result = console.run('kubectl apply -f p.yaml');
    expect(result.stderr).toBe('Error from server (Forbidden): error when creating "p.yaml": pods "p" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found\n');
    expect(cluster.store.get('Pod', 'default', 'p')).toBeUndefined();
    console.run('kubectl create sa robot');
    expect(console.run('kubectl apply -f p.yaml').stdout).toBe('pod/p created\n');
    expect(cluster.store.get<Pod>('Pod', 'default', 'p')!.spec.serviceAccountName).toBe('robot');
  });

  it("the account's automountServiceAccountToken and imagePullSecrets apply unless the Pod sets its own", () => {
    const { cluster, console } = consoleOn({
      'sa.yaml': account('quiet', 'automountServiceAccountToken: false\nimagePullSecrets:\n- name: regcred\n'),
      'a.yaml': pod('a', '\n  serviceAccountName: quiet'),
      'b.yaml': pod('b', '\n  serviceAccountName: quiet\n  automountServiceAccountToken: true\n  imagePullSecrets:\n  - name: mine'),
    });
    console.run('kubectl apply -f sa.yaml');
    console.run('kubectl apply -f a.yaml');
    console.run('kubectl apply -f b.yaml');
    const a = cluster.store.get<Pod>('Pod', 'default', 'a')!;
    const b = cluster.store.get<Pod>('Pod', 'default', 'b')!;
    expect(a.spec.volumes ?? []).toEqual([]);
    expect(a.spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(b.spec.volumes?.map((v) => v.name)).toEqual([expect.stringMatching(/^kube-api-access-/)]);
    expect(b.spec.imagePullSecrets).toEqual([{ name: 'mine' }]);
  });
});
