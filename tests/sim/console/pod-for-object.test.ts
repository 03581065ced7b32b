import { describe, expect, it } from 'vitest';
import { consoleOn } from '../console-on';
import type { Pod } from '../../../sim/api/types';

/** Two Pods that never turn Ready (their readiness probe fails) and stay alive; `kill-me` restarts once. */
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: pair
spec:
  replicas: 2
  selector:
    matchLabels:
      app: pair
  template:
    metadata:
      labels:
        app: pair
    spec:
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "touch /tmp/alive; sleep 3600"]
        readinessProbe:
          exec:
            command: ["cat", "/nope"]
          periodSeconds: 1
        livenessProbe:
          exec:
            command: ["cat", "/tmp/alive"]
          periodSeconds: 1
          failureThreshold: 1
`;

describe('kubectl exec and logs TYPE/NAME', () => {
  it('exec takes the Pod with the fewest restarts, logs the one with the most, and logs says which of several it took', () => {
    const { cluster, console: c } = consoleOn({ 'pair.yaml': deployment });
    c.run('kubectl apply -f pair.yaml');
    c.run('sleep 10');
    const names = cluster.store.list<Pod>('Pod', 'default').map((p) => p.metadata.name).sort();
    expect(names).toHaveLength(2);
    // The Pod later in name order restarts once; the order kubectl sorts by then differs from the name order.
    const [first, second] = names;
    c.run(`kubectl exec ${second} -- rm /tmp/alive`);
    // sh as PID 1 ignores SIGTERM: the kubelet kills it after the 30 s grace period, then restarts it.
    c.run('sleep 40');
    expect(cluster.store.get<Pod>('Pod', 'default', second)!.status!.containerStatuses![0].restartCount).toBe(1);
    expect(c.run('kubectl exec deploy/pair -- printenv HOSTNAME')).toEqual({ stdout: `${first}\n`, stderr: '', exitCode: 0 });
    expect(c.run('kubectl exec rs/' + names[0].replace(/-[^-]+$/, '') + ' -- printenv HOSTNAME').stdout).toBe(`${first}\n`);
    expect(c.run('kubectl logs deploy/pair')).toEqual({ stdout: '', stderr: `Found 2 pods, using pod/${second}\n`, exitCode: 0 });
  });

  it('reaches a Service’s Pods through its selector, and says why other objects have none', () => {
    const { console: c } = consoleOn({
      'bare.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: bare\nspec:\n  ports:\n  - port: 80\n',
    });
    c.run('kubectl create deployment web --image=nginx');
    c.run('kubectl expose deployment web --port=80');
    c.run('kubectl apply -f bare.yaml');
    c.run('sleep 10');
    expect(c.run('kubectl exec svc/web -- printenv HOSTNAME').stdout).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(c.run('kubectl exec svc/bare -- ls').stderr).toBe("error: cannot attach to *v1.Service: invalid service 'bare': Service is defined without a selector\n");
    expect(c.run('kubectl logs svc/bare').stderr).toBe("error: cannot get the logs from *v1.Service: invalid service 'bare': Service is defined without a selector\n");
    expect(c.run('kubectl exec cm/kube-root-ca.crt -- ls').stderr).toBe('error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n');
    expect(c.run('kubectl logs node/node-1').stderr).toBe('error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n');
    expect(c.run('kubectl exec deploy/nope -- ls').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(c.run('kubectl exec foo/bar -- ls').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });

  it('waits for a first Pod, exec a minute and logs 20 s, then gives up', () => {
    const { cluster, console: c } = consoleOn();
    c.run('kubectl create deployment none --image=nginx --replicas=0');
    const before = cluster.clock.now;
    expect(c.run('kubectl exec deploy/none -- ls')).toMatchObject({ stderr: 'error: timed out waiting for the condition\n', exitCode: 1 });
    expect(cluster.clock.now - before).toBeGreaterThanOrEqual(60_000);
    const later = cluster.clock.now;
    expect(c.run('kubectl logs deploy/none').stderr).toBe('error: timed out waiting for the condition\n');
    expect(cluster.clock.now - later).toBeGreaterThanOrEqual(20_000);
  });
});
