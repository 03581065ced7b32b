import { isLabelValue } from '../../api/validation/names';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import type { CommandContext } from '../context';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';
import { collectTargets, kindString } from './resources';

/**
 * `kubectl label TYPE NAME… KEY=VALUE… KEY-… [--overwrite] [-l SELECTOR | --all]`.
 * Prints `pod/web labeled`, `unlabeled` or `not labeled`; refuses to change an existing value
 * without --overwrite, and then changes nothing at all.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/label/label.go.
 */
export function kubectlLabel(ctx: CommandContext, argv: string[]): ExecResult {
  return updateMetadataMap(ctx, argv, 'labels');
}

/**
 * `kubectl annotate TYPE NAME… KEY=VALUE… KEY-… [--overwrite] [-l SELECTOR | --all]`: as label,
 * but every object prints `annotated`, and kubernetes.io/change-cause may always be overwritten.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go.
 */
export function kubectlAnnotate(ctx: CommandContext, argv: string[]): ExecResult {
  return updateMetadataMap(ctx, argv, 'annotations');
}

/** What `kubectl rollout history` shows as CHANGE-CAUSE; annotate overwrites it without --overwrite. */
export const changeCauseAnnotation = 'kubernetes.io/change-cause';

function updateMetadataMap(ctx: CommandContext, argv: string[], field: 'labels' | 'annotations'): ExecResult {
  const command = field === 'labels' ? 'label' : 'annotate';
  const parsed = parseFlags(argv, [
    { long: 'overwrite', bool: true },
    { long: 'selector', short: 'l' },
    { long: 'all', bool: true },
  ], command);
  if (isError(parsed)) return parsed;
  const { values } = parsed;
  const resourceArgs = parsed.args.filter((a) => !isUpdateArg(a));
  const updateArgs = parsed.args.filter(isUpdateArg);
  if (resourceArgs.length === 0) {
    return kubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (updateArgs.length === 0) return kubectlError(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const a of updateArgs) {
    if (!a.includes('=')) {
      remove.push(a.slice(0, -1));
      continue;
    }
    // label.go parseLabels checks values here, keys are the API server's to check; annotate.go
    // (cmdutil.ParsePairs) splits at the first `=` and checks nothing.
    const parts = a.split('=');
    if (field === 'labels' && parts.length !== 2) return kubectlError(`invalid label spec: ${a}`);
    const value = a.slice(a.indexOf('=') + 1);
    const bad = field === 'labels' ? isLabelValue(value) : [];
    if (bad.length) return kubectlError(`invalid label value: ${JSON.stringify(a)}: ${bad.join(';')}`);
    add.set(a.slice(0, a.indexOf('=')), value);
  }
  for (const key of remove) {
    if (add.has(key)) return kubectlError(`can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`);
  }
  const overwrite = values.get('overwrite') === 'true';
  const collected = collectTargets(ctx, resourceArgs, values);
  if ('exitCode' in collected) return collected;
  const { targets, errors } = collected;
  if (!overwrite) {
    for (const { obj } of targets) {
      const clashes = [...add]
        .filter(([key, value]) => !(field === 'annotations' && key === changeCauseAnnotation) && obj.metadata[field]?.[key] !== undefined && obj.metadata[field]?.[key] !== value)
        .map(([key]) => `'${key}' already has a value (${obj.metadata[field]![key]})`);
      if (clashes.length === 0) continue;
      // label.go validateNoOverwrites stops at the first clash; annotate.go lists them all.
      if (field === 'labels') return kubectlError(`${clashes[0]}, and --overwrite is false`);
      return kubectlError(`--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`);
    }
  }
  const out: string[] = [];
  for (const { request, obj } of targets) {
    const before = { ...(obj.metadata[field] ?? {}) };
    const after = { ...before };
    for (const [k, v] of add) after[k] = v;
    for (const key of remove) {
      if (field === 'labels' && !(key in after)) out.push(`label "${key}" not found.`);
      delete after[key];
    }
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    if (changed) {
      try {
        ctx.cluster.store.mutate(request.info.kind, obj.metadata.namespace ?? '', obj.metadata.name, (d) => {
          d.metadata[field] = after;
        });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(e.toString());
        continue;
      }
    }
    // label.go updateDataChangeMsg: a smaller object without --overwrite reads "unlabeled".
    const message = field === 'annotations' ? 'annotated' : !changed ? 'not labeled' : !overwrite && JSON.stringify(after).length < JSON.stringify(before).length ? 'unlabeled' : 'labeled';
    out.push(`${kindString(request.info)}/${obj.metadata.name} ${message}`);
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}

/** `key=value` or `key-`: an update, not a resource argument. */
function isUpdateArg(arg: string): boolean {
  return arg.includes('=') || (arg.endsWith('-') && arg.length > 1 && !arg.includes('/'));
}
