import { Cluster } from '../../../sim/cluster';
import type { Container, Event, Pod } from '../../../sim/api/types';

/**
 * A Pod bound straight to a node (spec.nodeName set), as if the scheduler had placed it. Its
 * default image is one the image catalogue does not know: by the simulator's convention it runs
 * forever and serves on the ports it declares.
 */
export function boundPod(name: string, container: Partial<Container> = {}, extra: Partial<Pod['spec']> = {}, namespace = 'default'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { nodeName: 'node-1', containers: [{ name: 'web', image: 'example.com/web:1', ...container }], ...extra },
  };
}

export function startCluster(): Cluster {
  const cluster = new Cluster({ seed: 7 });
  cluster.advance(100);
  return cluster;
}

export function getPod(cluster: Cluster, name: string, namespace = 'default'): Pod | undefined {
  return cluster.store.get<Pod>('Pod', namespace, name);
}

/** The status of the Pod's first container. */
export function webStatus(cluster: Cluster, name: string) {
  return getPod(cluster, name)?.status?.containerStatuses?.[0];
}

export function podReady(cluster: Cluster, name: string): string | undefined {
  return getPod(cluster, name)?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

/** The Pod's Events as `REASON: MESSAGE`, oldest first. */
export function podEvents(cluster: Cluster, name: string): string[] {
  return cluster.store
    .list<Event>('Event', 'default')
    .filter((e) => e.involvedObject.kind === 'Pod' && e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);
}
