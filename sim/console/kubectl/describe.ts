import type { ExecResult } from '../../node/programs';
import { namespaceOf, nowMs, type CommandContext } from '../context';
import { describers } from '../describe';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';
import { collectTargets } from './resources';

/**
 * `kubectl describe TYPE [NAME_PREFIX…] [-l SELECTOR]`. As in kubectl, a name that matches no
 * object exactly describes every object whose name starts with it (`kubectl describe pods web`).
 * Several descriptions are separated by two blank lines.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go.
 */
export function kubectlDescribe(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'selector', short: 'l' },
    { long: 'all-namespaces', short: 'A', bool: true },
  ], 'describe');
  if (isError(parsed)) return parsed;
  const { values, args } = parsed;
  if (args.length === 0) return kubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  const allNamespaces = values.get('all-namespaces') === 'true';
  const namespace = namespaceOf(values);
  const collected = collectTargets(ctx, args, values, { listWithoutNames: true, prefixMatch: true, allNamespaces });
  if ('exitCode' in collected) return collected;
  const { requests, targets, errors } = collected;
  const undescribed = requests.find((r) => !describers.has(r.info.kind));
  if (undescribed) return kubectlError(`describing ${undescribed.info.plural} is not simulated; the simulator describes: ${[...describers.keys()].join(', ')}`);
  const objects = targets.map((t) => t.obj);
  const store = ctx.cluster.store;
  const stderr = errors.map((e) => e + '\n').join('');
  if (objects.length === 0 && errors.length === 0) {
    const scoped = requests.some((r) => r.info.namespaced) && !allNamespaces;
    return { stdout: '', stderr: scoped ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n', exitCode: 0 };
  }
  const now = nowMs(ctx.cluster);
  const stdout = objects.map((o) => describers.get(o.kind)!(store, o, now)).join('\n\n');
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
}
