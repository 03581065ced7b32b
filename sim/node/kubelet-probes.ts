import type { Container, HTTPGetAction, Probe } from '../api/types';
import type { HttpRequest } from '../net/http';
import { bridgeAddress } from '../net/routing';
import type { ProbeKind, ProbeState, PodRuntime, RuntimeContainer } from './container-runtime';
import type { ProgramContext } from './programs';
import { executableNotFound, runContainerProgram } from './kubelet-exec';
import { goDuration } from '../core/go-duration';

/**
 * The kubelet's prober: one worker per container and probe kind, probing every periodSeconds.
 * Sources: kubernetes/pkg/kubelet/prober/worker.go (thresholds, startup gating, initial results),
 * kubernetes/pkg/kubelet/prober/prober.go (exec, httpGet, tcpSocket and grpc probes, event messages).
 */

/**
 * The API server's probe defaults. Source: kubernetes/pkg/apis/core/v1/defaults.go, SetDefaults_Probe
 * (timeoutSeconds 1, periodSeconds 10, successThreshold 1, failureThreshold 3; initialDelaySeconds 0).
 */
export const probeDefaults = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
};

export type DefaultedProbe = Probe & typeof probeDefaults;

export function withProbeDefaults(p: Probe): DefaultedProbe {
  return { ...probeDefaults, ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) } as DefaultedProbe;
}

/** `Readiness`, `Liveness`, `Startup`: how events name a probe. */
export function probeTitle(kind: ProbeKind): string {
  return kind[0].toUpperCase() + kind.slice(1);
}

/** The probe spec of a kind on a container. */
export function probeOf(spec: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'startup' ? spec.startupProbe : kind === 'readiness' ? spec.readinessProbe : spec.livenessProbe;
}

export interface ProbeOutcome {
  success: boolean;
  /** What the probe printed or the error it met, as the Unhealthy event quotes it. */
  output: string;
  /** The probe could not run at all ("probe errored"), rather than failing. */
  errored?: boolean;
}

/** Resolves a numeric or named port against the container's declared ports. */
function resolvePort(port: number | string, spec: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return spec.ports?.find((p) => p.name === port)?.containerPort;
}

/**
 * Runs one probe. exec runs a container program in the container (success iff exit code 0);
 * httpGet and tcpSocket connect to the Pod's IP and succeed iff a running container of the Pod
 * listens on the port, and for httpGet the server answers 200–399 (see main-programs.ts).
 */
export function runProbe(probe: DefaultedProbe, rt: PodRuntime, c: RuntimeContainer, ctx: Omit<ProgramContext, 'fs' | 'pod' | 'container'>): ProbeOutcome {
  if (probe.exec) {
    const argv = probe.exec.command ?? [];
    const r = runContainerProgram({ ...ctx, pod: rt.pod, container: c.spec.name, fs: c.fs }, argv);
    if (!r) return { success: false, output: executableNotFound(argv[0] ?? '') };
    if ((r.elapsedMs ?? 0) > probe.timeoutSeconds * 1000) return { success: false, output: `command "${argv.join(' ')}" timed out` };
    return { success: r.exitCode === 0, output: (r.stdout + r.stderr).trimEnd() };
  }
  if (probe.grpc) return grpcResult(probe, rt, ctx.cluster.clock.now);
  const action = probe.httpGet ?? probe.tcpSocket;
  if (!action) return { success: true, output: '' };
  const port = resolvePort(action.port, c.spec);
  if (port === undefined) return { success: false, errored: true, output: `couldn't find port: ${action.port} in container ${c.spec.name}` };
  const podIP = rt.sandbox?.ip ?? '';
  const host = action.host ?? podIP;
  const listening = host === podIP && rt.sandbox?.listening.has(`TCP/${port}`);
  if (listening && probe.httpGet) return httpResult(rt, port, probe.httpGet, ctx);
  if (listening) return { success: true, output: '' };
  const refused = `dial tcp ${host}:${port}: connect: connection refused`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path ?? '/';
    return { success: false, output: `Get "${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}": ${refused}` };
  }
  return { success: false, output: refused };
}

/**
 * An HTTP probe's verdict from the status the server answers: 200–399 succeed, anything else
 * fails with `HTTP probe failed with statuscode: N`. The request is the kubelet's: a GET with the
 * probe's headers, a `kube-probe/MAJOR.MINOR` User-Agent and an Accept of any type unless they
 * set their own, Host the Pod's IP and port; it comes from the node's address on the Pods' bridge (its own
 * IP for a hostNetwork Pod).
 * Sources: kubernetes/pkg/probe/http/http.go, pkg/probe/http/request.go (NewRequestForHTTPGetAction, userAgent).
 */
function httpResult(rt: PodRuntime, port: number, action: HTTPGetAction, ctx: Omit<ProgramContext, 'fs' | 'pod' | 'container'>): ProbeOutcome {
  const raw = action.path ?? '/';
  const path = raw.startsWith('/') ? raw : `/${raw}`;
  const served = runningServers(rt).find((s) => s.server.sockets.includes(`TCP/${port}`));
  const now = ctx.cluster.clock.now;
  const status = served?.server.httpStatus?.(path, now - served.since, { req: probeRequest(action, path, `${rt.sandbox?.ip ?? ''}:${port}`, ctx), clientIP: probeSource(rt, ctx) }) ?? 200;
  if (status >= 200 && status < 400) return { success: true, output: '' };
  return { success: false, output: `HTTP probe failed with statuscode: ${status}` };
}

function probeRequest(action: HTTPGetAction, path: string, hostPort: string, ctx: Omit<ProgramContext, 'fs' | 'pod' | 'container'>): HttpRequest {
  const own = (action.httpHeaders ?? []).map(({ name, value }): [string, string] => [name, value]);
  const has = (name: string) => own.some(([n]) => n.toLowerCase() === name.toLowerCase());
  const minor = /^v?(\d+)\.(\d+)/.exec(ctx.cluster.config.kubernetesVersion);
  const headers: [string, string][] = [
    ...(has('Host') ? [] : [['Host', hostPort] as [string, string]]),
    ...own,
    ...(has('User-Agent') ? [] : [['User-Agent', `kube-probe/${minor ? `${minor[1]}.${minor[2]}` : ''}`] as [string, string]]),
    ...(has('Accept') ? [] : [['Accept', '*/*'] as [string, string]]),
  ];
  return { method: 'GET', path, headers };
}

/** The kubelet's address as the Pod sees it: the node's on the Pods' bridge, or the node's own for a hostNetwork Pod. */
function probeSource(rt: PodRuntime, ctx: Omit<ProgramContext, 'fs' | 'pod' | 'container'>): string {
  const node = ctx.node;
  if (!node) return '';
  return rt.pod.spec.hostNetwork ? node.ip : bridgeAddress(node.config);
}

/**
 * A gRPC probe: grpc.health.v1.Health/Check for `service` on the Pod's IP and the port. The
 * kubelet dials with WithBlock until the probe's timeout, so a closed port and a server that does
 * not speak gRPC both end in the same timeout. Source: kubernetes/pkg/probe/grpc/grpc.go.
 */
function grpcResult(probe: DefaultedProbe, rt: PodRuntime, now: number): ProbeOutcome {
  const { port, service = '' } = probe.grpc!;
  const socket = `TCP/${port}`;
  const addr = `${rt.sandbox?.ip ?? ''}:${port}`;
  const served = runningServers(rt).find((s) => s.server.sockets.includes(socket));
  const answer = served?.server.grpcHealth?.(socket, service, now - served.since);
  if (!answer) {
    return { success: false, output: `timeout: failed to connect service "${addr}" within ${goDuration(probe.timeoutSeconds * 1000)}: context deadline exceeded` };
  }
  if ('code' in answer) {
    if (answer.code === 'Unimplemented') return { success: false, output: `error: this server does not implement the grpc health protocol (grpc.health.v1.Health): ${answer.message}` };
    return { success: false, output: `error: health rpc probe failed: rpc error: code = ${answer.code} desc = ${answer.message}` };
  }
  if (answer.status !== 'SERVING') return { success: false, output: `service unhealthy (responded with "${answer.status}")` };
  return { success: true, output: 'service healthy' };
}

/** The servers of the Pod's running containers, with when each started listening. */
function runningServers(rt: PodRuntime) {
  return rt.containers.flatMap((c) => (c.state === 'running' ? c.servers : []));
}

/**
 * Counts a probe result as the worker does: the reported result changes only after
 * successThreshold successes or failureThreshold failures in a row. Returns true when the
 * threshold was met by this result (the result is then reported, again or anew).
 */
export function observeProbe(state: ProbeState, success: boolean, probe: DefaultedProbe): boolean {
  if (state.lastResult === success) state.resultRun++;
  else {
    state.lastResult = success;
    state.resultRun = 1;
  }
  const threshold = success ? probe.successThreshold : probe.failureThreshold;
  if (state.resultRun < threshold) return false;
  state.result = success;
  return true;
}
