/**
 * The kubelet's container restart back-off (CrashLoopBackOff): client-go's flowcontrol.Backoff,
 * created with backOffPeriod = 10 s and MaxContainerBackOff = 300 s, without jitter.
 * Sources: kubernetes/pkg/kubelet/kubelet.go (backOffPeriod, MaxContainerBackOff),
 * kubernetes/pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff: keyed by pod and container,
 * checked against the container's finishedAt), client-go/util/flowcontrol/backoff.go.
 *
 * So a crashing container restarts at once the first time, then after 10 s, 20 s, 40 s, … 300 s;
 * a container that ran for more than twice the maximum (10 min) before exiting starts over at 10 s.
 */
export const backOffPeriodMs = 10_000;
export const maxContainerBackOffMs = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export class ContainerBackOff {
  private entries = new Map<string, Entry>();

  /**
   * How long a container that exited at `finishedAt` must still wait at `now` before it may start
   * again; 0 when it may start now (IsInBackOffSince is false).
   */
  remaining(key: string, finishedAt: number, now: number): number {
    const e = this.entries.get(key);
    if (!e || this.expired(finishedAt, e)) return 0;
    return Math.max(0, e.backoffMs - (now - finishedAt));
  }

  /** Arms the next, doubled back-off (Next), called when the container is started again. */
  next(key: string, finishedAt: number, now: number): void {
    const e = this.entries.get(key);
    const backoffMs = !e || this.expired(finishedAt, e) ? backOffPeriodMs : Math.min(e.backoffMs * 2, maxContainerBackOffMs);
    this.entries.set(key, { backoffMs, lastUpdate: now });
  }

  /** The current back-off, as the waiting message prints it (`back-off 20s restarting failed container=…`). */
  current(key: string): number {
    return this.entries.get(key)?.backoffMs ?? backOffPeriodMs;
  }

  /** Forgets a pod's containers once the pod is gone. */
  forget(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private expired(eventTime: number, e: Entry): boolean {
    return eventTime - e.lastUpdate > maxContainerBackOffMs * 2;
  }
}
