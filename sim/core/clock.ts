/**
 * The cluster's one virtual clock and event queue.
 *
 * Nothing in the engine reads the wall clock: every delay (a kubelet starting a container, a probe's
 * period, the node monitor's grace period) is an event scheduled here, so the same inputs always
 * give the same trace.
 */
export type TimerId = number;

interface Timer {
  id: TimerId;
  at: number;
  fn: () => void;
}

export class Clock {
  /** Milliseconds since the cluster started. */
  now = 0;
  /** Wall-clock instant of `now = 0`, used only to print timestamps (creationTimestamp, AGE). */
  readonly epochMs: number;
  private heap: Timer[] = [];
  private nextId = 1;
  private cancelled = new Set<TimerId>();
  /** Events run so far, for benchmarks. */
  eventsRun = 0;
  /** Events the current piece of work may still run (see `limitWork`). */
  private budget = Infinity;
  /** Seconds `timestamp` formatted lately, and their text. */
  private stamps = new Map<number, string>();

  constructor(epochMs = Date.UTC(2026, 0, 1)) {
    this.epochMs = epochMs;
  }

  /** Runs `fn` after `delayMs` of virtual time. Timers due at the same instant run in the order scheduled. */
  schedule(delayMs: number, fn: () => void): TimerId {
    const timer = { id: this.nextId++, at: this.now + Math.max(0, delayMs), fn };
    this.push(timer);
    return timer.id;
  }

  cancel(id: TimerId): void {
    this.cancelled.add(id);
  }

  /** Runs every event due up to `now + ms`, then leaves the clock at `now + ms`. */
  advance(ms: number): void {
    const until = this.now + ms;
    this.runWhile((t) => t.at <= until);
    this.now = until;
  }

  /**
   * `advance(ms)` in pieces of at most `eventsPerStep` events, yielding between them (a browser
   * lets the page breathe there). The same events run in the same order at the same instants,
   * under one work limit that spans the pieces: `workLimit`, as `bounded(workLimit, advance)`
   * gives, or the limit already in force, under which it runs as one piece. Ends at `now + ms`.
   */
  *advanceSteps(ms: number, eventsPerStep: number, workLimit: number): Generator<void> {
    if (this.budget !== Infinity) return this.advance(ms);
    const until = this.now + ms;
    let budget = workLimit;
    for (;;) {
      let left = eventsPerStep;
      this.budget = budget;
      try {
        this.runWhile((t) => t.at <= until && left-- > 0);
      } finally {
        budget = this.budget;
        this.budget = Infinity;
      }
      const next = this.nextDue();
      if (budget <= 0 || next === undefined || next > until) break;
      yield;
    }
    this.now = until;
  }

  /**
   * Runs events until none is due within `quietMs` of the current time, or `limitMs` has passed.
   * Periodic work (probes, heartbeats) never stops, so "settled" means "nothing due soon".
   */
  runUntilQuiet(quietMs = 0, limitMs = 600_000): void {
    const limit = this.now + limitMs;
    this.runWhile((t) => t.at <= this.now + quietMs && t.at <= limit);
  }

  /**
   * Bounds the work that follows: at most `events` more units of work (an event, a store write) until the limit is lifted
   * (`limitWork(Infinity)`). What is left stays queued, overdue, and runs first when work may go on:
   * a control plane that falls behind, as an overloaded one does, while the clock still moves. The
   * console gives each command line a share, so that no line runs unbounded
   * (`kubectl scale --replicas=100000` creates its Pods over the following commands).
   */
  limitWork(events: number): void {
    this.budget = events;
  }

  /**
   * Runs `work` with at most `events` events, unless a tighter limit is already set (a console
   * line's share covers every step it takes).
   */
  bounded(events: number, work: () => void): void {
    if (this.budget !== Infinity) return work();
    this.budget = events;
    try {
      work();
    } finally {
      this.budget = Infinity;
    }
  }

  /** Counts `units` of work done inside an event (the store counts each write) against the limit. */
  spend(units: number): void {
    this.budget -= units;
  }

  /** The work the limit still allows (Infinity when there is none): a console line that pauses keeps its share for later. */
  get workLeft(): number {
    return this.budget;
  }

  /** True when the work limit is used up: what waits for the cluster should give up now. */
  get exhausted(): boolean {
    return this.budget <= 0;
  }

  /** When the next pending event is due, or undefined when the queue is empty. */
  nextDue(): number | undefined {
    this.dropCancelledHead();
    return this.heap[0]?.at;
  }

  /** Current instant as an RFC 3339 timestamp, as the API server writes it (second precision). */
  timestamp(atMs = this.now): string {
    const second = Math.floor((this.epochMs + atMs) / 1000);
    // Thousands of writes share a few seconds (now, when a container started): format each once.
    let stamp = this.stamps.get(second);
    if (stamp === undefined) {
      if (this.stamps.size >= 256) this.stamps.clear();
      stamp = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      this.stamps.set(second, stamp);
    }
    return stamp;
  }

  private runWhile(due: (t: Timer) => boolean): void {
    while (this.budget > 0) {
      this.dropCancelledHead();
      const head = this.heap[0];
      if (!head || !due(head)) return;
      this.pop();
      if (head.at > this.now) this.now = head.at;
      this.eventsRun++;
      this.budget--;
      head.fn();
    }
  }

  private dropCancelledHead(): void {
    while (this.heap.length && this.cancelled.has(this.heap[0].id)) {
      this.cancelled.delete(this.heap[0].id);
      this.pop();
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.id < b.id);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
