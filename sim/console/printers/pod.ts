import type { Pod } from '../../api/types';
import { since } from './age';
import type { KindPrinter, PrintContext } from './table';

/**
 * The pod row of `kubectl get pods`, following printPod in
 * kubernetes/kubernetes pkg/printers/internalversion/printers.go: STATUS is the phase, replaced by
 * the last container's waiting or terminated reason (ContainerCreating, CrashLoopBackOff, Error,
 * Completed), back to Running when a container still runs, and Terminating once deletion started.
 */
export const podPrinter: KindPrinter<Pod> = {
  columns: ['Name', 'Ready', 'Status', 'Restarts', 'Age'],
  wideColumns: ['IP', 'Node', 'Nominated Node', 'Readiness Gates'],
  row(pod, ctx) {
    const { ready, status, restarts } = podSummary(pod, ctx);
    const cells = [pod.metadata.name, ready, status, restarts, since(pod.metadata.creationTimestamp, ctx.nowMs)];
    if (ctx.wide) {
      cells.push(pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '<none>', pod.spec.nodeName || '<none>', '<none>', '<none>');
    }
    return cells;
  },
};

/** READY, STATUS and RESTARTS of a pod, as printPod computes them. */
export function podSummary(pod: Pod, ctx: Pick<PrintContext, 'nowMs'>): { ready: string; status: string; restarts: string } {
  const phase = pod.status?.phase ?? 'Pending';
  let reason: string = pod.status?.reason || phase;
  let restarts = 0;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i];
    restarts += c.restartCount;
    const finished = c.lastState?.terminated?.finishedAt;
    if (finished && (lastRestart === undefined || Date.parse(finished) > lastRestart)) lastRestart = Date.parse(finished);
    if (c.state.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state.running) {
      hasRunning = true;
      readyContainers++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    const podReady = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    reason = podReady ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  const restartsText = restarts !== 0 && lastRestart !== undefined ? `${restarts} (${since(new Date(lastRestart).toISOString(), ctx.nowMs)} ago)` : String(restarts);
  return { ready: `${readyContainers}/${pod.spec.containers.length}`, status: reason, restarts: restartsText };
}
