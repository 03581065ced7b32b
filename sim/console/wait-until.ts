import type { Cluster } from '../cluster';

/**
 * Lets virtual time pass, one scheduled event at a time, until `done()` holds or `timeoutMs` has
 * passed: how the console imitates a command that watches the API server and returns as soon as
 * its condition is met (`kubectl wait`, `rollout status`, `delete`'s wait for removal).
 * Returns whether the condition was met; on timeout the clock stands at the deadline.
 */
export function advanceUntil(cluster: Cluster, done: () => boolean, timeoutMs: number): boolean {
  const deadline = cluster.clock.now + timeoutMs;
  cluster.settle(0);
  while (!done()) {
    const next = cluster.clock.nextDue();
    // With its work limit used up, the cluster will not get there in this command: wait out the timeout.
    if (next === undefined || next > deadline || cluster.clock.exhausted) {
      cluster.advance(deadline - cluster.clock.now);
      return done();
    }
    cluster.advance(Math.max(0, next - cluster.clock.now));
  }
  return true;
}

/**
 * Reads a Go duration as kubectl's --timeout takes it (`60s`, `2m`, `1m30s`, `500ms`; a bare number
 * is seconds). Undefined when it cannot be read.
 */
export function parseDuration(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = text;
  while (rest) {
    const m = rest.match(/^(\d+(?:\.\d+)?)(ms|s|m|h)/);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return text ? total : undefined;
}
