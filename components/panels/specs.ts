/**
 * What a live widget shows, panel by panel: plain, serialisable data that a chapter writes in its
 * MDX (through an Astro wrapper) and that an embed page or a share link can carry. Every panel of
 * one widget looks at the same live cluster.
 */

/** A reader action on the map; each runs the console command written beside it. */
export type MapAct =
  /** `kubectl delete pod POD --wait=false` */
  | 'delete'
  /** the scenario's readiness commands (see MapSpec.readiness) */
  | 'readiness'
  /** the scenario's liveness command (see MapSpec.liveness) */
  | 'liveness'
  /** `kubectl label pod POD KEY=VALUE --overwrite` (see MapSpec.label) */
  | 'label'
  /** `kubectl scale deployment DEPLOYMENT --replicas=N` */
  | 'scale'
  /** `sim stop|start node NODE` */
  | 'node'
  /** `sim stop|start kube-proxy NODE` */
  | 'kube-proxy'
  /** `sim stop|start node NODE`, a button per node (no Pod to select first) */
  | 'nodes';

export interface MapSpec {
  kind: 'map';
  /** What the reader may do, in the order the buttons appear. */
  acts?: MapAct[];
  /** The Deployment `scale` changes. */
  deployment?: string;
  /** The most Pods the map makes room for, so that scaling up never makes the page jump. */
  capacity?: number;
  /**
   * How readiness fails and comes back in this scenario, as console commands with `{pod}` for the
   * Pod's name: e.g. an exec probe `test ! -e /tmp/maintenance`, failed by
   * `kubectl exec {pod} -- touch /tmp/maintenance` and restored by `… rm /tmp/maintenance`.
   */
  readiness?: { fail: string; restore: string };
  /** How the liveness probe is made to fail: `kubectl exec {pod} -- touch /tmp/broken`. */
  liveness?: string;
  /** The label `label` flips: its key and the two values it moves between. */
  label?: { key: string; values: [string, string] };
  /** Draw packets as they cross the map (new connections and requests). */
  packets?: boolean;
  /** Show each Pod's labels under its name. */
  showLabels?: boolean;
  /**
   * Draw the world around the cluster: the internet with the reader's laptop and the echo host,
   * the cloud's internet gateway, NAT gateway and load balancers (room for `loadBalancers` of them
   * from the start), the VPC (or the LAN on bare metal) around the nodes, each node's public IP.
   */
  world?: { loadBalancers?: number };
}

export interface EndpointsSpec {
  kind: 'endpoints';
  /** The Service, in the widget's namespace. */
  service: string;
}

export interface RulesSpec {
  kind: 'rules';
  /** Only the rules of this Service (`namespace/name`) at first; the reader can show all. */
  service?: string;
  /** The node shown at first; the reader can pick another. */
  node?: string;
}

export interface ConsoleSpec {
  kind: 'console';
  /** Commands shown as buttons: a click types and runs one. */
  examples?: string[];
  /** Commands already run when the reader arrives (part of the scenario's setup). */
  prompt?: string;
}

export interface BalanceSpec {
  kind: 'balance';
  /** The Pod the requests come from. */
  client: string;
  /** The Service they go to, by name (curl resolves it through the cluster DNS). */
  service: string;
  /** How many requests each run sends. */
  requests?: number;
}

export interface TraceSpec {
  kind: 'trace';
  /** The Pod the packet starts from, at first. */
  from?: string;
  /** The destination at first: a Pod name, a Service name (its ClusterIP) or `dns:NAME`. */
  to?: string;
  /**
   * Requests to compare, one per row: a click runs the row's console command (any that opens
   * connections: `kubectl exec client -- curl …`, `ssh node-1 curl …`), traces the connections it
   * made, and the row says what the trace shows was rewritten on the way in.
   */
  presets?: { label: string; command: string }[];
  /** Draw the world around the cluster (MapSpec.world), and offer the reader's laptop as a source and the world's addresses as destinations. */
  world?: { loadBalancers?: number };
  /** What the reader may do on the trace's map (MapSpec.acts). */
  acts?: MapAct[];
}

export interface CloudSpec {
  kind: 'cloud';
  /** The Service whose `kubectl get svc` line stands beside the calls, in the widget's namespace. */
  service: string;
  /** How many of the latest calls are listed. */
  rows?: number;
}

export type PanelSpec = MapSpec | EndpointsSpec | RulesSpec | ConsoleSpec | BalanceSpec | TraceSpec | CloudSpec;
