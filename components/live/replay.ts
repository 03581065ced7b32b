/**
 * Builds a cluster from a scenario: boots it, applies the manifests through the console, runs the
 * setup and the reader's actions at their virtual instants, and reaches the scenario's time. Used
 * at build time (the first view an Astro wrapper renders), by tests, and by the live cluster in the
 * browser (in slices, so that no task runs long). Plain TypeScript: no Svelte, no DOM.
 */
import { Cluster } from '../../sim/cluster';
import { Console } from '../../sim/console/console';
import { parseClusterConfig } from '../../sim/cluster-config';
import type { ExecResult } from '../../sim/node/programs';
import type { Action, Scenario } from './scenario';

/** The longest slice of virtual time advanced in one step of a replay: a second, as boot steps (a Pod starting is one slice's work, not five). */
const sliceMs = 1_000;
/**
 * The most engine events run in one step: one. A slice can hold many (the first second of a boot
 * creates every node and system Pod), and while its code is still cold a phone takes several
 * milliseconds over a single event; the live cluster groups steps into slices of a few
 * milliseconds itself (live-cluster.svelte.ts runSteps), so finer steps cost nothing.
 */
const eventsPerStep = 1;

export interface Replayed {
  cluster: Cluster;
  console: Console;
  /** What `kubectl apply -f SOURCE` printed on stderr, line by line: empty when all applied. */
  applyErrors: string[];
  /** Files saved by actions (`Action.files`), which the console reads before the scenario's own. */
  files: Map<string, string>;
}

/**
 * The replay as a sequence of steps; the caller runs them, all at once or yielding between them.
 * Each step's work is bounded (one command, or `sliceMs` of virtual time).
 */
export function* replaySteps(scenario: Scenario, onAction?: (action: Action, result: ExecResult) => void): Generator<void, Replayed> {
  const cluster = new Cluster({ seed: scenario.seed, config: scenario.clusterConfig ? parseClusterConfig(scenario.clusterConfig) : undefined });
  yield;
  yield* cluster.bootSteps(undefined, eventsPerStep);
  const saved = new Map<string, string>();
  // One store for the files the reader saves in an editor and the ones a redirection writes (`> web.yaml`).
  const console = new Console(cluster, {
    readFile: (path) => saved.get(path) ?? (path === scenario.source ? scenario.manifests : undefined),
    writeFile: (path, text) => saved.set(path, text),
  });
  const applied = console.run(`kubectl apply -f ${scenario.source}`);
  const applyErrors = applied.stderr.split('\n').filter(Boolean);
  const replayed: Replayed = { cluster, console, applyErrors, files: saved };
  yield;
  for (const step of scenario.setup ?? []) {
    yield* advanceTo(cluster, step.at);
    for (const [path, text] of Object.entries(step.files ?? {})) saved.set(path, text);
    console.run(step.command);
  }
  for (const action of scenario.actions) {
    yield* advanceTo(cluster, action.at);
    for (const [path, text] of Object.entries(action.files ?? {})) saved.set(path, text);
    const result = console.run(action.command);
    onAction?.(action, result);
  }
  yield* advanceTo(cluster, scenario.time);
  return replayed;
}

/** Advances the cluster to the virtual instant `at`, a slice at a time, in steps of bounded work. */
export function* advanceTo(cluster: Cluster, at: number): Generator<void> {
  while (cluster.clock.now < at) {
    yield* cluster.advanceSteps(Math.min(sliceMs, at - cluster.clock.now), eventsPerStep);
    yield;
  }
}

/** Replays a scenario at once (build time, tests). */
export function replay(scenario: Scenario): Replayed {
  const steps = replaySteps(scenario);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
