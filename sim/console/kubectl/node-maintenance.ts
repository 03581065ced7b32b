import type { Node, Pod } from '../../api/types';
import { ApiError } from '../../core/api-error';
import { goDuration } from '../../core/go-duration';
import type { ExecResult } from '../../node/programs';
import type { CommandContext } from '../context';
import { advanceUntil, parseDuration } from '../wait-until';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';

/** The annotation that marks a static Pod's mirror, which drain skips (corev1.MirrorPodAnnotationKey). */
const mirrorPodAnnotation = 'kubernetes.io/config.mirror';

/**
 * `kubectl cordon NODE` / `kubectl uncordon NODE`: sets or clears spec.unschedulable and prints
 * `node/NODE cordoned`, `uncordoned`, or `already cordoned` when nothing changes.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go (RunCordonOrUncordon, already, changed).
 */
export function kubectlCordon(ctx: CommandContext, argv: string[]): ExecResult {
  return cordonCommand(ctx, argv, true);
}

export function kubectlUncordon(ctx: CommandContext, argv: string[]): ExecResult {
  return cordonCommand(ctx, argv, false);
}

function cordonCommand(ctx: CommandContext, argv: string[], desired: boolean): ExecResult {
  const command = desired ? 'cordon' : 'uncordon';
  const parsed = parseFlags(argv, [], command);
  if (isError(parsed)) return parsed;
  const node = nodeArg(ctx, parsed.args, command);
  if ('exitCode' in node) return node;
  return { stdout: setUnschedulable(ctx, node, desired), stderr: '', exitCode: 0 };
}

function nodeArg(ctx: CommandContext, args: string[], command: string): Node | ExecResult {
  // cobra's Use line: `kubectl cordon NODE`; the builder takes `node/NAME` as well.
  if (args.length !== 1) return kubectlError(`USAGE: ${command} NODE [flags]\nSee 'kubectl ${command} -h' for help and examples`);
  const name = args[0].replace(/^(nodes?|no)\//, '');
  const node = ctx.cluster.store.get<Node>('Node', '', name);
  return node ?? { stdout: '', stderr: `${ApiError.notFound('Node', name)}\n`, exitCode: 1 };
}

function setUnschedulable(ctx: CommandContext, node: Node, desired: boolean): string {
  const name = node.metadata.name;
  if ((node.spec.unschedulable ?? false) === desired) return `node/${name} already ${desired ? 'cordoned' : 'uncordoned'}\n`;
  ctx.cluster.store.mutate<Node>('Node', '', name, (n) => {
    if (desired) n.spec.unschedulable = true;
    else delete n.spec.unschedulable;
  });
  return `node/${name} ${desired ? 'cordoned' : 'uncordoned'}\n`;
}

/**
 * `kubectl drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force]
 * [--grace-period=S] [--timeout=D]`: cordons the node, then evicts every Pod bound to it (all
 * namespaces), printing `evicting pod NS/NAME` for each and `pod/NAME evicted` as each is gone,
 * then `node/NODE drained`. Virtual time passes while the Pods terminate. A Pod no controller owns
 * stops the drain unless --force; DaemonSet Pods stop it unless --ignore-daemonsets; mirror Pods are
 * skipped. Sources: staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go (RunDrain,
 * deleteOrEvictPodsSimple) and staging/src/k8s.io/kubectl/pkg/drain/{drain,filters}.go (the filters'
 * messages, and errors() prefixing each with "cannot delete ", whence kubectl's doubled
 * "cannot delete cannot delete Pods that declare no controller").
 */
export function kubectlDrain(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'ignore-daemonsets', bool: true },
    { long: 'delete-emptydir-data', bool: true },
    { long: 'force', bool: true },
    { long: 'grace-period' },
    { long: 'timeout' },
  ], 'drain');
  if (isError(parsed)) return parsed;
  const { values } = parsed;
  const node = nodeArg(ctx, parsed.args, 'drain');
  if ('exitCode' in node) return node;
  const grace = values.has('grace-period') ? Number(values.get('grace-period')) : -1;
  if (!Number.isInteger(grace)) return kubectlError(`invalid argument "${values.get('grace-period')}" for "--grace-period" flag: strconv.ParseInt: parsing "${values.get('grace-period')}": invalid syntax`);
  const timeout = values.has('timeout') ? parseDuration(values.get('timeout')!) : 0;
  if (timeout === undefined) return kubectlError(`invalid argument "${values.get('timeout')}" for "--timeout" flag: time: invalid duration "${values.get('timeout')}"`);
  const name = node.metadata.name;
  let stdout = setUnschedulable(ctx, node, true);
  let stderr = '';

  const store = ctx.cluster.store;
  const onNode = store
    .list<Pod>('Pod')
    .filter((p) => p.spec.nodeName === name)
    .sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1));
  const failures = new Map<string, string[]>();
  const warnings = new Map<string, string[]>();
  const toEvict: Pod[] = [];
  const note = (into: Map<string, string[]>, message: string, pod: Pod) => into.set(message, [...(into.get(message) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
  for (const pod of onNode) {
    if (pod.metadata.annotations?.[mirrorPodAnnotation] !== undefined) continue;
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    const controller = pod.metadata.ownerReferences?.find((o) => o.controller);
    if (controller?.kind === 'DaemonSet' && !finished) {
      if (values.get('ignore-daemonsets') === 'true') note(warnings, 'ignoring DaemonSet-managed Pods', pod);
      else note(failures, 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)', pod);
      continue;
    }
    if (!controller && !finished) {
      if (values.get('force') !== 'true') {
        note(failures, 'cannot delete Pods that declare no controller (use --force to override)', pod);
        continue;
      }
      note(warnings, 'deleting Pods that declare no controller', pod);
    }
    toEvict.push(pod);
  }
  if (failures.size) {
    const errors = [...failures].map(([message, pods]) => `cannot delete ${message}: ${pods.join(', ')}`);
    const aggregate = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
    stderr +=
      `error: unable to drain node "${name}" due to error: ${aggregate}, continuing command...\n` +
      `There are pending nodes to be drained:\n ${name}\n` +
      errors.map((e) => e + '\n').join('');
    return { stdout, stderr, exitCode: 1 };
  }
  if (warnings.size) stderr += `Warning: ${[...warnings].map(([message, pods]) => `${message}: ${pods.join(', ')}`).join('; ')}\n`;

  const gone = (pod: Pod) => store.get<Pod>('Pod', pod.metadata.namespace ?? '', pod.metadata.name)?.metadata.uid !== pod.metadata.uid;
  for (const pod of toEvict) {
    stdout += `evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`;
    // The Eviction subresource deletes the Pod with its own grace period unless --grace-period is set.
    if (!gone(pod)) store.delete('Pod', pod.metadata.namespace ?? '', pod.metadata.name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
  }
  const evicted = new Set<Pod>();
  const longest = Math.max(0, ...toEvict.map((p) => p.spec.terminationGracePeriodSeconds ?? 30));
  const met = advanceUntil(ctx.cluster, () => {
    for (const pod of toEvict) {
      if (!evicted.has(pod) && gone(pod)) {
        evicted.add(pod);
        stdout += `pod/${pod.metadata.name} evicted\n`;
      }
    }
    return evicted.size === toEvict.length;
  }, timeout || (longest + 60) * 1000);
  if (!met) {
    const pending = toEvict.filter((p) => !evicted.has(p));
    // drain.go evictPods: `drain did not complete within %v`, a Go time.Duration.
    const cause = `drain did not complete within ${goDuration(timeout)}`;
    stderr +=
      `There are pending pods in node "${name}" when an error occurred: ${cause}\n` +
      pending.map((p) => `pod/${p.metadata.name}\n`).join('') +
      `error: unable to drain node "${name}" due to error: ${cause}, continuing command...\n` +
      `There are pending nodes to be drained:\n ${name}\n` +
      `error: ${cause}\n`;
    return { stdout, stderr, exitCode: 1 };
  }
  return { stdout: stdout + `node/${name} drained\n`, stderr, exitCode: 0 };
}

