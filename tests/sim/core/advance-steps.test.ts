/**
 * Booting and advancing in small steps (so that a browser can yield between them) changes nothing
 * the cluster does: the same events run in the same order at the same virtual instants, so every
 * object, log line, rule and seeded name is the same as after one `boot()` or one `advance(ms)`.
 */
import { expect, test } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import { parseClusterConfig } from '../../../sim/cluster-config';
import { courseClusters } from '../../../components/scenarios/clusters';
import readinessWeb from '../../../sim/scenarios/readiness/web.yaml?raw';

/** Everything a reader could see: every object of every kind, the logs, the clock, node-1's rules. */
function seen(cluster: Cluster): string {
  const c = new Console(cluster);
  const rules = c.run('ssh node-1 iptables-save').stdout;
  const pods = c.run('kubectl get pods -A -o wide').stdout;
  return JSON.stringify({ now: cluster.clock.now, events: cluster.clock.eventsRun, rv: cluster.store.resourceVersion, logs: cluster.logs, pods, rules });
}

function stepped(steps: Generator<void>): number {
  let n = 0;
  while (!steps.next().done) n++;
  return n;
}

test.each([1, 3, 8])('booting in steps of %i events gives the cluster one boot() gives, in many more steps', (events) => {
  const whole = new Cluster({ seed: 7 }).boot();
  const bootEvents = whole.clock.eventsRun;
  const parts = new Cluster({ seed: 7 });
  const count = stepped(parts.bootSteps(undefined, events));
  expect(seen(parts)).toBe(seen(whole));
  // Dozens of events (the first second alone runs most of them): a step per `events` of them, not one per second.
  expect(bootEvents).toBeGreaterThan(40);
  expect(count).toBeGreaterThanOrEqual(Math.ceil(bootEvents / events));
});

test('a cluster of another shape boots the same in steps too', () => {
  const config = parseClusterConfig(courseClusters['bare-metal']);
  const whole = new Cluster({ seed: 2, config }).boot();
  const parts = new Cluster({ seed: 2, config });
  stepped(parts.bootSteps(undefined, 2));
  expect(seen(parts)).toBe(seen(whole));
});

test('advancing in steps after an apply gives what one advance gives, and ends at the same instant', () => {
  const build = () => {
    const cluster = new Cluster({ seed: 1 }).boot();
    new Console(cluster, { readFile: () => readinessWeb }).run('kubectl apply -f web.yaml');
    return cluster;
  };
  const whole = build();
  whole.advance(4_321);
  const parts = build();
  stepped(parts.advanceSteps(4_321, 5));
  expect(parts.clock.now).toBe(whole.clock.now);
  expect(seen(parts)).toBe(seen(whole));
});
