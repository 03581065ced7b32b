import type { Pod } from '../../api/types';
import { ApiError } from '../../core/api-error';
import { printedResult, withStderrAround, type ExecResult, type Write } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';
import { listSorted } from './resources';
import { podForArg } from './pod-for-object';
import { kindInfo } from '../../core/kinds';
import { matchesSelector, parseSelector } from '../../api/labels';

/**
 * `kubectl logs (POD | TYPE/NAME | -l SELECTOR) [-c CONTAINER] [--previous] [--tail=N] [--prefix] [-f]`.
 *
 * The log is what the container's process wrote (`echo` in a shell command, say), as the node's
 * kubelet kept it: the current run, or the previous one with --previous. The errors are the API
 * server's: a missing Pod, an unknown container, a container still waiting to start. A Deployment,
 * ReplicaSet or Service picks one of its Pods (pod-for-object.ts), saying so on stderr when it has several.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go, polymorphichelpers/logsforobject.go,
 * pkg/registry/core/pod/strategy.go (LogLocation's messages).
 */
export function kubectlLogs(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'container', short: 'c' },
    { long: 'previous', short: 'p', bool: true },
    { long: 'follow', short: 'f', bool: true },
    { long: 'tail' },
    { long: 'timestamps', bool: true },
    { long: 'selector', short: 'l' },
    { long: 'prefix', bool: true },
  ], 'logs');
  if (isError(parsed)) return parsed;
  const { values, args } = parsed;
  const selector = values.get('selector');
  if (selector !== undefined) return selectedLogs(ctx, selector, args, values);
  if (args.length === 0) return kubectlError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
  const namespace = namespaceOf(values);
  const store = ctx.cluster.store;
  let stderr = '';
  let pod: Pod | undefined;
  if (args[0].includes('/')) {
    const chosen = podForArg(store, args[0], namespace, 'logs');
    if ('exitCode' in chosen) return chosen;
    pod = chosen.pod;
    stderr = chosen.notice;
  } else {
    pod = store.get<Pod>('Pod', namespace, args[0]);
    if (!pod) return { stdout: '', stderr: `${ApiError.notFound('Pod', args[0])}\n`, exitCode: 1 };
  }
  const log = podLog(ctx, pod, values);
  // kubectl says which Pod and container it picked before it streams the log.
  return withStderrAround({ ...log, stdout: tail(log.stdout, values.get('tail')), stderr: '' }, stderr + log.stderr);
}

/**
 * `kubectl logs -l SELECTOR`: the logs of every Pod the selector matches, one after the other in
 * name order, each cut to its last 10 lines unless --tail says otherwise (the default with a
 * selector). Source: kubectl/pkg/cmd/logs/logs.go (--tail's default, selector handling).
 */
function selectedLogs(ctx: CommandContext, selector: string, args: string[], values: Map<string, string>): ExecResult {
  if (args.length) return kubectlError('only a selector (-l) or a POD name is allowed');
  const namespace = namespaceOf(values);
  const wanted = parseSelector(selector);
  const pods = listSorted<Pod>(ctx.cluster.store, kindInfo('Pod')!, namespace).filter((p) => matchesSelector(p.metadata.labels, wanted));
  if (pods.length === 0) return { stdout: '', stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
  // Each Pod's notices, then its log, in turn.
  const writes: Write[] = [];
  for (const pod of pods) {
    const log = podLog(ctx, pod, values);
    writes.push({ stream: 'stderr', text: log.stderr }, { stream: 'stdout', text: tail(log.stdout, values.get('tail') ?? '10') });
    if (log.exitCode !== 0) return printedResult(writes, log.exitCode);
  }
  return printedResult(writes, 0);
}

/** One Pod's log, or the API server's error; the container is -c's, else the first (announced when there are several). */
function podLog(ctx: CommandContext, pod: Pod, values: Map<string, string>): ExecResult {
  const namespace = pod.metadata.namespace ?? 'default';
  let stderr = '';
  const containers = pod.spec.containers.map((c) => c.name);
  let container = values.get('container');
  if (container === undefined) {
    container = containers[0];
    if (containers.length > 1) stderr += `Defaulted container "${container}" out of: ${containers.join(', ')}\n`;
  }
  const name = pod.metadata.name;
  if (!containers.includes(container)) return { stdout: '', stderr: `${stderr}Error from server (BadRequest): container ${container} is not valid for pod ${name}\n`, exitCode: 1 };
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  if (values.get('previous') === 'true' && !status?.lastState?.terminated) {
    return { stdout: '', stderr: `${stderr}Error from server (BadRequest): previous terminated container "${container}" in pod "${name}" not found\n`, exitCode: 1 };
  }
  const started = status?.state.running || status?.state.terminated || status?.lastState?.terminated;
  if (!status || !started) {
    const reason = status?.state.waiting?.reason ?? 'ContainerCreating';
    return { stdout: '', stderr: `${stderr}Error from server (BadRequest): container "${container}" in pod "${name}" is waiting to start: ${reason}\n`, exitCode: 1 };
  }
  // The kubelet serves the logs; a stopped node does not answer (kubelet port 10250).
  const host = ctx.cluster.nodes.get(pod.spec.nodeName ?? '');
  const log = host?.kubelet?.containerLog(pod, container, values.get('previous') === 'true');
  if (log === undefined) {
    const url = `https://${host?.ip}:10250/containerLogs/${namespace}/${name}/${container}`;
    return { stdout: '', stderr: `${stderr}Error from server: Get "${url}": dial tcp ${host?.ip}:10250: connect: no route to host\n`, exitCode: 1 };
  }
  // --prefix: each line says where it comes from, as `[pod/NAME/CONTAINER] `.
  const stdout = values.get('prefix') === 'true' ? log.replace(/^(?=.)/gm, `[pod/${name}/${container}] `) : log;
  return { stdout, stderr, exitCode: 0 };
}

/** `--tail=N`: the last N lines; -1 (the default) keeps them all. */
function tail(log: string, n: string | undefined): string {
  const count = Number(n ?? -1);
  if (!Number.isInteger(count) || count < 0) return log;
  const lines = log.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return count === 0 ? '' : lines.slice(-count).map((l) => `${l}\n`).join('');
}
