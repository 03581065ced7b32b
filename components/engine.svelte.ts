import { createSubscriber } from 'svelte/reactivity';
import { Cluster, type LogEntry } from '../sim/cluster';
import { applyManifests } from '../sim/api/apply';
import type { Deployment, Node, Pod } from '../sim/api/types';
import { nodeView, podView, type NodeView, type PodView } from './pod-view';

/** How a widget starts its own cluster: the manifests it applies, and the seed of its random source. */
export interface LiveClusterOptions {
  /** YAML manifests (one or more documents), applied as `kubectl apply -f` would. */
  manifests: string;
  /** The file name errors mention, e.g. `intent-web.yaml`. */
  source: string;
  /** The namespace the widget looks at, as `kubectl -n` would; the system's own Pods stay out of view. */
  namespace: string;
  seed?: number;
}

/**
 * One simulated cluster seen through Svelte's reactivity: every getter reads the engine's store
 * and re-runs when the cluster changes (the engine's `subscribe` and `version`, wrapped with
 * `createSubscriber`). Reader actions go through the API store, as kubectl would send them. The
 * widget draws only what these getters return, so it can never show what the cluster does not hold.
 */
export class LiveCluster {
  readonly cluster: Cluster;
  /** kubectl-style errors from applying the manifests; empty when all applied. */
  readonly applyErrors: string[];
  readonly namespace: string;
  readonly #subscribe: () => void;

  constructor(opts: LiveClusterOptions) {
    this.namespace = opts.namespace;
    this.cluster = new Cluster({ seed: opts.seed });
    this.applyErrors = applyManifests(this.cluster, opts.manifests, opts.source).errors;
    this.#subscribe = createSubscriber((update) => this.cluster.subscribe(update));
  }

  /** The cluster's change counter; reading it makes the caller re-run on every change. */
  get version(): number {
    this.#subscribe();
    return this.cluster.version;
  }

  /** Virtual milliseconds since the cluster started. */
  get now(): number {
    this.#subscribe();
    return this.cluster.clock.now;
  }

  /** The Pods of the widget's namespace, in creation order: computed once per cluster change. */
  readonly pods: PodView[] = $derived.by(() => {
    this.#subscribe();
    return this.cluster.store.list<Pod>('Pod', this.namespace).map(podView);
  });

  /** The Node objects the kubelets registered, each with the Pods bound to it, in name order. */
  readonly nodes: NodeView[] = $derived.by(() =>
    this.cluster.store
      .list<Node>('Node')
      .map((n) => nodeView(n, this.pods))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );

  /** Pods not yet bound to a node (the scheduler has not placed them). */
  readonly unscheduled: PodView[] = $derived(this.pods.filter((p) => !p.nodeName));

  /**
   * The last `limit` reconcile-log lines about objects of the widget's namespace, oldest first,
   * each with its position in the whole log (a stable key).
   */
  recentLogs(limit: number): { n: number; entry: LogEntry }[] {
    this.#subscribe();
    const all = this.cluster.logs;
    const prefix = `${this.namespace}/`;
    const recent: { n: number; entry: LogEntry }[] = [];
    for (let n = all.length - 1; n >= 0 && recent.length < limit; n--) {
      if (all[n].key.startsWith(prefix)) recent.unshift({ n, entry: all[n] });
    }
    return recent;
  }

  /** A Deployment of the widget's namespace as the store holds it now, or undefined. */
  deployment(name: string): Deployment | undefined {
    this.#subscribe();
    return this.cluster.store.get<Deployment>('Deployment', this.namespace, name);
  }

  /**
   * Sets a Deployment's desired replica count, as `kubectl scale deployment NAME --replicas=N`
   * does (it writes spec.replicas through the scale subresource). Returns an error message, or
   * undefined when the write was accepted.
   */
  scale(name: string, replicas: number): string | undefined {
    if (!Number.isInteger(replicas) || replicas < 0) return `replicas must be a whole number ≥ 0, not ${replicas}`;
    const written = this.cluster.store.mutate<Deployment>('Deployment', this.namespace, name, (d) => {
      d.spec.replicas = replicas;
    });
    return written ? undefined : `deployments.apps "${name}" not found`;
  }

  /** Deletes a Pod with its default grace period, as `kubectl delete pod NAME` does. */
  deletePod(name: string): void {
    if (this.cluster.store.get('Pod', this.namespace, name)) this.cluster.store.delete('Pod', this.namespace, name);
  }

  /** Runs the cluster for `ms` of virtual time. */
  advance(ms: number): void {
    this.cluster.advance(ms);
  }
}
