import type { KubeObject } from '../../api/types';
import type { ExecResult } from '../../node/programs';
import type { CommandContext } from '../context';
import { kubectlError } from '../result';
import { advanceUntil, parseDuration } from '../wait-until';
import { isError, parseFlags } from './flags';
import { collectTargets, kindString } from './resources';

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
  const collected = collectTargets(ctx, args, values);
  if ('exitCode' in collected) return collected;
  const { targets, errors } = collected;
  // A missing object already satisfies --for=delete; any other condition fails on it.
  if (errors.length && !condition.delete) return { stdout: '', stderr: `${errors[0]}\n`, exitCode: 1 };
  const store = ctx.cluster.store;
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
