/**
 * The widgets' views against kubectl: on every Pod of a rich scenario, the READY, STATUS and
 * RESTARTS a widget draws are the words `kubectl get pods` prints for the same cluster.
 */
import { describe, expect, test } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { replay } from '../../components/live/replay';
import { scenarioOf } from '../../components/live/scenario';
import { clusterView, podViews } from '../../components/views/cluster';

const rich = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - {name: nginx, image: "nginx:1.27", ports: [{containerPort: 80}]}
---
apiVersion: v1
kind: Pod
metadata: {name: crasher, labels: {app: crasher}}
spec:
  containers: [{name: box, image: "busybox:1.36"}]
---
apiVersion: v1
kind: Pod
metadata: {name: half-done, labels: {app: half}}
spec:
  restartPolicy: Never
  containers:
    - {name: once, image: "busybox:1.36", command: ["sh", "-c", "exit 0"]}
    - {name: web, image: "nginx:1.27"}
---
apiVersion: v1
kind: Pod
metadata: {name: failed, labels: {app: failed}}
spec:
  restartPolicy: Never
  containers: [{name: once, image: "busybox:1.36", command: ["sh", "-c", "exit 2"]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`;

/** The STATUS, READY and RESTARTS columns of `kubectl get pods`, by Pod name. */
function kubectlColumns(output: string): Map<string, { ready: string; status: string; restarts: string }> {
  const lines = output.trimEnd().split('\n');
  const header = lines[0];
  const at = (name: string) => header.indexOf(name);
  const cut = (line: string, from: string, to: string) => line.slice(at(from), at(to)).trim();
  return new Map(lines.slice(1).map((l) => [l.split(/\s+/)[0], { ready: cut(l, 'READY', 'STATUS'), status: cut(l, 'STATUS', 'RESTARTS'), restarts: cut(l, 'RESTARTS', 'AGE') }]));
}

describe('the views say what kubectl says', () => {
  test('on every Pod of a rich scenario, over time', () => {
    const { cluster, console } = replay(scenarioOf({ manifests: rich, source: 'rich.yaml', time: 5_000 }));
    // Pods kubectl prints tricky words for, written as a kubelet could have left them.
    const store = cluster.store;
    const base = (name: string, status: Pod['status'], deleting = false): Pod =>
      ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'default', labels: { app: name }, ...(deleting ? { finalizers: ['example.com/hold'] } : {}) },
        spec: { containers: [{ name: 'a', image: 'busybox:1.36' }, { name: 'b', image: 'busybox:1.36' }], nodeName: 'node-9' },
        status,
      }) as unknown as Pod;
    // The API server drops a status sent on create; the kubelet writes it afterwards.
    const report = (pod: Pod) => store.update<Pod>({ ...store.create<Pod>({ ...pod, status: undefined }), status: pod.status });
    const running = { running: { startedAt: '2026-01-01T00:00:00Z' } };
    report(base('completed-and-running', { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [
      { name: 'a', image: 'busybox', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: {} },
      { name: 'b', image: 'busybox', ready: true, restartCount: 0, state: running, lastState: {} },
    ] } as Pod['status']));
    report(base('exit-code', { phase: 'Running', containerStatuses: [
      { name: 'a', image: 'busybox', ready: false, restartCount: 1, state: { terminated: { exitCode: 2 } }, lastState: {} },
      { name: 'b', image: 'busybox', ready: true, restartCount: 0, state: running, lastState: {} },
    ] } as Pod['status']));
    report(base('succeeded-deleting', { phase: 'Succeeded', containerStatuses: [
      { name: 'a', image: 'busybox', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: {} },
    ] } as Pod['status'], true));
    store.delete('Pod', 'default', 'succeeded-deleting');

    const seen = new Set<string>();
    for (let step = 0; step < 8; step++) {
      const printed = kubectlColumns(console.run('kubectl get pods').stdout);
      const views = podViews(cluster, 'default');
      expect(views.map((v) => v.name).sort()).toEqual([...printed.keys()].sort());
      for (const v of views) {
        expect({ ready: v.readyColumn, status: v.status, restarts: v.restartsColumn }, v.name).toEqual(printed.get(v.name));
        seen.add(v.status);
      }
      console.run(step === 3 ? `kubectl delete pod ${views.find((v) => v.app === 'web')!.name} --wait=false` : 'sleep 7');
    }
    const byName = new Map(podViews(cluster, 'default').map((v) => [v.name, v.status]));
    expect(byName.get('completed-and-running')).toBe('NotReady');
    expect(byName.get('exit-code')).toBe('ExitCode:2');
    // A finished Pod being deleted keeps its own word: kubectl prints Terminating only for running ones.
    expect(byName.get('succeeded-deleting')).toBe('Completed');
    for (const word of ['Running', 'CrashLoopBackOff', 'NotReady', 'ExitCode:2', 'Completed', 'Terminating']) expect([...seen]).toContain(word);
  });

  test('the Service a map draws has the CLUSTER-IP and PORT(S) kubectl prints', () => {
    const { cluster, console } = replay(scenarioOf({ manifests: rich, source: 'rich.yaml', time: 5_000 }));
    const svc = clusterView(cluster, 'default').services.find((s) => s.name === 'web')!;
    const row = console.run('kubectl get svc web --no-headers').stdout.split(/\s+/);
    expect([svc.name, svc.type, svc.clusterIP, svc.ports]).toEqual([row[0], row[1], row[2], row[4]]);
  });
});

describe('replay', () => {
  test('the same scenario and actions give the same cluster, however time was cut', () => {
    const actions = [
      { at: 9_000, command: 'kubectl scale deployment web --replicas=5' },
      { at: 15_500, command: 'kubectl delete pod crasher --wait=false' },
    ];
    const scenario = scenarioOf({ manifests: rich, source: 'rich.yaml', seed: 7, actions, time: 40_000 });
    const once = replay(scenario);
    // The same actions, typed while time ran in frame-sized steps.
    const stepped = replay({ ...scenario, actions: [], time: 0 });
    const pending = [...actions];
    while (stepped.cluster.clock.now < 40_000) {
      while (pending.length && pending[0].at <= stepped.cluster.clock.now) stepped.console.run(pending.shift()!.command);
      const next = Math.min(16, 40_000 - stepped.cluster.clock.now, ...(pending.length ? [pending[0].at - stepped.cluster.clock.now] : []));
      stepped.cluster.advance(next);
    }
    const print = (c: typeof once) => c.console.run('kubectl get pods,svc,endpointslices -o wide').stdout;
    expect(print(stepped)).toBe(print(once));
    expect(print(once)).toMatch(/web-/);
  });
});
