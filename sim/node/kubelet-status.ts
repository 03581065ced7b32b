import type { ContainerState, ContainerStatus, PodCondition, PodStatus } from '../api/types';
import type { Clock } from '../core/clock';
import type { PodRuntime, RuntimeContainer, TerminatedState } from './container-runtime';
import type { NodeHost } from './node-host';
import { runtimeImageID, runtimeImageName } from './images';
import { podQOSClass } from '../api/pod-qos';

/**
 * The kubelet's status manager: turns what the runtime holds for a Pod into the Pod's status, as
 * `kubectl get pod -o yaml` shows it. A pure function of the runtime and the previous status
 * (which keeps each condition's lastTransitionTime while its status does not change).
 * Sources: kubernetes/pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase,
 * convertToAPIContainerStatuses), kubernetes/pkg/kubelet/status/generate.go (Ready,
 * ContainersReady, Initialized, PodReadyToStartContainers conditions).
 */

function terminatedState(t: TerminatedState, clock: Clock): ContainerState {
  return { terminated: { exitCode: t.exitCode, reason: t.reason, ...(t.message ? { message: t.message } : {}), startedAt: clock.timestamp(t.startedAt), finishedAt: clock.timestamp(t.finishedAt) } };
}

function containerStatus(c: RuntimeContainer, clock: Clock): ContainerStatus {
  const state: ContainerState =
    c.state === 'running' ? { running: { startedAt: clock.timestamp(c.startedAt) } } :
    c.state === 'terminated' && c.terminated ? terminatedState(c.terminated, clock) :
    { waiting: { ...c.waiting ?? { reason: 'ContainerCreating' } } };
  return {
    name: c.spec.name,
    // Once the runtime has the container, the image as it reports it; before, the spec's.
    image: c.id ? runtimeImageName(c.spec.image) : c.spec.image,
    imageID: c.id ? runtimeImageID(c.spec.image) : '',
    ...(c.id ? { containerID: `containerd://${c.id}` } : {}),
    ready: c.ready,
    started: c.state === 'running' && c.started,
    restartCount: c.restartCount,
    state,
    lastState: c.lastTerminated ? terminatedState(c.lastTerminated, clock) : {},
  };
}

/** getPhase, for Pods without init containers. */
function podPhase(rt: PodRuntime, statuses: ContainerStatus[]): PodStatus['phase'] {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState.terminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  const policy = rt.pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return policy === 'Never' ? 'Failed' : 'Running';
}

/** A condition as of `now`: its transition time kept from `previous` while its status is the same. */
function condition(previous: PodStatus | undefined, now: string, type: PodCondition['type'], ok: boolean, reason?: string, message?: string): PodCondition {
  const c: PodCondition = { type, status: ok ? 'True' : 'False' };
  if (!ok && reason) c.reason = reason;
  if (!ok && message) c.message = message;
  c.lastTransitionTime = transitionTime(previous, c, now);
  return c;
}

function transitionTime(previous: PodStatus | undefined, c: PodCondition, now: string): string {
  const old = previous?.conditions?.find((o) => o.type === c.type);
  return old?.status === c.status ? (old.lastTransitionTime ?? now) : (c.lastTransitionTime ?? now);
}

/** The Pod's status as the kubelet reports it now. */
export function generatePodStatus(rt: PodRuntime, host: NodeHost, previous: PodStatus | undefined, clock: Clock): PodStatus {
  const containerStatuses = rt.containers.map((c) => containerStatus(c, clock));
  const phase = podPhase(rt, containerStatuses);
  const unready = containerStatuses.filter((s) => !s.ready).map((s) => s.name);
  const completed = phase === 'Succeeded' || phase === 'Failed';
  const allReady = unready.length === 0;
  const notReadyReason = completed ? 'PodCompleted' : 'ContainersNotReady';
  const notReadyMessage = completed ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const now = clock.timestamp();
  // Built without spreading each condition into a copy: this runs on every status write.
  const scheduled = previous?.conditions?.find((c) => c.type === 'PodScheduled');
  const conditions = [
    condition(previous, now, 'PodReadyToStartContainers', rt.sandbox !== undefined),
    condition(previous, now, 'Initialized', true),
    condition(previous, now, 'Ready', allReady && !completed, notReadyReason, notReadyMessage),
    condition(previous, now, 'ContainersReady', allReady && !completed, notReadyReason, notReadyMessage),
    scheduled ? { ...scheduled, lastTransitionTime: transitionTime(previous, scheduled, now) } : condition(previous, now, 'PodScheduled', true),
  ];
  const ip = rt.sandbox?.ip;
  return {
    phase,
    conditions,
    hostIP: host.ip,
    hostIPs: [{ ip: host.ip }],
    ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
    startTime: clock.timestamp(rt.startTime),
    qosClass: podQOSClass(rt.pod.spec),
    containerStatuses,
    // An ephemeral container is never ready: it serves no traffic (convertToAPIContainerStatuses).
    ...(rt.ephemeral.length ? { ephemeralContainerStatuses: rt.ephemeral.map((c) => ({ ...containerStatus(c, clock), ready: false })) } : {}),
  };
}
