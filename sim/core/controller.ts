import type { ComponentContext } from './component';

/** How many keys a controller reconciles in one clock event before it lets other work run. */
export const reconcilesPerEvent = 500;

/**
 * A level-triggered controller, shaped like client-go's: watch handlers only queue keys; a worker
 * takes one key at a time and reconciles it from what the store holds now. Reconciling twice in a
 * row must change nothing the second time.
 */
export abstract class Controller {
  /** The component name that Events and the reconcile log show, e.g. `replicaset-controller`. */
  abstract readonly name: string;
  private queue = new Set<string>();
  private draining = false;
  /** Consecutive failures per key, for the retry back-off. */
  private failures = new Map<string, number>();

  constructor(protected readonly cluster: ComponentContext) {}

  /** Reconciles one key, `namespace/name` or `name`. The object may be gone: then clean up. */
  protected abstract reconcile(key: string): void;

  /** Queues a key; the worker runs at the current instant, after the write that queued it. */
  enqueue(key: string): void {
    this.queue.add(key);
    if (!this.draining) {
      this.draining = true;
      this.cluster.clock.schedule(0, () => this.drain());
    }
  }

  /** Queues a key again after a delay (a requeue with back-off, a timeout to check later). */
  enqueueAfter(key: string, delayMs: number): void {
    this.cluster.clock.schedule(delayMs, () => this.enqueue(key));
  }

  /** Writes a line to the reconcile log that the widgets show. */
  protected log(key: string, message: string): void {
    this.cluster.log(this.name, key, message);
  }

  /**
   * Reconciles queued keys, at most `reconcilesPerEvent` in one clock event; the rest go on in the
   * next one, at the same instant. One event stays a bounded piece of work, so the clock's work limit
   * can cut in between (a controller with 100,000 Pods to handle does not hold the engine).
   */
  private drain(): void {
    const clock = this.cluster.clock;
    for (let n = 0; this.queue.size && n < reconcilesPerEvent && !clock.exhausted; n++) {
      const key = this.queue.values().next().value as string;
      this.queue.delete(key);
      this.reconcileOrRetry(key);
    }
    if (this.queue.size) this.cluster.clock.schedule(0, () => this.drain());
    else this.draining = false;
  }

  /**
   * A failed reconcile (the API server refused a write) is logged and retried later with
   * client-go's default per-item back-off: 5 ms doubling up to 1000 s
   * (k8s.io/client-go/util/workqueue/default_rate_limiters.go, DefaultControllerRateLimiter).
   */
  private reconcileOrRetry(key: string): void {
    try {
      this.reconcile(key);
      if (this.failures.size) this.failures.delete(key);
    } catch (error) {
      const n = this.failures.get(key) ?? 0;
      this.failures.set(key, n + 1);
      this.log(key, `error syncing "${key}": ${(error as Error).message}, requeuing`);
      this.enqueueAfter(key, Math.min(5 * 2 ** n, 1_000_000));
    }
  }
}
