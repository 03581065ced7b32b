import type { LogEntry } from '../sim/cluster';
import type { LiveCluster } from './engine.svelte';
import type { NodeView, PodView } from './pod-view';

/**
 * Everything the reconcile widget draws at one instant, as plain data. The page is built with the
 * view of the widget's cluster after its warm-up, so the reader sees the cluster at once; the
 * browser then loads the engine, starts the same seeded cluster, reaches the same instant and
 * draws the same view, now live.
 */
export interface ReconcileView {
  /** Virtual milliseconds since the cluster started. */
  now: number;
  /** The Deployment's spec.replicas (0 when it does not exist). */
  desired: number;
  /** The nodes, each with its Pods, in name order. */
  nodes: NodeView[];
  /** Pods the scheduler has not placed yet. */
  unscheduled: PodView[];
  /** The last reconcile-log lines about the namespace, oldest first, each with its place in the whole log. */
  logs: { n: number; entry: LogEntry }[];
  /** kubectl-style errors from applying the widget's manifests. */
  applyErrors: string[];
}

/** Reads the widget's view from a live cluster; in a Svelte `$derived`, it re-runs on every change. */
export function reconcileView(live: LiveCluster, deployment: string, logLines: number): ReconcileView {
  return {
    now: live.now,
    desired: live.deployment(deployment)?.spec.replicas ?? 0,
    nodes: live.nodes,
    unscheduled: live.unscheduled,
    logs: live.recentLogs(logLines),
    applyErrors: live.applyErrors,
  };
}
