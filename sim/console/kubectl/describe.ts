import { matchesSelector, parseSelector } from '../../api/labels';
import type { KubeObject } from '../../api/types';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, nowMs, type CommandContext } from '../context';
import { describers } from '../describe';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';
import { listSorted, parseResourceArgs } from './resources';

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
  const requests = parseResourceArgs(args);
  if (!Array.isArray(requests)) return requests;
  const allNamespaces = values.get('all-namespaces') === 'true';
  const namespace = namespaceOf(values);
  let selector;
  try {
    selector = values.has('selector') ? parseSelector(values.get('selector')!) : undefined;
  } catch (e) {
    return kubectlError((e as Error).message);
  }
  const store = ctx.cluster.store;
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  for (const { info, names } of requests) {
    if (!describers.has(info.kind)) return kubectlError(`describing ${info.plural} is not simulated; the simulator describes: ${[...describers.keys()].join(', ')}`);
    const all = listSorted(store, info, allNamespaces ? undefined : namespace);
    if (names.length === 0) {
      objects.push(...all.filter((o) => !selector || matchesSelector(o.metadata.labels, selector)));
      continue;
    }
    for (const name of names) {
      const exact = all.find((o) => o.metadata.name === name);
      const matches = exact ? [exact] : all.filter((o) => o.metadata.name.startsWith(name));
      if (matches.length === 0) errors.push(ApiError.notFound(info.kind, name).toString());
      objects.push(...matches);
    }
  }
  const stderr = errors.map((e) => e + '\n').join('');
  if (objects.length === 0 && errors.length === 0) {
    const scoped = requests.some((r) => r.info.namespaced) && !allNamespaces;
    return { stdout: '', stderr: scoped ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n', exitCode: 0 };
  }
  const now = nowMs(ctx.cluster);
  const stdout = objects.map((o) => describers.get(o.kind)!(store, o, now)).join('\n\n');
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
}
