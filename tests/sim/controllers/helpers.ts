import { Cluster } from '../../../sim/cluster';
import { applyManifests } from '../../../sim/api/apply';
import type { ClusterConfig } from '../../../sim/cluster-config';
import type { Deployment, Event, Node, Pod, ReplicaSet } from '../../../sim/api/types';
import { matchesSelector } from '../../../sim/api/labels';

/** A cluster whose nodes have registered and turned Ready. */
export function startCluster(opts: { seed?: number; config?: ClusterConfig } = {}): Cluster {
  const cluster = new Cluster({ seed: opts.seed ?? 1, config: opts.config });
  cluster.advance(1_000);
  return cluster;
}

/** `kubectl apply -f` with the text; fails the test on any error. */
export function apply(cluster: Cluster, yaml: string): string[] {
  const result = applyManifests(cluster, yaml, 'test.yaml');
  if (result.errors.length) throw new Error(result.errors.join('\n'));
  return result.lines;
}

/** A Deployment of agnhost-like web servers, as a manifest. */
export function deploymentYaml(name: string, replicas: number, extra: { image?: string; strategy?: string; spec?: string; podSpec?: string } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
${extra.strategy ?? ''}${extra.spec ?? ''}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${extra.podSpec ?? ''}      containers:
      - name: web
        image: ${extra.image ?? 'nginx:1.27'}
        ports:
        - containerPort: 80
`;
}

export const seconds = (cluster: Cluster, s: number) => cluster.advance(s * 1000);

export function pods(cluster: Cluster, app?: string, namespace = 'default'): Pod[] {
  return cluster.store.list<Pod>('Pod', namespace).filter((p) => !app || matchesSelector(p.metadata.labels, { matchLabels: { app } }));
}

export const activePods = (cluster: Cluster, app?: string) => pods(cluster, app).filter((p) => !p.metadata.deletionTimestamp);

export const isReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

export function deployment(cluster: Cluster, name: string): Deployment {
  const d = cluster.store.get<Deployment>('Deployment', 'default', name);
  if (!d) throw new Error(`no deployment ${name}`);
  return d;
}

export function replicaSets(cluster: Cluster, app: string): ReplicaSet[] {
  return cluster.store.list<ReplicaSet>('ReplicaSet', 'default').filter((rs) => rs.metadata.labels?.app === app);
}

export function node(cluster: Cluster, name: string): Node {
  return cluster.store.get<Node>('Node', '', name)!;
}

/** `reason: message` of the Events about one object (by name), oldest first. */
export function events(cluster: Cluster, name: string, namespace = 'default'): string[] {
  return cluster.store
    .list<Event>('Event', namespace)
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);
}

/** Reconcile-log lines of one component, as `key: message`. */
export function logLines(cluster: Cluster, component: string): string[] {
  return cluster.logs.filter((l) => l.component === component).map((l) => `${l.key}: ${l.message}`);
}
