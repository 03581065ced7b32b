/**
 * One simulated cluster seen through Svelte: the generic model every widget drives.
 *
 * - Reads: `version` changes once per cluster change (a store write, a reconcile-log line, a
 *   kube-proxy sync, a console command), never merely because time passed; views are plain
 *   functions of `cluster` (components/views/), recomputed in a `$derived` that reads `version`.
 *   `now` changes every frame while time runs, for clocks.
 * - Writes: only `run(command)`, the console command line kubectl (or `sim`) would run. Every one
 *   is recorded in `actions` with its virtual instant, so `scenario()` is everything needed to
 *   rebuild this cluster elsewhere (a share link, an embed page): replay(scenario()) gives the same
 *   state.
 * - Packets: `packets` lists the data plane's recent connections and requests, as the engine
 *   traced them (for ClusterMap's and PacketTrace's drawings, BalanceChart's counts). They arrive
 *   with the change that sent them, once a command line or a frame's time has run, so a line run
 *   over several tasks redraws nothing until it ends.
 *
 * Load it lazily (components/live/load.ts): it pulls in the whole engine.
 */
import type { Cluster } from '../../sim/cluster';
import type { Console, RunningLine } from '../../sim/console/console';
import type { DataplaneEvent } from '../../sim/net/dataplane';
import type { ExecResult } from '../../sim/node/programs';
import { parseManifests } from '../../sim/api/manifest';
import { nextTask } from './next-task';
import { afterNextFrame } from './frame-clock';
import { advanceTo, replay, replaySteps } from './replay';
import type { Action, Scenario } from './scenario';

/** How many data-plane events a live cluster keeps for widgets to draw. */
const packetMemory = 200;

/** One data-plane event with a stable key. */
export interface PacketEvent {
  n: number;
  event: DataplaneEvent;
}

/** One console command the reader ran, with what it printed. */
export interface CommandRun {
  n: number;
  action: Action;
  result: ExecResult;
}

export class LiveCluster {
  readonly cluster: Cluster;
  readonly console: Console;
  readonly applyErrors: string[];
  readonly namespace: string;
  /** The scenario this cluster started from, without reader actions. */
  readonly start: Scenario;
  /** Reader actions so far, oldest first. */
  actions: Action[] = $state.raw([]);
  /** Every command run with its output (the Console's scrollback), oldest first. */
  runs: CommandRun[] = $state.raw([]);
  /** Recent data-plane events, oldest first. */
  packets: PacketEvent[] = $state.raw([]);
  /** Bumped once per cluster change. */
  version = $state(0);
  /** Virtual milliseconds since the cluster started. */
  now = $state(0);
  #changeKey = '';
  #packetCount = 0;
  #runCount = 0;
  /** Data-plane events since the last #sync: widgets see them together, once the work that made them is done. */
  #newPackets: PacketEvent[] = [];
  /** Steps the line that runs over several tasks (runInSteps), if one does: called with no argument, it finishes the line at once. */
  #line: ((pauseNow?: () => boolean) => ExecResult | undefined) | undefined;
  /** Settles once the lines given to runInSteps so far have ended: each waits for the one before. */
  #lines: Promise<unknown> = Promise.resolve();

  /** Files the reader saved (Action.files), which console commands read. */
  readonly #files: Map<string, string>;

  private constructor(start: Scenario, cluster: Cluster, console: Console, applyErrors: string[], files: Map<string, string>) {
    this.#files = files;
    this.start = { ...start, actions: [] };
    this.namespace = start.namespace;
    this.cluster = cluster;
    this.console = console;
    this.applyErrors = applyErrors;
    cluster.dataplane.observers.add((event) => this.#newPackets.push({ n: this.#packetCount++, event }));
    this.#sync(true);
  }

  /** Builds the cluster at once (tests, and small scenarios). */
  static replay(scenario: Scenario): LiveCluster {
    const { cluster, console, applyErrors, files } = replay({ ...scenario, actions: [] });
    const live = new LiveCluster(scenario, cluster, console, applyErrors, files);
    for (const steps = live.#replayActions(scenario); !steps.next().done; );
    return live;
  }

  /**
   * Builds the cluster in steps, yielding to the browser between them so that no task runs long
   * while a widget hydrates. The reader's actions in `scenario` are replayed and recorded.
   */
  static async start(scenario: Scenario, yieldToBrowser: () => Promise<void> = nextTask): Promise<LiveCluster> {
    // The first step in a task of its own: the caller's task (evaluating the engine's chunk) is long enough.
    await yieldToBrowser();
    // The YAML parser's first run is by far its slowest (its code is still cold: 80–100 ms for a
    // whole scenario's manifests on a phone 4× slower): a first parse, one document per task, so
    // that the task applying them, which parses them again, stays short. Only the time matters here.
    for (const document of scenario.manifests.split(/^---$/m)) {
      parseManifests(document, scenario.source);
      await yieldToBrowser();
    }
    const { cluster, console, applyErrors, files } = await runSteps(replaySteps({ ...scenario, actions: [], time: scenario.actions.length ? 0 : scenario.time }), yieldToBrowser);
    const live = new LiveCluster(scenario, cluster, console, applyErrors, files);
    await runSteps(live.#replayActions(scenario), yieldToBrowser);
    return live;
  }

  /** Runs the reader's actions at their instants and reaches the scenario's time, in steps (replay.ts advanceTo). */
  *#replayActions(scenario: Scenario): Generator<void> {
    for (const action of scenario.actions) {
      yield* advanceTo(this.cluster, action.at);
      this.run(action.command, action.files);
      yield;
    }
    yield* advanceTo(this.cluster, scenario.time);
    this.#sync(true);
  }

  /**
   * Runs one console command line as the reader's action and records it, after saving `files`
   * (the manifest editor's text) where the console reads them. Never throws: an engine
   * error becomes the command's stderr, as a shell prints a crashed program's message. A line
   * still running over several tasks (runInSteps) is finished first, at once.
   */
  run(command: string, files?: Record<string, string>): ExecResult {
    this.#line?.();
    return this.#start(command, files)()!;
  }

  /**
   * Runs a line as `run` does, over as many tasks as it takes, so that a long one (a loop of
   * curls in `kubectl exec`) never holds the page: between its commands it hands the thread back
   * once it has worked `lineSliceMs`, and goes on after the next frame. Lines given while one runs wait their turn; virtual time
   * stands still until the line ends (`advance` waits), so it prints, and leaves the cluster, as
   * if it had run at once.
   */
  runInSteps(command: string): Promise<ExecResult> {
    const ran = this.#lines.then(async () => {
      const step = this.#start(command);
      this.#line = step;
      for (;;) {
        const until = performance.now() + lineSliceMs;
        const result = step(() => performance.now() > until);
        if (result) return result;
        await afterNextFrame();
      }
    });
    this.#lines = ran;
    return ran;
  }

  /** Starts a line and records it as an action; the function returned steps it (to the end, without `pauseNow`) and records its run once it ends. */
  #start(command: string, files?: Record<string, string>): (pauseNow?: () => boolean) => ExecResult | undefined {
    const action: Action = { at: this.cluster.clock.now, command, ...(files ? { files } : {}) };
    for (const [path, text] of Object.entries(files ?? {})) this.#files.set(path, text);
    this.actions = [...this.actions, action];
    let line: RunningLine | undefined;
    let ended: ExecResult | undefined;
    const step = (pauseNow?: () => boolean) => {
      if (ended) return ended;
      let result: ExecResult | undefined;
      try {
        line ??= this.console.start(command);
        result = line.step(Infinity, pauseNow);
      } catch (error) {
        result = { stdout: '', stderr: `${command.split(' ')[0]}: ${error instanceof Error ? error.message : String(error)}\n`, exitCode: 1 };
      }
      if (!result) return undefined;
      ended = result;
      if (this.#line === step) this.#line = undefined;
      this.runs = [...this.runs.slice(-199), { n: this.#runCount++, action, result }];
      this.#sync(true);
      return result;
    };
    return step;
  }

  /** Runs the cluster for `ms` of virtual time; signals a change only if the cluster changed. */
  advance(ms: number): void {
    // A line running over several tasks would see time pass between its commands: it waits.
    if (ms <= 0 || this.#line) return;
    try {
      this.cluster.advance(ms);
    } finally {
      this.#sync(false);
    }
  }

  /** Everything needed to rebuild this cluster as it is now. */
  scenario(): Scenario {
    return { ...this.start, actions: this.actions, time: this.cluster.clock.now };
  }

  #sync(force: boolean): void {
    this.now = this.cluster.clock.now;
    if (this.#newPackets.length) {
      this.packets = [...this.packets, ...this.#newPackets].slice(-packetMemory);
      this.#newPackets = [];
    }
    const key = `${this.cluster.store.resourceVersion}:${this.cluster.logs.length}`;
    if (force || key !== this.#changeKey) {
      this.#changeKey = key;
      this.version++;
    }
  }
}

/**
 * The longest the engine works before it lets the browser run other tasks: 8 ms, so that even on a
 * phone four times slower no task reaches the 50 ms that make a long task (and blocking time).
 */
const sliceBudgetMs = 8;

/**
 * How long a console line works in a frame before it hands the thread back (runInSteps): a quarter
 * of a frame at 60 Hz, so that the frame's own work fits beside it even on a phone 4× slower.
 */
const lineSliceMs = 4;

/** Runs `steps` to the end, letting the browser run other tasks whenever `sliceBudgetMs` of work have passed. */
async function runSteps<T>(steps: Generator<void, T>, yieldToBrowser: () => Promise<void>): Promise<T> {
  let budget = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - budget > sliceBudgetMs) {
      await yieldToBrowser();
      budget = performance.now();
    }
  }
}
