import { Clock } from './core/clock';
import { Rng } from './core/rng';
import { Store } from './core/store';
import type { Controller } from './core/controller';
import type { KubeObject, Event as KubeEvent } from './api/types';
import { defaultClusterConfig, type ClusterConfig } from './cluster-config';
import { NodeHost } from './node/node-host';
import { installComponents } from './components';

/** One line of the reconcile log: which component did what to which key, and when. */
export interface LogEntry {
  /** Virtual milliseconds since the cluster started. */
  at: number;
  component: string;
  key: string;
  message: string;
}

export interface ClusterOptions {
  config?: ClusterConfig;
  /** Seeds every random choice; the same seed and inputs give the same run. */
  seed?: number;
}

/**
 * A whole simulated cluster: the API store, the control plane's controllers, the nodes with their
 * agents. Everything runs on one virtual clock; nothing happens until time is advanced.
 */
export class Cluster {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly store: Store;
  readonly config: ClusterConfig;
  readonly nodes = new Map<string, NodeHost>();
  readonly controllers: Controller[] = [];
  readonly logs: LogEntry[] = [];
  private listeners = new Set<() => void>();
  /** Bumped on every store write or log line; widgets compare it to know when to re-render. */
  version = 0;

  constructor(opts: ClusterOptions = {}) {
    this.config = opts.config ?? defaultClusterConfig;
    this.clock = new Clock();
    this.rng = new Rng(opts.seed ?? 1);
    this.store = new Store(this.clock, this.rng);
    this.store.watchAll(() => this.changed());
    for (const n of this.config.nodes) this.nodes.set(n.name, new NodeHost(n));
    installComponents(this);
  }

  /** Advances virtual time by `ms`, running everything that falls due. */
  advance(ms: number): void {
    this.clock.advance(ms);
    this.changed();
  }

  /** Runs what is due now and within `quietMs`, so that the cluster reaches a resting state. */
  settle(quietMs = 0): void {
    this.clock.runUntilQuiet(quietMs);
    this.changed();
  }

  log(component: string, key: string, message: string): void {
    this.logs.push({ at: this.clock.now, component, key, message });
    this.changed();
  }

  /** Records a Kubernetes Event, merging repeats into `count` as the event recorder does. */
  recordEvent(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    host?: string,
  ): void {
    const ns = obj.metadata.namespace ?? 'default';
    const existing = this.store
      .list<KubeEvent>('Event', ns)
      .find((e) => e.involvedObject.uid === obj.metadata.uid && e.reason === reason && e.message === message);
    const now = this.clock.timestamp();
    if (existing) {
      this.store.mutate<KubeEvent>('Event', ns, existing.metadata.name, (e) => {
        e.count += 1;
        e.lastTimestamp = now;
      });
      return;
    }
    this.store.create<KubeEvent>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${obj.metadata.name}.${(this.clock.epochMs + this.clock.now).toString(16)}${this.rng.suffix(4)}`, namespace: ns },
      involvedObject: { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion },
      reason,
      message,
      type,
      source: { component, host },
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
    });
  }

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }
}
