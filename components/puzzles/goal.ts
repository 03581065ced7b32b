/**
 * Checks a puzzle's goal on a live cluster, as a tester at a terminal would: runs the goal's
 * command in the client Pod (`kubectl exec POD -- sh -c RUN`) until one run fails or `count` runs
 * have succeeded, then checks that each `blocked` command still fails. The runs are real: their
 * connections go through the data plane and leave conntrack entries, as any client's would. They
 * take no virtual time (the cluster's clock is not advanced), so checking never moves the reader's
 * cluster on.
 */
import type { Cluster } from '../../sim/cluster';
import type { Pod } from '../../sim/api/types';
import { matchesSelector, parseSelector } from '../../sim/api/labels';
import { isPodReady } from '../../sim/controllers/pod-util';
import type { Goal, GoalCheck } from './puzzle';

export interface GoalResult {
  met: boolean;
  /** Runs that succeeded before the first failure (or all of them). */
  succeeded: number;
  /** What the first failing run printed (its command line, then its output), or why none could run. */
  failure?: string;
}

export function checkGoal(cluster: Cluster, goal: Goal): GoalResult {
  const pod = findPod(cluster, goal.namespace, goal.from);
  if (typeof pod !== 'string') return { met: false, succeeded: 0, failure: pod.reason };
  for (let n = 0; n < goal.count; n++) {
    const result = run(cluster, goal.namespace, pod, goal);
    if (result.exitCode !== 0) return { met: false, succeeded: n, failure: transcript(goal.namespace, pod, goal, result) };
  }
  for (const b of goal.blocked) {
    const other = findPod(cluster, goal.namespace, b.from);
    if (typeof other !== 'string') continue;
    const result = run(cluster, goal.namespace, other, b);
    if (result.exitCode === 0) {
      return { met: false, succeeded: goal.count, failure: `${transcript(goal.namespace, other, b, result)}${other} must not get through.` };
    }
  }
  return { met: true, succeeded: goal.count };
}

function run(cluster: Cluster, namespace: string, pod: string, check: GoalCheck) {
  try {
    return cluster.exec(namespace, pod, undefined, ['sh', '-c', check.run]);
  } catch (error) {
    return { stdout: '', stderr: `${error instanceof Error ? error.message : String(error)}\n`, exitCode: 1 };
  }
}

function transcript(namespace: string, pod: string, check: GoalCheck, result: { stdout: string; stderr: string }): string {
  return `$ kubectl exec ${namespace === 'default' ? '' : `-n ${namespace} `}${pod} -- sh -c '${check.run}'\n${result.stdout}${result.stderr}`;
}

/** The Pod named `from`, or the newest Ready, not terminating Pod that the selector `from` picks. */
function findPod(cluster: Cluster, namespace: string, from: string): string | { reason: string } {
  if (!from.includes('=')) {
    return cluster.store.get<Pod>('Pod', namespace, from) ? from : { reason: `pods "${from}" not found in namespace ${namespace}` };
  }
  const selector = parseSelector(from);
  const ready = cluster.store
    .list<Pod>('Pod', namespace)
    .filter((p) => matchesSelector(p.metadata.labels, selector) && !p.metadata.deletionTimestamp && isPodReady(p))
    .sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''));
  return ready[0]?.metadata.name ?? { reason: `no Ready Pod with labels ${from} in namespace ${namespace}` };
}
