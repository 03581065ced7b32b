import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cluster } from '../../sim/cluster';
import { applyManifests } from '../../sim/api/apply';
import type { Deployment, KubeObject, Pod, ReplicaSet } from '../../sim/api/types';
import { cidrContains } from '../../sim/net/ip';

/**
 * Property tests: random sequences of what readers and accidents do to a cluster. After the
 * cluster settles, whatever happened:
 * - every ReplicaSet has exactly spec.replicas active Pods (not Terminating, not finished);
 * - Pod IPs are unique and inside the Pod CIDR of the Pod's node;
 * - no object survives whose controller owner is gone (garbage collection);
 * - the same seed and the same steps give the same cluster, byte for byte.
 */

const apps = ['web', 'api'] as const;

type Step =
  | { op: 'apply'; app: string; replicas: number; image: string }
  | { op: 'scale'; app: string; replicas: number }
  | { op: 'delete'; app: string }
  | { op: 'label'; pick: number; app: string }
  | { op: 'kill'; pick: number }
  | { op: 'stop' | 'start'; node: number }
  | { op: 'failProbe'; pick: number };

const app = fc.constantFrom(...apps);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('apply' as const), app, replicas: fc.integer({ min: 0, max: 4 }), image: fc.constantFrom('nginx:1.27', 'nginx:1.28') }),
  },
  fc.record({ op: fc.constant('scale' as const), app, replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('delete' as const), app }),
  fc.record({ op: fc.constant('label' as const), pick: fc.nat(), app: fc.constantFrom('web', 'api', 'other') }),
  fc.record({ op: fc.constant('kill' as const), pick: fc.nat() }),
  fc.record({ op: fc.constantFrom('stop' as const, 'start' as const), node: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('failProbe' as const), pick: fc.nat() }),
);
const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  steps: fc.array(fc.tuple(step, fc.integer({ min: 0, max: 30 })), { minLength: 3, maxLength: 10 }),
});

const manifest = (name: string, replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: main
        image: ${image}
        ports:
        - containerPort: 80
        readinessProbe:
          exec:
            command: [cat, /etc/hostname]
          periodSeconds: 5
`;

/** Runs the steps, each followed by its pause in seconds, then lets 400 s pass (beyond eviction's 300 s). */
function run(seed: number, steps: [Step, number][]): Cluster {
  const cluster = new Cluster({ seed });
  cluster.advance(1_000);
  const livePods = () => cluster.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
  for (const [s, pause] of steps) {
    const pods = livePods();
    const pod = 'pick' in s && pods.length ? pods[s.pick % pods.length] : undefined;
    const exists = 'app' in s && cluster.store.get<Deployment>('Deployment', 'default', s.app);
    switch (s.op) {
      case 'apply':
        expect(applyManifests(cluster, manifest(s.app, s.replicas, s.image), `${s.app}.yaml`).errors).toEqual([]);
        break;
      case 'scale':
        if (exists) cluster.store.mutate<Deployment>('Deployment', 'default', s.app, (d) => (d.spec.replicas = s.replicas));
        break;
      case 'delete':
        if (exists) cluster.store.delete('Deployment', 'default', s.app);
        break;
      case 'label':
        if (pod) cluster.store.mutate<Pod>('Pod', 'default', pod.metadata.name, (d) => (d.metadata.labels = { ...d.metadata.labels, app: s.app }));
        break;
      case 'kill':
        if (pod) cluster.store.delete('Pod', 'default', pod.metadata.name);
        break;
      case 'stop':
        cluster.stopNode(`node-${s.node}`);
        break;
      case 'start':
        cluster.startNode(`node-${s.node}`);
        break;
      case 'failProbe':
        if (pod?.status?.phase === 'Running' && cluster.nodes.get(pod.spec.nodeName!)?.running) {
          cluster.exec('default', pod.metadata.name, undefined, ['rm', '/etc/hostname']);
        }
        break;
    }
    cluster.advance(pause * 1000);
  }
  cluster.advance(400_000);
  return cluster;
}

function checkInvariants(cluster: Cluster): void {
  const store = cluster.store;
  const pods = store.list<Pod>('Pod');
  for (const rs of store.list<ReplicaSet>('ReplicaSet')) {
    const active = pods.filter(
      (p) => p.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid) && !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded',
    );
    expect(active.length, `active pods of ${rs.metadata.name}`).toBe(rs.spec.replicas ?? 1);
  }
  const ips = new Map<string, string>();
  for (const pod of pods) {
    const ip = pod.status?.podIP;
    if (!ip || pod.spec.hostNetwork) continue;
    expect(ips.get(ip), `IP ${ip} of ${pod.metadata.name}`).toBeUndefined();
    ips.set(ip, pod.metadata.name);
    expect(cidrContains(cluster.nodes.get(pod.spec.nodeName!)!.podCIDR, ip)).toBe(true);
  }
  const uids = new Set<string>();
  const all: KubeObject[] = [...store.list('Deployment'), ...store.list('ReplicaSet'), ...pods];
  for (const obj of all) uids.add(obj.metadata.uid!);
  for (const obj of [...store.list('ReplicaSet'), ...pods]) {
    for (const ref of obj.metadata.ownerReferences ?? []) expect(uids.has(ref.uid), `${obj.kind} ${obj.metadata.name} owned by ${ref.kind} ${ref.name}`).toBe(true);
  }
}

function snapshot(cluster: Cluster): string {
  const pods = cluster.store.list<Pod>('Pod').map((p) => [p.metadata.name, p.spec.nodeName, p.status?.phase, p.status?.podIP, p.metadata.deletionTimestamp]);
  return JSON.stringify({ pods, logs: cluster.logs, rv: cluster.store.resourceVersion });
}

describe('control-plane properties', () => {
  it('after random steps and settling, replicas, IPs and owners are all consistent', () => {
    fc.assert(
      fc.property(scenario, ({ seed, steps }) => checkInvariants(run(seed, steps))),
      { numRuns: 25, seed: 42 },
    );
  }, 30_000); // ~2 s alone; the shared CI machine can be ten times busier

  it('the same seed and steps give the same cluster', () => {
    fc.assert(
      fc.property(scenario, ({ seed, steps }) => {
        expect(snapshot(run(seed, steps))).toBe(snapshot(run(seed, steps)));
      }),
      { numRuns: 4, seed: 7 },
    );
  });
});
