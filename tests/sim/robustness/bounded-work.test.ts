import { describe, expect, it } from 'vitest';
import { Cluster, workPerStep } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import type { Deployment, Pod } from '../../../sim/api/types';

const newConsole = () => new Console(new Cluster({ seed: 1 }).boot());

describe('no command runs unbounded', () => {
  it('a huge scale is accepted, and the control plane works through it a bounded share per line', () => {
    const c = newConsole();
    c.run('kubectl create deployment web --image=nginx');
    const writes = () => c.cluster.store.resourceVersion;
    let before = writes();
    expect(c.run('kubectl scale deployment web --replicas=100000').stdout).toBe('deployment.apps/web scaled\n');
    // Each line does at most its share of work (writes count), plus what one event already started.
    expect(writes() - before).toBeLessThan(2 * workPerStep);
    const pods = () => c.cluster.store.list<Pod>('Pod', 'default').length;
    const first = pods();
    before = writes();
    c.run('sleep 10');
    expect(writes() - before).toBeLessThan(2 * workPerStep);
    expect(pods()).toBeGreaterThan(first);
    expect(c.cluster.store.get<Deployment>('Deployment', 'default', 'web')!.spec.replicas).toBe(100000);
  }, 60_000);

  it('three nodes run at most 110 Pods each; the rest stay Pending, Too many pods', () => {
    const c = newConsole();
    c.run('kubectl create deployment web --image=nginx --replicas=400');
    for (let i = 0; i < 5; i++) c.run('sleep 10');
    const pods = c.cluster.store.list<Pod>('Pod');
    const perNode = new Map<string, number>();
    for (const p of pods) if (p.spec.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([110, 110, 110]);
    const pending = pods.find((p) => !p.spec.nodeName)!;
    expect(pending.status?.conditions?.find((x) => x.type === 'PodScheduled')?.message).toBe(
      '0/3 nodes are available: 3 Too many pods. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
  }, 60_000);

  it('--replicas beyond int32 is refused by the API server, beyond int64 by kubectl, and nothing changes', () => {
    const c = newConsole();
    c.run('kubectl create deployment web --image=nginx');
    const rv = c.cluster.store.resourceVersion;
    const r = c.run('kubectl scale deployment web --replicas=2147483648');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^The request is invalid: patch: Invalid value: ".*": json: cannot unmarshal number 2147483648 into Go struct field ScaleSpec.spec.replicas of type int32\n$/);
    expect(c.run('kubectl scale deployment web --replicas=99999999999999999999').stderr).toBe(
      'error: invalid argument "99999999999999999999" for "--replicas" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range\nSee \'kubectl scale --help\' for usage.\n',
    );
    expect(c.cluster.store.get<Deployment>('Deployment', 'default', 'web')!.spec.replicas).toBe(1);
    expect(c.cluster.store.resourceVersion - rv).toBeLessThan(20); // only what the running Pod wrote
  });

  it('applying replicas: 2147483647 returns, and later lines go on working', () => {
    const c = new Console(new Cluster({ seed: 1 }).boot(), {
      readFile: () =>
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: big}\nspec:\n  replicas: 2147483647\n  selector: {matchLabels: {app: big}}\n  template:\n    metadata: {labels: {app: big}}\n    spec: {containers: [{name: a, image: nginx}]}\n',
    });
    expect(c.run('kubectl apply -f big.yaml').stdout).toBe('deployment.apps/big created\n');
    expect(c.run('kubectl get deploy big -o jsonpath={.spec.replicas}').stdout).toBe('2147483647');
  }, 60_000);
});

describe('a long line can be run in steps and interrupted (Console.start)', () => {
  it('sleep 3600 passes one step at a time; interrupt ends it as Ctrl-C does', () => {
    const c = newConsole();
    const t0 = c.cluster.clock.now;
    const line = c.start('sleep 3600; echo done');
    expect(line.step(1000)).toBeUndefined();
    expect(c.cluster.clock.now - t0).toBe(1000);
    expect(line.step(2000)).toBeUndefined();
    expect(c.cluster.clock.now - t0).toBe(3000);
    expect(line.interrupt()).toEqual({ stdout: '^C\n', stderr: '', exitCode: 130 });
    expect(c.cluster.clock.now - t0).toBe(3000);
    // The next line runs as usual.
    expect(c.run('echo hi').stdout).toBe('hi\n');
  });

  it('a line stepped to its end gives the same result and time as run', () => {
    const a = newConsole();
    const b = newConsole();
    const line = a.start('sleep 5 && kubectl get nodes --no-headers | wc -l');
    let result;
    while (!(result = line.step(700)));
    expect(result).toEqual(b.run('sleep 5 && kubectl get nodes --no-headers | wc -l'));
    expect(a.cluster.clock.now).toBe(b.cluster.clock.now);
  });
});

describe('a line paused before its commands (Console.start, pauseNow) runs as it would at once', () => {
  const lines = [
    'kubectl create deployment web --image=nginx --replicas=3 && kubectl expose deployment web --port=80',
    'kubectl run client --image=busybox -- sleep 3600; sleep 20',
    "kubectl exec client -- sh -c 'for i in $(seq 1 6); do wget -qO- -T 1 http://web; done; sleep 2; wget -qO- -T 1 http://nowhere'",
    'kubectl scale deployment web --replicas=100000; kubectl get deployment web --no-headers',
  ];

  it('the same output, instant, store writes and packets, pausing at every chance', () => {
    const atOnce = newConsole();
    const paused = newConsole();
    const packets = (c: Console) => {
      const seen: string[] = [];
      c.cluster.dataplane.observers.add((event) => seen.push(`${event.kind} at ${event.at}`));
      return seen;
    };
    const [a, b] = [packets(atOnce), packets(paused)];
    let pauses = 0;
    for (const text of lines) {
      const line = paused.start(text);
      let result;
      while (!(result = line.step(Infinity, () => true))) pauses++;
      expect(result).toEqual(atOnce.run(text));
      expect(paused.cluster.clock.now).toBe(atOnce.cluster.clock.now);
      expect(paused.cluster.store.resourceVersion).toBe(atOnce.cluster.store.resourceVersion);
    }
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(6);
    // Before every program: seven of the reader's, and the eight that `kubectl exec`'s script runs.
    expect(pauses).toBe(15);
  }, 60_000);
});
