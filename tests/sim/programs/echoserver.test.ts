import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../sim/api/types';
import { clusterWith, exec } from '../services/cluster-fixture';

/** echoserver 1.4 and 1.10 (the second with the downward-API variables), and a client. */
const pods = `
apiVersion: v1
kind: Pod
metadata: {name: old}
spec: {containers: [{name: echo, image: "registry.k8s.io/echoserver:1.4"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: new}
spec:
  containers:
  - name: echo
    image: registry.k8s.io/echoserver:1.10
    env:
    - {name: NODE_NAME, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    - {name: POD_NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
    - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {containers: [{name: client, image: nicolaka/netshoot, command: [sleep, infinity]}]}
`;

describe('echoserver answers with what reached it', () => {
  const cluster = clusterWith(pods);
  const pod = (name: string) => cluster.store.get<Pod>('Pod', 'default', name)!;
  const curl = (...args: string[]) => exec(cluster, 'client', ['curl', ...args]);
  const client = pod('client').status!.podIP!;

  it('1.4 prints CLIENT VALUES first, query=nil, and the headers it received', () => {
    const ip = pod('old').status!.podIP!;
    expect(curl('-s', `http://${ip}:8080/a/b`).stdout).toBe(
      [
        'CLIENT VALUES:',
        `client_address=${client}`,
        'command=GET',
        'real path=/a/b',
        'query=nil',
        'request_version=1.1',
        `request_uri=http://${ip}:8080/a/b`,
        '',
        'SERVER VALUES:',
        'server_version=nginx: 1.10.0 - lua: 10001',
        '',
        'HEADERS RECEIVED:',
        'accept=*/*',
        `host=${ip}:8080`,
        'user-agent=curl/8.7.1',
        'BODY:',
        '-no body in request-',
        '',
      ].join('\n'),
    );
  });

  it('1.10 prints the Pod Information the downward API gave it, the query, and a chunked nginx answer', () => {
    const p = pod('new');
    const ip = p.status!.podIP!;
    const out = curl('-si', `http://${ip}:8080/x?y=1`).stdout;
    expect(out).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: echoserver\r\nDate: [^\r]+\r\nContent-Type: text\/plain; charset=UTF-8\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n\n\nHostname: new\n\n/);
    expect(out).toContain(`Pod Information:\n\tnode name:\t${p.spec.nodeName}\n\tpod name:\tnew\n\tpod namespace:\tdefault\n\tpod IP:\t${ip}\n\n`);
    expect(out).toContain(`\tclient_address=${client}\n\tmethod=GET\n\treal path=/x\n\tquery=y=1\n`);
    expect(out.endsWith('Request Body:\n\t-no body in request-\n\n')).toBe(true);
  });
});
