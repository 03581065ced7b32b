import { matchesSelector, parseSelector } from '../../api/labels';
import type { KubeObject } from '../../api/types';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';
import { kindString, listSorted, parseResourceArgs, type ResourceRequest } from './resources';

/**
 * `kubectl label TYPE NAME… KEY=VALUE… KEY-… [--overwrite] [-l SELECTOR | --all]`.
 * Prints `pod/web labeled`, `unlabeled` or `not labeled`; refuses to change an existing value
 * without --overwrite, and then changes nothing at all.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/label/label.go.
 */
export function kubectlLabel(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'overwrite', bool: true },
    { long: 'selector', short: 'l' },
    { long: 'all', bool: true },
  ], 'label');
  if (isError(parsed)) return parsed;
  const { values } = parsed;
  const resourceArgs = parsed.args.filter((a) => !isLabelArg(a));
  const labelArgs = parsed.args.filter(isLabelArg);
  if (resourceArgs.length === 0) {
    return kubectlError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  }
  if (labelArgs.length === 0) return kubectlError('at least one label update is required');
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const a of labelArgs) {
    if (a.endsWith('-')) remove.push(a.slice(0, -1));
    else add.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
  }
  for (const key of remove) if (add.has(key)) return kubectlError(`can not both modify and remove a label in the same command`);
  const requests = parseResourceArgs(resourceArgs);
  if (!Array.isArray(requests)) return requests;
  const overwrite = values.get('overwrite') === 'true';
  const namespace = namespaceOf(values);
  let selector;
  try {
    selector = values.has('selector') ? parseSelector(values.get('selector')!) : undefined;
  } catch (e) {
    return kubectlError((e as Error).message);
  }

  const targets: { request: ResourceRequest; obj: KubeObject }[] = [];
  const errors: string[] = [];
  for (const request of requests) {
    if (request.names.length) {
      for (const name of request.names) {
        const obj = ctx.cluster.store.get(request.info.kind, request.info.namespaced ? namespace : '', name);
        if (obj) targets.push({ request, obj });
        else errors.push(ApiError.notFound(request.info.kind, name).toString());
      }
    } else if (selector || values.get('all') === 'true') {
      for (const obj of listSorted(ctx.cluster.store, request.info, namespace)) {
        if (!selector || matchesSelector(obj.metadata.labels, selector)) targets.push({ request, obj });
      }
    } else return kubectlError('resource(s) were provided, but no name was specified');
  }
  if (!overwrite) {
    for (const { obj } of targets) {
      for (const [key, value] of add) {
        const current = obj.metadata.labels?.[key];
        if (current !== undefined && current !== value) return kubectlError(`'${key}' already has a value (${current}), and --overwrite is false`);
      }
    }
  }
  const out: string[] = [];
  for (const { request, obj } of targets) {
    const before = { ...(obj.metadata.labels ?? {}) };
    const after = { ...before };
    for (const [k, v] of add) after[k] = v;
    for (const key of remove) {
      if (!(key in after)) out.push(`label "${key}" not found.`);
      delete after[key];
    }
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    if (changed) {
      ctx.cluster.store.mutate(request.info.kind, obj.metadata.namespace ?? '', obj.metadata.name, (d) => {
        d.metadata.labels = after;
      });
    }
    const message = !changed ? 'not labeled' : !overwrite && JSON.stringify(after).length < JSON.stringify(before).length ? 'unlabeled' : 'labeled';
    out.push(`${kindString(request.info)}/${obj.metadata.name} ${message}`);
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}

/** `key=value` or `key-`: a label update, not a resource argument. */
function isLabelArg(arg: string): boolean {
  return (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg.length > 1 && !arg.includes('/'));
}
