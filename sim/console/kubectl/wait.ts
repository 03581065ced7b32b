import { matchesSelector, parseSelector } from '../../api/labels';
import type { KubeObject } from '../../api/types';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { advanceUntil, parseDuration } from '../wait-until';
import { isError, parseFlags } from './flags';
import { kindString, listSorted, parseResourceArgs, type ResourceRequest } from './resources';

/**
 * `kubectl wait --for=condition=Ready (TYPE NAME | TYPE/NAME | TYPE --all | TYPE -l SEL)
 * [--timeout=30s]`, also `--for=delete`. Objects are waited for one after the other, each within
 * the timeout (30s by default), letting virtual time pass; each prints `pod/web condition met`.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go.
 */
export function kubectlWait(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'for' },
    { long: 'timeout' },
    { long: 'all', bool: true },
    { long: 'selector', short: 'l' },
  ], 'wait');
  if (isError(parsed)) return parsed;
  const { values, args } = parsed;
  const forText = values.get('for');
  if (!forText) return kubectlError('--for must be set');
  const condition = parseFor(forText);
  if (!condition) return kubectlError(`unrecognized condition: "${forText}"`);
  const timeout = parseDuration(values.get('timeout') ?? '30s');
  if (timeout === undefined) return kubectlError(`invalid argument "${values.get('timeout')}" for "--timeout" flag: time: invalid duration "${values.get('timeout')}"`);
  if (args.length === 0) return kubectlError('resource(s) were provided, but no name was specified');
  const requests = parseResourceArgs(args);
  if (!Array.isArray(requests)) return requests;
  const namespace = namespaceOf(values);
  let selector;
  try {
    selector = values.has('selector') ? parseSelector(values.get('selector')!) : undefined;
  } catch (e) {
    return kubectlError((e as Error).message);
  }

  const targets: { request: ResourceRequest; obj: KubeObject }[] = [];
  const store = ctx.cluster.store;
  for (const request of requests) {
    if (request.names.length) {
      for (const name of request.names) {
        const obj = store.get(request.info.kind, request.info.namespaced ? namespace : '', name);
        if (!obj) {
          if (condition.delete) continue;
          return { stdout: '', stderr: `${ApiError.notFound(request.info.kind, name)}\n`, exitCode: 1 };
        }
        targets.push({ request, obj });
      }
    } else if (selector || values.get('all') === 'true') {
      for (const obj of listSorted(store, request.info, namespace)) {
        if (!selector || matchesSelector(obj.metadata.labels, selector)) targets.push({ request, obj });
      }
    } else return kubectlError('resource(s) were provided, but no name was specified');
  }
  if (targets.length === 0) return kubectlError('no matching resources found');

  const out: string[] = [];
  for (const { request, obj } of targets) {
    const current = () => {
      const o = store.get(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name);
      return o && o.metadata.uid === obj.metadata.uid ? o : undefined;
    };
    const met = advanceUntil(ctx.cluster, () => (condition.delete ? !current() : hasCondition(current(), condition.type, condition.status)), timeout);
    if (!met) {
      return { stdout: out.join(''), stderr: `error: timed out waiting for the condition on ${request.info.plural}/${obj.metadata.name}\n`, exitCode: 1 };
    }
    out.push(`${kindString(request.info)}/${obj.metadata.name} condition met\n`);
  }
  return { stdout: out.join(''), stderr: '', exitCode: 0 };
}

type WaitFor = { delete: true } | { delete: false; type: string; status: string };

/** `delete`, `condition=Ready`, `condition=Ready=false` (condition names compare case-insensitively). */
function parseFor(text: string): WaitFor | undefined {
  if (text.toLowerCase() === 'delete') return { delete: true };
  const m = text.match(/^condition=([^=]+)(?:=(.*))?$/i);
  if (!m) return undefined;
  return { delete: false, type: m[1], status: m[2] ?? 'true' };
}

function hasCondition(obj: KubeObject | undefined, type: string, status: string): boolean {
  const conditions = (obj?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type.toLowerCase() === type.toLowerCase() && c.status.toLowerCase() === status.toLowerCase());
}
