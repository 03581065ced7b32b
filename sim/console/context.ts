import type { Cluster } from '../cluster';

/** What a console command may use: the cluster, and the files that `-f` names. */
export interface CommandContext {
  cluster: Cluster;
  /** Reads a file named on the command line; undefined when it does not exist. */
  readFile(path: string): string | undefined;
}

/** Wall-clock milliseconds of the cluster's current virtual instant (what AGE is measured against). */
export function nowMs(cluster: Cluster): number {
  return cluster.clock.epochMs + cluster.clock.now;
}

/** The namespace a command works in: `-n`, else `default` (kubeconfig's default context). */
export function namespaceOf(values: Map<string, string>): string {
  return values.get('namespace') || 'default';
}
