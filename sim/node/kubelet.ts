import type { HostEnvironment } from './programs';
import type { Pod } from '../api/types';
import { Controller } from '../core/controller';
import { objectKey, splitKey, deepEqual } from '../core/store';
import { ContainerBackOff, backOffPeriodMs } from './kubelet-backoff';
import { goDuration } from '../core/go-duration';
import { nodeLeaseRenewIntervalMs, postNodeStatus, registerNode, renewLease } from './kubelet-node-status';
import { observeProbe, probeOf, probeTitle, runProbe, withProbeDefaults } from './kubelet-probes';
import { generatePodStatus } from './kubelet-status';
import { dnsConfigWarnings, fqdnTooLong, writeContainerFiles } from './kubelet-pod-files';
import { containerEnvironment, writeEnviron } from './kubelet-env';
import { mountVolumes, resolveVolumes } from './kubelet-volumes';
import { MountedFs } from './mounted-fs';
import { mainProcessArgv, startMainProcess } from './main-process';
import { exitsAfterSigtermMs } from './sigterm';
import type { ProcessRun } from '../shell/interpreter';
import { executableNotFound } from './kubelet-exec';
import {
  declaredSockets,
  exitContainer,
  newPodRuntime,
  newRuntimeContainer,
  removePodSandbox,
  runPodSandbox,
  runtimeId,
  syncListening,
  type PodRuntime,
  type ProbeKind,
  type RuntimeContainer,
} from './container-runtime';
import type { NodeHost } from './node-host';
import { ImageStore } from './image-manager';
import { cniNetworkName } from './cni-portmap';
import { watchNodePods } from './node-pod-watch';

/**
 * Simulator conventions for how long things take, in virtual ms (a real kubelet's timings depend
 * on the machine; these keep ContainerCreating and Terminating visible for a moment):
 * - creating a Pod's sandbox (network namespace, CNI ADD) takes 1 s, then starting its containers
 *   1 s more, plus the image's pull when the node must pull it (see image-manager.ts);
 * - a container asked to stop (SIGTERM) keeps serving for 2 s, then exits with code 0, unless its
 *   main process ignores SIGTERM (a shell as PID 1: see sigterm.ts); it is killed (SIGKILL, exit
 *   code 137) when the grace period ends first.
 */
export const sandboxCreationMs = 1000;
export const containerStartMs = 1000;

/**
 * How often the kubelet's pod lifecycle event generator (PLEG) relists containers: a process that
 * exits is noticed, and restarted, up to this long after. Source: kubernetes/pkg/kubelet/kubelet.go
 * (genericPlegRelistPeriod = 1 s).
 */
export const plegRelistPeriodMs = 1000;

/**
 * The shortest grace period the kubelet gives a container it kills for a failed probe.
 * Source: kubernetes/pkg/kubelet/kuberuntime/kuberuntime_container.go (minimumGracePeriodInSeconds = 2).
 */
const minimumGracePeriodSeconds = 2;

/** The most a container's log keeps (the oldest lines go first), in characters. */
const maxLogChars = 64 * 1024;

const probeKinds: ProbeKind[] = ['startup', 'readiness', 'liveness'];

declare module './node-host' {
  interface NodeHost {
    /** The node's kubelet, once components are installed. */
    kubelet?: Kubelet;
  }
}

/**
 * The kubelet of one node, modelled on kubernetes/pkg/kubelet: it registers its Node and renews
 * its Lease; it watches the Pods bound to its node and, one key at a time, makes the machine match
 * them (pod workers and SyncPod): sandbox, containers, probes, restarts with back-off, graceful
 * termination; it reports each Pod's status (status manager). When its machine is stopped it does
 * nothing at all; when it starts again it registers again and restarts its Pods.
 */
export class Kubelet extends Controller {
  readonly name = 'kubelet';
  /** Pod workers, by `namespace/name`. */
  private pods = new Map<string, PodRuntime>();
  private backOff = new ContainerBackOff();
  /** Bumped when the machine stops or starts: timers from before do nothing. */
  private epoch = 0;
  /** The images on this machine's disk (the container runtime's image store) and the puller. */
  readonly images: ImageStore;

  declare protected readonly cluster: HostEnvironment;

  /** The CNI network the kubelet's CNI calls name (see cni-portmap.ts). */
  private get cniNetwork(): string {
    return cniNetworkName(this.cluster.config.cni.name);
  }

  constructor(
    cluster: HostEnvironment,
    readonly host: NodeHost,
    preloadedImages: readonly string[] = [],
  ) {
    super(cluster);
    this.images = new ImageStore(preloadedImages);
    watchNodePods(cluster.store, host.name, (e) => this.enqueue(objectKey(e.object)));
    this.after(0, () => this.boot());
  }

  // ---- The machine ------------------------------------------------------------------------------

  /** The machine was switched off: every container is gone, nothing more happens here. */
  powerOff(): void {
    this.epoch++;
    const now = this.cluster.clock.now;
    this.images.abortPulls(now);
    for (const rt of this.pods.values()) {
      for (const c of rt.containers) exitContainer(rt, c, 255, 'Unknown', now);
      rt.sandbox?.listening.clear();
      rt.creating = false;
    }
  }

  /** The machine is back: the kubelet starts, registers, and brings its Pods up again in new sandboxes. */
  powerOn(): void {
    this.epoch++;
    for (const rt of this.pods.values()) {
      if (rt.sandbox) removePodSandbox(this.host, rt.sandbox, this.cniNetwork);
      rt.sandbox = undefined;
      rt.generation++;
      for (const c of rt.containers) c.pulling = false;
      // A termination cut short by the power-off is started again (and ends at once: nothing runs).
      rt.terminating = false;
    }
    this.boot();
  }

  private boot(): void {
    registerNode(this.cluster, this.host);
    this.heartbeat();
    for (const key of this.pods.keys()) this.enqueue(key);
    for (const pod of this.cluster.store.list<Pod>('Pod')) if (pod.spec.nodeName === this.host.name) this.enqueue(objectKey(pod));
  }

  /** Renews the Lease every 10 s and keeps the Node's conditions as a healthy kubelet posts them. */
  private heartbeat(): void {
    renewLease(this.cluster, this.host);
    postNodeStatus(this.cluster, this.host);
    this.after(nodeLeaseRenewIntervalMs, () => this.heartbeat());
  }

  /** Runs `fn` after `ms`, unless the machine stopped (or stopped and started) meanwhile. */
  private after(ms: number, fn: () => void): void {
    const epoch = this.epoch;
    this.cluster.clock.schedule(ms, () => {
      if (this.host.running && epoch === this.epoch) fn();
    });
  }

  /** Like `after`, and only while the pod worker is still in the same life. */
  private afterPod(rt: PodRuntime, ms: number, fn: () => void): void {
    const generation = rt.generation;
    this.after(ms, () => {
      if (this.pods.get(rt.key) === rt && rt.generation === generation) fn();
    });
  }

  // ---- Pod workers ------------------------------------------------------------------------------

  protected reconcile(key: string): void {
    if (!this.host.running) return;
    const { namespace, name } = splitKey(key);
    const pod = this.cluster.store.get<Pod>('Pod', namespace, name);
    let rt = this.pods.get(key);
    if (rt && (!pod || pod.metadata.uid !== rt.uid)) {
      this.forget(rt);
      rt = undefined;
    }
    if (!pod || pod.spec.nodeName !== this.host.name) return;
    if (!rt) {
      rt = newPodRuntime(pod, this.cluster.clock.now);
      this.pods.set(key, rt);
    }
    rt.pod = pod;
    if (pod.metadata.deletionTimestamp) this.terminate(rt);
    else if (!rt.sandbox && !rt.creating && this.wantsToRun(rt)) this.startPod(rt);
    // The status manager puts the kubelet's view back if someone else changed the Pod's status;
    // the status it wrote itself needs no rebuild (every change of the runtime writes its own).
    else if (!rt.reported || pod.status !== rt.reported) this.writeStatus(rt);
    if (!pod.metadata.deletionTimestamp) this.startEphemeralContainers(rt);
  }

  /**
   * Ephemeral containers added to the Pod's spec (`kubectl debug`) start in its running sandbox,
   * each once: the kubelet never restarts one (SyncPod's ephemeral containers step).
   */
  private startEphemeralContainers(rt: PodRuntime): void {
    for (const spec of rt.pod.spec.ephemeralContainers ?? []) {
      if (!rt.sandbox || rt.ephemeral.some((c) => c.spec.name === spec.name)) continue;
      const c = newRuntimeContainer(spec);
      rt.ephemeral.push(c);
      this.writeStatus(rt);
      this.afterPod(rt, containerStartMs, () => {
        this.startContainer(rt, c);
        this.writeStatus(rt);
      });
    }
  }

  /** Does any container of the Pod still have to run (restartPolicy allowing)? */
  private wantsToRun(rt: PodRuntime): boolean {
    return rt.containers.some((c) => c.state === 'waiting' || (c.state === 'terminated' && this.restartable(rt, c)));
  }

  private restartable(rt: PodRuntime, c: RuntimeContainer): boolean {
    if (rt.ephemeral.includes(c)) return false;
    const policy = rt.pod.spec.restartPolicy ?? 'Always';
    const exitCode = c.terminated?.exitCode ?? 0;
    return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  }

  /** ContainerCreating: the sandbox first, then the containers. */
  private startPod(rt: PodRuntime): void {
    rt.creating = true;
    this.writeStatus(rt);
    this.afterPod(rt, sandboxCreationMs, () => this.createSandbox(rt));
  }

  private createSandbox(rt: PodRuntime): void {
    if (rt.terminating) return;
    const fqdnError = fqdnTooLong(rt.pod, this.cluster.config);
    if (fqdnError) {
      this.event(rt, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${fqdnError}`);
      this.afterPod(rt, backOffPeriodMs, () => this.createSandbox(rt));
      return;
    }
    const sandbox = runPodSandbox(this.host, rt, this.cniNetwork);
    if (!sandbox) {
      this.event(rt, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${this.host.podCIDR}`);
      this.afterPod(rt, backOffPeriodMs, () => this.createSandbox(rt));
      return;
    }
    rt.sandbox = sandbox;
    for (const message of dnsConfigWarnings(rt.pod, this.cluster.config)) this.event(rt, 'Warning', 'DNSConfigForming', message);
    this.writeStatus(rt);
    this.afterPod(rt, containerStartMs, () => this.startContainers(rt));
  }

  private startContainers(rt: PodRuntime): void {
    rt.creating = false;
    if (rt.terminating) return;
    for (const c of rt.containers) {
      if (c.state === 'running') continue;
      if (c.startedAt === undefined) this.startContainer(rt, c);
      else if (c.state === 'waiting' || this.restartable(rt, c)) this.restartWithBackOff(rt, c);
    }
    this.writeStatus(rt);
  }

  /**
   * Starts a container: EnsureImageExists first (the Pulled event, or Pulling and a wait for the
   * pull), then create and start. The container's ID is drawn now, before any pull, so that a
   * pull's length never changes the order in which containers draw their IDs.
   */
  private startContainer(rt: PodRuntime, c: RuntimeContainer): void {
    if (rt.terminating || !rt.sandbox || c.pulling) return;
    const now = this.cluster.clock.now;
    const check = this.images.ensure(c.spec, now);
    if (check.kind === 'never') {
      this.imageNeverPull(rt, c, check.message);
      return;
    }
    const id = runtimeId(this.cluster.rng);
    if (check.kind === 'present') {
      this.event(rt, 'Normal', 'Pulled', check.message);
      this.createContainer(rt, c, id);
      return;
    }
    this.event(rt, 'Normal', 'Pulling', check.pulling);
    c.pulling = true;
    this.afterPod(rt, check.doneAt - now, () => {
      c.pulling = false;
      if (rt.terminating || c.state === 'running') return;
      this.event(rt, 'Normal', 'Pulled', check.pulled);
      this.createContainer(rt, c, id);
      this.writeStatus(rt);
    });
  }

  /**
   * imagePullPolicy Never and the image is not on the node: the container waits with reason
   * ErrImageNeverPull until a later sync finds the image.
   * Source: kubernetes/pkg/kubelet/images/image_manager.go; kuberuntime_container.go (startContainer's "Error: %v" event).
   */
  private imageNeverPull(rt: PodRuntime, c: RuntimeContainer, message: string): void {
    this.event(rt, 'Warning', 'ErrImageNeverPull', message);
    this.event(rt, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
    this.waitThenRetry(rt, c, 'ErrImageNeverPull', message);
  }

  /** The container waits with `reason`; the kubelet tries to start it again at the Pod's next sync (every back-off period here). */
  private waitThenRetry(rt: PodRuntime, c: RuntimeContainer, reason: string, message: string): void {
    if (c.terminated) c.lastTerminated = c.terminated;
    c.terminated = undefined;
    c.state = 'waiting';
    c.waiting = { reason, message };
    const incarnation = c.incarnation;
    this.afterPod(rt, backOffPeriodMs, () => {
      if (c.incarnation !== incarnation || c.state !== 'waiting') return;
      this.startContainer(rt, c);
      this.writeStatus(rt);
    });
  }

  /**
   * The container's config cannot be made (a ConfigMap or Secret key its env reads is missing): it
   * waits with reason CreateContainerConfigError until a later sync finds the key.
   * Source: kuberuntime_container.go (startContainer: generateContainerConfig's error, the "Error: %v" event).
   */
  private configError(rt: PodRuntime, c: RuntimeContainer, message: string): void {
    this.event(rt, 'Warning', 'Failed', `Error: ${message}`);
    this.waitThenRetry(rt, c, 'CreateContainerConfigError', message);
  }

  /** Creates and starts a container: a fresh filesystem, its ports listening, its probes running. */
  private createContainer(rt: PodRuntime, c: RuntimeContainer, id: string): void {
    if (rt.terminating || !rt.sandbox) return;
    const { pod, emptyDirs } = rt;
    const podIP = rt.sandbox.ip;
    const env = containerEnvironment(this.cluster, pod, c.spec, { podIP, hostIP: this.host.ip });
    if ('error' in env) return this.configError(rt, c, env.error);
    // What the container's files will hold is read now; they are written when first looked at.
    const volumes = resolveVolumes(this.cluster.store, pod, c.spec, Math.floor((this.cluster.clock.epochMs + this.cluster.clock.now) / 1000));
    const config = this.cluster.config;
    c.fs = new MountedFs((fs) => {
      writeContainerFiles(fs, pod, podIP, config);
      writeEnviron(fs, env());
      mountVolumes(fs, volumes, emptyDirs);
    });
    const name = c.spec.name;
    if (c.startedAt !== undefined) c.restartCount++;
    if (c.terminated) c.lastTerminated = c.terminated;
    c.terminated = undefined;
    c.waiting = undefined;
    c.incarnation++;
    c.id = id;
    c.state = 'running';
    c.killing = false;
    c.startedAt = this.cluster.clock.now;
    c.probes = new Map();
    c.started = !c.spec.startupProbe;
    c.ready = c.started && !c.spec.readinessProbe;
    if (c.restartCount > 0) c.previousLog = c.log;
    c.log = '';
    c.servers = [];
    this.event(rt, 'Normal', 'Created', `Created container: ${name}`);
    const incarnation = c.incarnation;
    const argv = mainProcessArgv(c.spec);
    const now = this.cluster.clock.now;
    // An image the catalogue does not know serves on its declared ports (see containerArgv).
    if (!argv) c.servers = [{ server: { sockets: declaredSockets(c.spec) }, since: now }];
    const run = argv && startMainProcess({ cluster: this.cluster, node: this.host, pod: rt.pod, container: name, fs: c.fs }, argv, (out, err) => this.writeLog(c, incarnation, out + err));
    if (argv && !run) {
      const message = `failed to create containerd task: failed to create shim task: ${executableNotFound(argv[0] ?? '').replace('OCI runtime exec failed: exec failed', 'OCI runtime create failed: runc create failed')}`;
      this.event(rt, 'Warning', 'Failed', `Error: ${message}`);
      this.processExited(rt, c, 128, 'StartError', message);
      return;
    }
    syncListening(rt);
    this.event(rt, 'Normal', 'Started', `Started container ${name}`);
    // The process runs until it first pauses (a server is listening by then), then the probes start.
    if (run) this.drive(rt, c, run, incarnation);
    for (const kind of probeKinds) if (probeOf(c.spec, kind)) this.probeTick(rt, c, kind, incarnation);
  }

  /**
   * Runs the container's main process until it pauses: a sleep resumes on the cluster clock, a
   * server starts listening, a process that waits forever is left alone. When the container
   * stops, its process is dropped where it paused.
   */
  private drive(rt: PodRuntime, c: RuntimeContainer, run: ProcessRun, incarnation: number): void {
    while (c.incarnation === incarnation && c.state === 'running') {
      const step = run.next();
      if (step.done) {
        this.processExited(rt, c, step.value, step.value === 0 ? 'Completed' : 'Error');
        return;
      }
      const s = step.value;
      if (s.kind === 'pause') continue;
      if (s.kind === 'listen') {
        c.servers.push({ server: s.server, since: this.cluster.clock.now });
        syncListening(rt);
      } else {
        if (s.kind === 'sleep') this.afterPod(rt, s.ms, () => this.drive(rt, c, run, incarnation));
        return;
      }
    }
  }

  /** Appends what a container's process printed to its log. */
  private writeLog(c: RuntimeContainer, incarnation: number, text: string): void {
    if (c.incarnation !== incarnation || !text) return;
    c.log += text;
    if (c.log.length > maxLogChars) c.log = c.log.slice(c.log.indexOf('\n', c.log.length - maxLogChars) + 1);
  }

  /** The process ended by itself: the container is terminated now, and the kubelet notices at its next relist. */
  private processExited(rt: PodRuntime, c: RuntimeContainer, exitCode: number, reason: string, message?: string): void {
    exitContainer(rt, c, exitCode, reason, this.cluster.clock.now, message);
    this.writeStatus(rt);
    const incarnation = c.incarnation;
    this.afterPod(rt, plegRelistPeriodMs, () => {
      if (c.incarnation === incarnation && c.state === 'terminated') this.afterExit(rt, c);
    });
  }

  /** After a container exited: restart it as restartPolicy says, or leave it terminated. */
  private afterExit(rt: PodRuntime, c: RuntimeContainer): void {
    if (!rt.terminating && this.restartable(rt, c)) this.restartWithBackOff(rt, c);
    this.writeStatus(rt);
  }

  /** doBackOff: restart now, or wait in CrashLoopBackOff until the back-off since the exit has passed. */
  private restartWithBackOff(rt: PodRuntime, c: RuntimeContainer): void {
    const key = `${rt.uid}/${c.spec.name}`;
    const finishedAt = (c.terminated ?? c.lastTerminated)?.finishedAt ?? this.cluster.clock.now;
    const now = this.cluster.clock.now;
    const wait = this.backOff.remaining(key, finishedAt, now);
    if (wait === 0) {
      this.backOff.next(key, finishedAt, now);
      this.startContainer(rt, c);
      return;
    }
    if (c.terminated) c.lastTerminated = c.terminated;
    c.terminated = undefined;
    c.state = 'waiting';
    const podRef = `${rt.pod.metadata.name}_${rt.pod.metadata.namespace}(${rt.uid})`;
    c.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(this.backOff.current(key))} restarting failed container=${c.spec.name} pod=${podRef}` };
    this.event(rt, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${podRef}`);
    const incarnation = c.incarnation;
    this.afterPod(rt, wait, () => {
      if (c.incarnation !== incarnation || c.state !== 'waiting') return;
      this.restartWithBackOff(rt, c);
      this.writeStatus(rt);
    });
  }

  // ---- Probes -----------------------------------------------------------------------------------

  /**
   * One run of a probe worker. Probes run on a grid that starts when the container starts (the
   * first run at once), skip runs before initialDelaySeconds, and liveness and readiness wait for
   * the startup probe to succeed. A worker ends when its container stops.
   */
  private probeTick(rt: PodRuntime, c: RuntimeContainer, kind: ProbeKind, incarnation: number): void {
    if (c.incarnation !== incarnation || c.state !== 'running') return;
    if (kind === 'startup' && c.started) return;
    // A liveness or startup failure puts the worker on hold until the container runs again (worker.go onHold).
    if (c.killing && kind !== 'readiness') return;
    const probe = withProbeDefaults(probeOf(c.spec, kind)!);
    const elapsed = this.cluster.clock.now - (c.startedAt ?? 0);
    if ((kind === 'startup' || c.started) && elapsed >= probe.initialDelaySeconds * 1000) {
      const outcome = runProbe(probe, rt, c, { cluster: this.cluster, node: this.host });
      if (!outcome.success) {
        this.event(rt, 'Warning', 'Unhealthy', `${probeTitle(kind)} probe ${outcome.errored ? 'errored' : 'failed'}: ${outcome.output}`);
      }
      const state = c.probes.get(kind) ?? { resultRun: 0 };
      c.probes.set(kind, state);
      if (observeProbe(state, outcome.success, probe)) this.probeResult(rt, c, kind, outcome.success);
      if (c.incarnation !== incarnation) return;
    }
    this.afterPod(rt, probe.periodSeconds * 1000, () => this.probeTick(rt, c, kind, incarnation));
  }

  private probeResult(rt: PodRuntime, c: RuntimeContainer, kind: ProbeKind, success: boolean): void {
    if (kind === 'readiness') {
      if (c.ready !== success) {
        c.ready = success;
        this.writeStatus(rt);
      }
    } else if (success) {
      if (kind === 'startup') {
        c.started = true;
        c.ready = !c.spec.readinessProbe;
        this.writeStatus(rt);
      }
    } else if (!rt.terminating && !c.killing) {
      this.event(rt, 'Normal', 'Killing', `Container ${c.spec.name} failed ${kind} probe, will be restarted`);
      // The probe's own grace period overrides the Pod's; killContainer waits at least 2 s.
      const grace = probeOf(c.spec, kind)?.terminationGracePeriodSeconds ?? rt.pod.spec.terminationGracePeriodSeconds ?? 30;
      this.killContainer(rt, c, Math.max(grace, minimumGracePeriodSeconds) * 1000, () => this.afterExit(rt, c));
    }
  }

  /**
   * killContainer: SIGTERM now, SIGKILL when the grace period ends. The container keeps running
   * (and serving) until its process exits by itself (see sigterm.ts) or the SIGKILL comes; then
   * `then` runs (not when the process ended some other way first). Returns when that is, in ms from now.
   */
  private killContainer(rt: PodRuntime, c: RuntimeContainer, graceMs: number, then?: () => void): number {
    c.killing = true;
    const incarnation = c.incarnation;
    const exitsAfter = exitsAfterSigtermMs(c.spec);
    const sigkill = exitsAfter > graceMs;
    const ms = Math.min(exitsAfter, graceMs);
    this.afterPod(rt, ms, () => {
      if (c.incarnation !== incarnation || c.state !== 'running') return;
      exitContainer(rt, c, sigkill ? 137 : 0, sigkill ? 'Error' : 'Completed', this.cluster.clock.now);
      then?.();
    });
    return ms;
  }

  // ---- Termination ------------------------------------------------------------------------------

  /** Graceful deletion: stop the containers (see killContainer), then remove the Pod. */
  private terminate(rt: PodRuntime): void {
    if (rt.terminating) return;
    rt.terminating = true;
    const running = rt.containers.filter((c) => c.state === 'running');
    if (running.length === 0) {
      this.finish(rt);
      return;
    }
    for (const c of running) this.event(rt, 'Normal', 'Killing', `Stopping container ${c.spec.name}`);
    const graceMs = (rt.pod.metadata.deletionGracePeriodSeconds ?? rt.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const stoppedAfter = Math.max(...running.map((c) => this.killContainer(rt, c, graceMs)));
    this.afterPod(rt, stoppedAfter, () => this.finish(rt));
  }

  /** The end of a Pod here: sandbox removed, IP released, the Pod object removed from the API. */
  private finish(rt: PodRuntime): void {
    this.forget(rt);
    const { namespace, name } = splitKey(rt.key);
    if (this.cluster.store.get<Pod>('Pod', namespace, name)?.metadata.uid === rt.uid) this.cluster.store.remove('Pod', namespace, name);
  }

  /** Drops a pod worker and everything it holds on the machine. */
  private forget(rt: PodRuntime): void {
    const now = this.cluster.clock.now;
    for (const c of [...rt.containers, ...rt.ephemeral]) exitContainer(rt, c, 137, 'Error', now);
    if (rt.sandbox) removePodSandbox(this.host, rt.sandbox, this.cniNetwork);
    rt.sandbox = undefined;
    rt.generation++;
    this.backOff.forget(`${rt.uid}/`);
    this.pods.delete(rt.key);
  }

  // ---- What others ask of the kubelet -------------------------------------------------------------

  /** The files of a running container, for `kubectl exec`; undefined when it is not running. */
  runningContainerFiles(pod: Pod, container: string): Map<string, string> | undefined {
    const c = this.runningContainer(pod, container);
    return c?.fs;
  }

  /**
   * The container's process exits with code 1 (`sim crash pod`); it restarts as its restartPolicy
   * says, with back-off, once the kubelet noticed (plegRelistPeriodMs). Returns false when the
   * container is not running.
   */
  crashContainer(pod: Pod, container: string): boolean {
    const rt = this.pods.get(objectKey(pod));
    const c = this.runningContainer(pod, container);
    if (!rt || !c) return false;
    this.processExited(rt, c, 1, 'Error');
    return true;
  }

  /**
   * The container's main process ends by itself with `exitCode` (the shell attached by `kubectl
   * run -it` ran `exit`); the kubelet notices at its next relist. Returns false when the container
   * is not running.
   */
  mainProcessExited(pod: Pod, container: string, exitCode: number): boolean {
    const rt = this.pods.get(objectKey(pod));
    const c = this.runningContainer(pod, container);
    if (!rt || !c) return false;
    this.processExited(rt, c, exitCode, exitCode === 0 ? 'Completed' : 'Error');
    return true;
  }

  /**
   * What a container has printed, for `kubectl logs`: its current (or last) run's, or with
   * `previous` the run before; undefined when the kubelet holds no such container or run.
   */
  containerLog(pod: Pod, container: string, previous = false): string | undefined {
    const rt = this.pods.get(objectKey(pod));
    if (!this.host.running || !rt || rt.uid !== pod.metadata.uid) return undefined;
    const c = rt.containers.find((x) => x.spec.name === container);
    if (!c || c.startedAt === undefined) return undefined;
    return previous ? c.previousLog : c.log;
  }

  private runningContainer(pod: Pod, container: string): RuntimeContainer | undefined {
    const rt = this.pods.get(objectKey(pod));
    if (!this.host.running || !rt || rt.uid !== pod.metadata.uid) return undefined;
    return [...rt.containers, ...rt.ephemeral].find((c) => c.spec.name === container && c.state === 'running');
  }

  // ---- Status -----------------------------------------------------------------------------------

  /** Writes the Pod's status from what the runtime holds (a write that changes nothing is no write). */
  private writeStatus(rt: PodRuntime): void {
    const { namespace, name } = splitKey(rt.key);
    const pod = this.cluster.store.get<Pod>('Pod', namespace, name);
    if (!pod || pod.metadata.uid !== rt.uid) return;
    const status = generatePodStatus(rt, this.host, pod.status, this.cluster.clock);
    rt.reported = deepEqual(status, pod.status) ? pod.status : this.cluster.store.updateStatus<Pod>('Pod', namespace, name, status)?.status;
  }

  private event(rt: PodRuntime, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.cluster.recordEvent(rt.pod, type, reason, message, 'kubelet', this.host.name);
  }
}
