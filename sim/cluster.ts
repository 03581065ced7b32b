import { Clock } from './core/clock';
import { Rng } from './core/rng';
import { Store } from './core/store';
import type { Controller } from './core/controller';
import type { Node as NodeObject, Pod } from './api/types';
import type { ComponentContext, EventRecorder } from './core/component';
import { defaultClusterConfig, type ClusterConfig } from './cluster-config';
import { NodeHost } from './node/node-host';
import { installComponents } from './components';
import { Dataplane } from './net/dataplane';
import { Cloud } from './cloud/cloud';
import { ApiError } from './core/api-error';
import { newEventRecorder } from './api/event-recorder';
import { kubectlExec } from './node/kubelet-exec';
import { bootAgain } from './node/host-processes';
import type { ExecResult } from './node/programs';
import { finish, type Stepped } from './shell/interpreter';

/**
 * The most work (clock events and store writes) one `advance` or `settle` does — a widget's step of
 * virtual time, a console line: hundreds of Pods coming up fit in one step, and no step holds the
 * page for long. What is left runs in the next steps (sim/core/clock.ts limitWork).
 */
export const workPerStep = 10_000;

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
  /** Where packets walk: `cluster.dataplane.connect({ fromIP, protocol, dstIP, dstPort })`. */
  readonly dataplane: Dataplane;
  /** The cloud around the cluster: internet, gateways, load balancers (`cloud.enabled` is false on bare metal). */
  readonly cloud: Cloud;
  /** What every component is given: the store, the clock, the random source, the recorder, the log. */
  readonly context: ComponentContext;
  /** Records a Kubernetes Event, merging repeats into `count` as client-go's recorder does. */
  readonly recordEvent: EventRecorder;
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
    this.dataplane = new Dataplane({ clock: this.clock, rng: this.rng.stream('dataplane'), config: this.config }, this.nodes);
    this.cloud = new Cloud(this.config, this.clock, this.dataplane, this.nodes.values());
    this.recordEvent = newEventRecorder(this.store, this.clock);
    this.context = { store: this.store, clock: this.clock, rng: this.rng, recordEvent: this.recordEvent, log: (c, k, m) => this.log(c, k, m) };
    this.controllers.push(...installComponents({ context: this.context, config: this.config, nodes: this.nodes, dataplane: this.dataplane, cloud: this.cloud }));
  }

  /**
   * Lets a new cluster come up before anyone uses it, as `kubeadm init` and joining the nodes
   * leave it: every node registered and Ready, the kube-system Pods (CoreDNS) Running and Ready.
   * Advances in one-second steps, for at most `limitMs`. The console's scripts start from here.
   */
  boot(limitMs = 60_000): this {
    for (const steps = this.bootSteps(limitMs); !steps.next().done; );
    return this;
  }

  /**
   * `boot()` one virtual second at a time, and each second in steps of at most `eventsPerStep`
   * events: a browser yields between steps so no task runs long (the first second alone creates
   * every node and system Pod). The steps change nothing the cluster does: see advanceSteps.
   */
  *bootSteps(limitMs = 60_000, eventsPerStep = workPerStep): Generator<void> {
    for (let t = 0; t < limitMs && !this.systemReady(); t += 1000) {
      yield* this.advanceSteps(1000, eventsPerStep);
      yield;
    }
  }

  /** `advance(ms)` in steps of at most `eventsPerStep` events, yielding between them: the same work, the same cluster (Clock.advanceSteps). */
  *advanceSteps(ms: number, eventsPerStep: number): Generator<void> {
    yield* this.clock.advanceSteps(ms, eventsPerStep, workPerStep);
    this.changed();
  }

  private systemReady(): boolean {
    const ready = (o: { status?: { conditions?: { type: string; status: string }[] } }) =>
      o.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    const nodes = this.store.list<NodeObject>('Node');
    const system = this.store.list<Pod>('Pod', 'kube-system');
    return nodes.length === this.nodes.size && nodes.every(ready) && system.length > 0 && system.every(ready);
  }

  /** Advances virtual time by `ms`, running everything that falls due. */
  advance(ms: number): void {
    this.clock.bounded(workPerStep, () => this.clock.advance(ms));
    this.changed();
  }

  /** Runs what is due now and within `quietMs`, so that the cluster reaches a resting state. */
  settle(quietMs = 0): void {
    this.clock.bounded(workPerStep, () => this.clock.runUntilQuiet(quietMs));
    this.changed();
  }

  log(component: string, key: string, message: string): void {
    this.logs.push({ at: this.clock.now, component, key, message });
    this.changed();
  }

  /** `sim stop kube-proxy NODE`: that node's iptables rules stop updating and go stale. */
  stopKubeProxy(node: string): void {
    this.kubeProxyOf(node).stop();
    this.changed();
  }

  /** `sim start kube-proxy NODE`: kube-proxy resyncs that node's rules from the store. */
  startKubeProxy(node: string): void {
    this.kubeProxyOf(node).start();
    this.changed();
  }

  /**
   * `kubectl exec POD [-c CONTAINER] -- ARGV…` in `namespace`: what kubectl prints and its exit
   * code. The default container is the Pod's first. The console advances the clock by `elapsedMs`.
   */
  exec(namespace: string, podName: string, container: string | undefined, argv: string[]): ExecResult {
    return finish(this.execSteps(namespace, podName, container, argv));
  }

  /** `exec`, pausing between the commands of a script it runs (see Stepped), so a console can run it over several tasks. */
  *execSteps(namespace: string, podName: string, container: string | undefined, argv: string[]): Stepped<ExecResult> {
    const result = yield* kubectlExec(this, namespace, podName, container, argv);
    this.changed();
    return result;
  }

  /**
   * `sim stop node NAME`: the machine is switched off. Its kubelet does nothing more (no Lease
   * renewals, no probes, no status), nor its kube-proxy; its containers, iptables rules and
   * conntrack entries are gone; no packet reaches it. The API objects
   * stay as they were: the control plane notices only through the missing heartbeats.
   */
  stopNode(name: string): void {
    const host = this.nodeHost(name);
    if (!host.running) return;
    host.running = false;
    host.kubelet?.powerOff();
    host.kubeProxy?.powerOff();
    // The kernel's state is lost with the power: iptables rules and conntrack entries.
    host.netfilter.reset();
    host.conntrack.flush();
    this.changed();
  }

  /** `sim start node NAME`: the machine boots; its kubelet registers Ready again and restarts its Pods. */
  startNode(name: string): void {
    const host = this.nodeHost(name);
    if (host.running) return;
    host.running = true;
    bootAgain(host, this.clock.now);
    host.kubelet?.powerOn();
    host.kubeProxy?.powerOn();
    for (const hook of host.bootHooks) hook();
    this.changed();
  }

  /**
   * `sim crash pod POD [-c CONTAINER]`: the container's process exits with code 1; the kubelet
   * restarts it as the Pod's restartPolicy says, with back-off. Throws (kubectl-style messages) when
   * the Pod or container does not exist or the container is not running.
   */
  crashContainer(namespace: string, podName: string, container?: string): void {
    const pod = this.store.get<Pod>('Pod', namespace, podName);
    if (!pod) throw ApiError.notFound('Pod', podName);
    const name = container ?? pod.spec.containers[0]?.name;
    if (!pod.spec.containers.some((c) => c.name === name)) throw new ApiError('BadRequest', `container ${name} is not valid for pod ${podName}`);
    const host = pod.spec.nodeName ? this.nodes.get(pod.spec.nodeName) : undefined;
    if (!host?.kubelet?.crashContainer(pod, name)) throw new Error(`container "${name}" in pod "${podName}" is not running`);
    this.changed();
  }

  private nodeHost(name: string): NodeHost {
    const host = this.nodes.get(name);
    if (!host) throw new Error(`node "${name}" not found`);
    return host;
  }

  private kubeProxyOf(node: string) {
    const host = this.nodes.get(node);
    if (!host) throw new Error(`node "${node}" not found`);
    if (!host.kubeProxy) throw new Error(`node "${node}" runs no kube-proxy`);
    return host.kubeProxy;
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
