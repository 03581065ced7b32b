import { deleteManifests } from '../../api/apply';
import { kinds } from '../../core/kinds';
import type { KubeObject, Pod } from '../../api/types';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import type { CommandContext } from '../context';
import { combine, kubectlError } from '../result';
import { advanceUntil } from '../wait-until';
import { readAll } from './apply';
import { isError, parseFlags } from './flags';
import { collectTargets, kindString } from './resources';

/**
 * `kubectl delete (-f FILE | TYPE NAME… | TYPE -l SELECTOR | TYPE --all)`.
 *
 * Prints `pod "web" deleted from default namespace` per object: kubectl v1.34 added the namespace
 * to this line (kubernetes/kubernetes#126619; the cluster runs v1.35). Like kubectl (--wait=true by
 * default) it then waits until the objects are really gone, so a Pod's graceful termination
 * passes in virtual time before the command returns.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go.
 */
export function kubectlDelete(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'filename', short: 'f', repeated: true },
    { long: 'selector', short: 'l' },
    { long: 'all', bool: true },
    { long: 'grace-period' },
    { long: 'now', bool: true },
    { long: 'force', bool: true },
    { long: 'wait', bool: true },
  ], 'delete');
  if (isError(parsed)) return parsed;
  const { values, args } = parsed;
  const files = parsed.repeated.get('filename') ?? [];
  const before = markedForDeletion(ctx);
  let grace: number | undefined;
  if (values.has('grace-period')) grace = Number(values.get('grace-period'));
  if (values.get('now') === 'true') grace = 1;
  let warning = '';
  let verb = 'deleted';
  if (values.get('force') === 'true' && grace === 0) {
    warning = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';
    verb = 'force deleted';
  }

  const out: string[] = [];
  const errors: string[] = [];
  if (files.length) {
    if (args.length) return kubectlError('resource(s) were provided, but no name was specified');
    const texts = readAll(ctx, files);
    if (!Array.isArray(texts)) return texts;
    for (const [file, text] of texts) {
      const result = deleteManifests(ctx.cluster, text, file);
      out.push(...result.lines);
      errors.push(...result.errors);
      warning += result.warnings.map((w) => w + '\n').join('');
    }
  } else {
    if (args.length === 0) {
      return kubectlError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const collected = collectTargets(ctx, args, values);
    if ('exitCode' in collected) return collected;
    const { targets } = collected;
    errors.push(...collected.errors);
    if (targets.length === 0 && errors.length === 0) return { stdout: '', stderr: 'No resources found\n', exitCode: 0 };
    for (const { request, obj } of targets) {
      const ns = obj.metadata.namespace;
      try {
        ctx.cluster.store.delete(request.info.kind, ns ?? '', obj.metadata.name, grace === undefined ? {} : { gracePeriodSeconds: grace });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(e.toString());
        continue;
      }
      out.push(`${kindString(request.info)} "${obj.metadata.name}" ${verb}${ns ? ` from ${ns} namespace` : ''}`);
    }
  }

  if (values.get('wait') !== 'false') {
    const waiting = [...markedForDeletion(ctx)].filter(([uid]) => !before.has(uid));
    const longest = Math.max(0, ...waiting.map(([, obj]) => (obj as Pod).metadata.deletionGracePeriodSeconds ?? 0));
    advanceUntil(ctx.cluster, () => waiting.every(([, obj]) => !exists(ctx, obj)), longest * 1000 + 60_000);
  }
  // The warnings come with the API's answers, before the lines kubectl prints for them.
  return combine([
    { stdout: '', stderr: warning, exitCode: 0 },
    { stdout: out.map((l) => l + '\n').join(''), stderr: errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 },
  ]);
}

/** Objects that carry a deletionTimestamp now, by uid: those a delete only marked. */
function markedForDeletion(ctx: CommandContext): Map<string, KubeObject> {
  const marked = new Map<string, KubeObject>();
  for (const k of kinds) {
    for (const obj of ctx.cluster.store.list(k.kind)) if (obj.metadata.deletionTimestamp) marked.set(obj.metadata.uid ?? '', obj);
  }
  return marked;
}

function exists(ctx: CommandContext, obj: KubeObject): boolean {
  const current = ctx.cluster.store.get(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name);
  return current !== undefined && current.metadata.uid === obj.metadata.uid;
}
