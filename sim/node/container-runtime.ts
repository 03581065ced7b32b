import type { Container, Pod, PodStatus } from '../api/types';
import type { Rng } from '../core/rng';
import type { NodeHost } from './node-host';
import type { PodSandbox } from '../net/node-network';
import type { Server } from './main-programs';
import { forwardPorts, unforwardPorts } from './cni-portmap';

/**
 * The container runtime's view of one node (containerd, as the kubelet drives it through CRI):
 * Pod sandboxes with their network namespace, and containers with their state and files.
 * Plain data and small functions; the kubelet decides when to call them.
 */

export type ProbeKind = 'startup' | 'readiness' | 'liveness';

/** How a container's run ended, as `lastState.terminated` shows it. Times are virtual ms. */
export interface TerminatedState {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
  /** Why the runtime could not start the process (reason StartError). */
  message?: string;
}

/** A probe worker's memory: the last result, how many times in a row, and the result it reports. */
export interface ProbeState {
  lastResult?: boolean;
  resultRun: number;
  /** The reported result: undefined until a threshold was first met. */
  result?: boolean;
}

export interface RuntimeContainer {
  spec: Container;
  /** The runtime's ID of the current (or last) run; undefined before the first. */
  id?: string;
  /** Restarts so far: the status' restartCount. */
  restartCount: number;
  /** Bumped whenever the container starts or stops, so that timers of an earlier run do nothing. */
  incarnation: number;
  state: 'waiting' | 'running' | 'terminated';
  /** Why it waits: ContainerCreating before its first run, CrashLoopBackOff between runs. */
  waiting?: { reason: string; message?: string };
  startedAt?: number;
  /** The current run's end, while state is terminated. */
  terminated?: TerminatedState;
  /** The previous run's end: `lastState.terminated`. */
  lastTerminated?: TerminatedState;
  /** The startup probe has succeeded (or there is none). */
  started: boolean;
  /** The kubelet has sent SIGTERM and waits for the process to exit (or for the SIGKILL). */
  killing?: boolean;
  /** The kubelet is pulling the container's image before it creates the container. */
  pulling?: boolean;
  /** The readiness probe reports success (or there is none and the container started). */
  ready: boolean;
  /** The container's files, path → content (see programs/fs.ts); fresh for every run. */
  fs: Map<string, string>;
  probes: Map<ProbeKind, ProbeState>;
  /** What the current run's processes listen on, and since when (virtual ms). */
  servers: { server: Server; since: number }[];
  /** What the current run has printed (stdout and stderr, as `kubectl logs` shows them). */
  log: string;
  /** What the previous run printed (`kubectl logs --previous`). */
  previousLog?: string;
}

/** What the kubelet's pod worker holds for one Pod bound to its node. */
export interface PodRuntime {
  key: string;
  uid: string;
  /** The Pod as last seen in the store. */
  pod: Pod;
  sandbox?: PodSandbox;
  containers: RuntimeContainer[];
  /** The ephemeral containers started so far (`kubectl debug`), in spec order; never restarted. */
  ephemeral: RuntimeContainer[];
  /** When the kubelet first saw the Pod: status.startTime. */
  startTime: number;
  /** Between the decision to run the Pod and its sandbox being ready (ContainerCreating). */
  creating: boolean;
  /** Set once the Pod has a deletionTimestamp and its containers are being stopped. */
  terminating: boolean;
  /** Bumped when the Pod is (re)started or torn down, so that timers of an earlier life do nothing. */
  generation: number;
  /** The Pod's emptyDir volumes by name: their files, shared by its containers, kept across restarts. */
  emptyDirs: Map<string, Map<string, string>>;
  /** The status the kubelet last wrote (or found already there): while the Pod holds it, nobody else changed it. */
  reported?: PodStatus;
}

export function newPodRuntime(pod: Pod, now: number): PodRuntime {
  return {
    key: `${pod.metadata.namespace}/${pod.metadata.name}`,
    uid: pod.metadata.uid ?? '',
    pod,
    containers: pod.spec.containers.map(newRuntimeContainer),
    ephemeral: [],
    startTime: now,
    creating: false,
    terminating: false,
    generation: 0,
    emptyDirs: new Map(),
  };
}

/** A container the runtime has not started yet. */
export function newRuntimeContainer(spec: Container): RuntimeContainer {
  return { spec, restartCount: 0, incarnation: 0, state: 'waiting', waiting: { reason: 'ContainerCreating' }, started: false, ready: false, fs: new Map(), probes: new Map(), servers: [], log: '' };
}

/** A container or exec ID as containerd makes them: 64 hexadecimal digits. */
export function runtimeId(rng: Rng): string {
  const ids = rng.stream('container-ids');
  return Array.from({ length: 64 }, () => ids.int(16).toString(16)).join('');
}

/**
 * RunPodSandbox: a network namespace with an IP from the node's IPAM (CNI ADD, with the portmap
 * plugin's rules for the Pod's host ports, on the CNI network `network`); undefined when the range
 * is full. A hostNetwork Pod shares the node's namespace and IP: no CNI, no IP of its own; what
 * it listens on, it listens on in the node's namespace (node-kernel.ts delivers there).
 */
export function runPodSandbox(host: NodeHost, rt: PodRuntime, network: string): PodSandbox | undefined {
  if (rt.pod.spec.hostNetwork) {
    const sandbox: PodSandbox = { ip: host.ip, podKey: rt.key, podName: rt.pod.metadata.name, uid: rt.uid, listening: new Set() };
    host.hostNetworkPods.add(sandbox);
    return sandbox;
  }
  const ip = host.ipam.allocate(rt.key);
  if (!ip) return undefined;
  const sandbox: PodSandbox = { ip, podKey: rt.key, podName: rt.pod.metadata.name, uid: rt.uid, listening: new Set() };
  host.sandboxes.set(ip, sandbox);
  forwardPorts(host, rt.pod, ip, host.podCIDR, network);
  return sandbox;
}

/** StopPodSandbox + RemovePodSandbox: CNI DEL removes the host ports' rules and releases the IP; the namespace is gone. */
export function removePodSandbox(host: NodeHost, sandbox: PodSandbox, network: string): void {
  sandbox.listening.clear();
  sandbox.servers?.clear();
  host.hostNetworkPods.delete(sandbox);
  if (host.sandboxes.get(sandbox.ip) !== sandbox) return;
  unforwardPorts(host, sandbox.uid, network);
  host.sandboxes.delete(sandbox.ip);
  host.ipam.release(sandbox.ip);
}

/** The sockets a running container listens on: each declared containerPort (`TCP/8080`). */
export function declaredSockets(spec: Container): string[] {
  return (spec.ports ?? []).map((p) => `${p.protocol ?? 'TCP'}/${p.containerPort}`);
}

/**
 * Keeps `sandbox.listening` equal to the sockets the Pod's running containers listen on (their
 * servers: see main-programs.ts, and the convention for unknown images in images.ts).
 * Changed in place: the data plane holds the same Set.
 */
export function syncListening(rt: PodRuntime): void {
  const listening = rt.sandbox?.listening;
  if (!listening) return;
  const running = rt.containers.filter((c) => c.state === 'running').flatMap((c) => c.servers.map((s) => s.server));
  const want = new Set(running.flatMap((s) => s.sockets));
  for (const s of [...listening]) if (!want.has(s)) listening.delete(s);
  for (const s of want) listening.add(s);
  rt.sandbox!.servers = new Map(running.flatMap((server) => server.sockets.map((socket) => [socket, server] as const)));
}

/** Ends a container's run: the process exited (or was killed) with `exitCode`. */
export function exitContainer(rt: PodRuntime, c: RuntimeContainer, exitCode: number, reason: string, now: number, message?: string): void {
  if (c.state !== 'running') return;
  c.incarnation++;
  c.state = 'terminated';
  c.terminated = { exitCode, reason, startedAt: c.startedAt ?? now, finishedAt: now, ...(message ? { message } : {}) };
  c.waiting = undefined;
  c.ready = false;
  c.servers = [];
  syncListening(rt);
}
