/**
 * What the reconcile widget draws: the cluster map's Pods and Nodes, the Deployment's desired
 * replica count and the last lines of the reconcile log about the widget's namespace.
 */
import type { Cluster, LogEntry } from '../../sim/cluster';
import type { Deployment } from '../../sim/api/types';
import { clusterView, type ClusterView } from './cluster';

export interface ReconcileView extends ClusterView {
  /** The Deployment's spec.replicas (0 when it does not exist). */
  desired: number;
  /** The last reconcile-log lines about the namespace, oldest first, each with its place in the whole log. */
  logs: { n: number; entry: LogEntry }[];
}

export function reconcileView(cluster: Cluster, namespace: string, deployment: string, logLines: number): ReconcileView {
  const prefix = `${namespace}/`;
  const logs: ReconcileView['logs'] = [];
  for (let n = cluster.logs.length - 1; n >= 0 && logs.length < logLines; n--) {
    if (cluster.logs[n].key.startsWith(prefix)) logs.unshift({ n, entry: cluster.logs[n] });
  }
  return {
    ...clusterView(cluster, namespace),
    desired: cluster.store.get<Deployment>('Deployment', namespace, deployment)?.spec.replicas ?? 0,
    logs,
  };
}
