import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';

const files: Record<string, string> = {
  'policies.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-client
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes: [Ingress]
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: client
    ports:
    - port: 80
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress]
`,
};

function setup() {
  return { c: new Console(new Cluster({ seed: 1 }), { readFile: (p) => files[p] }) };
}

describe('kubectl describe networkpolicy (describeNetworkPolicySpec)', () => {
  it('shows an ingress rule from a podSelector on port 80', () => {
    const { c } = setup();
    expect(c.run('kubectl apply -f policies.yaml').exitCode).toBe(0);
    expect(c.run('kubectl describe networkpolicy allow-client')).toEqual({
      stdout:
        'Name:         allow-client\n' +
        'Namespace:    default\n' +
        'Created on:   2026-01-01 00:00:00 +0000 UTC\n' +
        'Labels:       <none>\n' +
        'Annotations:  <none>\n' +
        'Spec:\n' +
        '  PodSelector:     app=web\n' +
        '  Allowing ingress traffic:\n' +
        '    To Port: 80/TCP\n' +
        '    From:\n' +
        '      PodSelector: role=client\n' +
        '  Not affecting egress traffic\n' +
        '  Policy Types: Ingress\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('shows a default-deny policy as isolating every pod', () => {
    const { c } = setup();
    c.run('kubectl apply -f policies.yaml');
    expect(c.run('kubectl describe netpol default-deny').stdout).toBe(
      'Name:         default-deny\n' +
        'Namespace:    default\n' +
        'Created on:   2026-01-01 00:00:00 +0000 UTC\n' +
        'Labels:       <none>\n' +
        'Annotations:  <none>\n' +
        'Spec:\n' +
        '  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)\n' +
        '  Allowing ingress traffic:\n' +
        '    <none> (Selected pods are isolated for ingress connectivity)\n' +
        '  Not affecting egress traffic\n' +
        '  Policy Types: Ingress\n',
    );
  });
});

describe('kubectl describe namespace and configmap', () => {
  it('shows a namespace with its status and no quota or limit range', () => {
    const { c } = setup();
    c.run('kubectl create namespace team');
    expect(c.run('kubectl describe namespace team')).toEqual({
      stdout:
        'Name:         team\n' +
        'Labels:       kubernetes.io/metadata.name=team\n' +
        'Annotations:  <none>\n' +
        'Status:       Active\n' +
        '\n' +
        'No resource quota.\n' +
        '\n' +
        'No LimitRange resource.\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('shows each data key, sorted, under Data and an empty BinaryData', () => {
    const { c } = setup();
    c.run('kubectl create configmap cfg --from-literal=mode=fast --from-literal=color=blue');
    expect(c.run('kubectl describe cm cfg').stdout).toBe(
      'Name:         cfg\n' +
        'Namespace:    default\n' +
        'Labels:       <none>\n' +
        'Annotations:  <none>\n' +
        '\n' +
        'Data\n' +
        '====\n' +
        'color:\n' +
        '----\n' +
        'blue\n' +
        '\n' +
        'mode:\n' +
        '----\n' +
        'fast\n' +
        '\n' +
        '\n' +
        'BinaryData\n' +
        '====\n' +
        '\n' +
        'Events:  <none>\n',
    );
  });
});

describe('kubectl describe endpoints', () => {
  it('prints each subset with ready and not-ready addresses and its ports, as describeEndpoints does', () => {
    const shell = new Console(new Cluster({ seed: 1 }).boot());
    shell.run('kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname --replicas=2');
    shell.run('kubectl expose deployment hostnames --port=80 --target-port=9376');
    shell.run('sleep 5');
    const ips = shell.run("kubectl get pods -l app=hostnames -o jsonpath={.items[*].status.podIP}").stdout.split(' ').sort();
    expect(shell.run('kubectl describe endpoints hostnames').stdout).toBe(
      [
        'Name:         hostnames',
        'Namespace:    default',
        'Labels:       app=hostnames',
        '              endpoints.kubernetes.io/managed-by=endpoint-controller',
        'Annotations:  <none>',
        'Subsets:',
        `  Addresses:          ${ips.join(',')}`,
        '  NotReadyAddresses:  <none>',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  9376  TCP',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });
});
