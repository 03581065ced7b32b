/**
 * What a live cluster starts from and what a reader did to it: plain data, no engine code, so an
 * island can hold it before the engine has loaded, and a share link can carry it.
 *
 * The same scenario, replayed, gives the same cluster: the engine is deterministic (one virtual
 * clock, one seeded random source), and every reader action is a console command line, run at the
 * virtual instant it was typed or clicked.
 */

/** One reader action: the console command kubectl (or the simulator's `sim`) would run, and when. */
export interface Action {
  /** Virtual milliseconds since the cluster started. */
  at: number;
  /** The command line, exactly as the Console would take it: `kubectl delete pod web-… --wait=false`. */
  command: string;
  /**
   * Files the reader saved just before the command (the manifest editor's text, by file name):
   * the command and every later one read them, as files written to disk.
   */
  files?: Record<string, string>;
}

export interface Scenario {
  /** YAML manifests (one or more documents), applied as `kubectl apply -f SOURCE` at the start. */
  manifests: string;
  /** The file name the manifests are applied as, and errors mention: `web.yaml`. */
  source: string;
  /**
   * The cluster's shape as a cluster config file (YAML, sim/cluster-config.ts: nodes, CIDRs, the
   * CNI): the default three-node cluster when absent.
   */
  clusterConfig?: string;
  /** Seeds every random choice: Pod names, ClusterIPs, which endpoint a connection gets. */
  seed: number;
  /** The namespace the widget looks at, as `kubectl -n` would (the system's Pods stay out of view). */
  namespace: string;
  /** Commands the scenario itself runs after the apply, before the reader comes (not reader actions). */
  setup?: Action[];
  /** Reader actions, in order. */
  actions: Action[];
  /** Virtual time to reach after the setup and the actions: where the reader finds the cluster. */
  time: number;
}

/** The scenario for a widget's manifests, before any reader action. */
export function scenarioOf(opts: Partial<Scenario> & Pick<Scenario, 'manifests' | 'source'>): Scenario {
  return { seed: 1, namespace: 'default', actions: [], time: 0, ...opts };
}
