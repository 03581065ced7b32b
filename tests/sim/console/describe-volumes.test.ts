import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: vol
spec:
  automountServiceAccountToken: false
  containers:
  - name: app
    image: busybox:1.28
    command: ["sleep", "3600"]
  volumes:
  - name: cache
    emptyDir: {sizeLimit: 1Gi}
  - name: cfg
    configMap: {name: app-config, optional: true}
  - name: sec
    secret: {secretName: app-secret}
`;

describe('kubectl describe pod: Volumes (describe.go describeVolumes)', () => {
  it('prints each volume with its source, as kubectl does', () => {
    const cluster = new Cluster();
    const c = new Console(cluster, { readFile: () => manifest });
    c.run('kubectl apply -f vol.yaml');
    const out = c.run('kubectl describe pod vol').stdout;
    const section = out.slice(out.indexOf('Volumes:'), out.indexOf('QoS Class:'));
    expect(section).toBe(
      'Volumes:\n' +
        '  cache:\n' +
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)\n" +
        '    Medium:     \n' +
        '    SizeLimit:  1Gi\n' +
        '  cfg:\n' +
        '    Type:      ConfigMap (a volume populated by a ConfigMap)\n' +
        '    Name:      app-config\n' +
        '    Optional:  true\n' +
        '  sec:\n' +
        '    Type:        Secret (a volume populated by a Secret)\n' +
        '    SecretName:  app-secret\n' +
        '    Optional:    false\n',
    );
  });
});
