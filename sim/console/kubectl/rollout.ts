import { kindInfo } from '../../core/kinds';
import type { Deployment } from '../../api/types';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { advanceUntil, parseDuration } from '../wait-until';
import { isError, parseFlags } from './flags';
import { kindString, parseResourceArgs } from './resources';
import { rolloutHistory, rolloutUndo } from './rollout-history';

/**
 * How long `rollout status` without --timeout follows a rollout here: past the default
 * progressDeadlineSeconds (600), by when the deployment controller has reported success or failure.
 */
const unboundedWaitMs = 15 * 60_000;

/**
 * `kubectl rollout status|restart|history|undo deployment/NAME`. pause and resume are refused: the
 * simulated Deployment controller does not model spec.paused.
 */
export function kubectlRollout(ctx: CommandContext, argv: string[]): ExecResult {
  const [sub, ...rest] = argv;
  if (sub === 'status') return rolloutStatus(ctx, rest);
  if (sub === 'restart') return rolloutRestart(ctx, rest);
  if (sub === 'history' || sub === 'undo') return rolloutRevisions(ctx, sub, rest);
  if (sub === 'pause' || sub === 'resume') return kubectlError(`"kubectl rollout ${sub}" is not simulated here; the simulator runs: rollout status, restart, history, undo`);
  return { stdout: '', stderr: `error: unknown command "${sub ?? ''}" for "kubectl rollout"\n`, exitCode: 1 };
}

function deploymentArg(ctx: CommandContext, args: string[], values: Map<string, string>, sub = 'status'): Deployment | ExecResult {
  if (args.length === 0) return kubectlError('required resource not specified');
  const requests = parseResourceArgs(args);
  if (!Array.isArray(requests)) return requests;
  const [{ info, names }] = requests;
  if (info.kind !== 'Deployment') {
    // polymorphichelpers: statusviewer.go, history.go, rollback.go name what they lack, as schema.GroupKind prints.
    const what = sub === 'history' ? 'history viewer' : sub === 'undo' ? 'rollbacker' : 'status viewer';
    const group = info.apiVersion.includes('/') ? `.${info.apiVersion.split('/')[0]}` : '';
    return kubectlError(`no ${what} has been implemented for ${info.kind}${group}`);
  }
  if (names.length === 0) return kubectlError('resource(s) were provided, but no name was specified');
  const d = ctx.cluster.store.get<Deployment>('Deployment', namespaceOf(values), names[0]);
  return d ?? { stdout: '', stderr: `${ApiError.notFound('Deployment', names[0])}\n`, exitCode: 1 };
}

/**
 * `kubectl rollout status deployment/web [--timeout=D]`: follows the Deployment's status in
 * virtual time, printing each new line of kubectl's DeploymentStatusViewer
 * (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go) until the rollout is done.
 */
function rolloutStatus(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'timeout' }, { long: 'watch', short: 'w', bool: true }], 'rollout status');
  if (isError(parsed)) return parsed;
  const found = deploymentArg(ctx, parsed.args, parsed.values);
  if ('exitCode' in found) return found;
  const timeout = parsed.values.has('timeout') ? parseDuration(parsed.values.get('timeout')!) : 0;
  if (timeout === undefined) return kubectlError(`invalid argument "${parsed.values.get('timeout')}" for "--timeout" flag: time: invalid duration "${parsed.values.get('timeout')}"`);
  const { namespace = 'default', name } = found.metadata;
  const lines: string[] = [];
  let error: string | undefined;
  let done = false;
  const check = () => {
    const d = ctx.cluster.store.get<Deployment>('Deployment', namespace, name);
    if (!d) {
      error = `object has been deleted`;
      return true;
    }
    const status = deploymentStatus(d);
    if ('error' in status) {
      error = status.error;
      return true;
    }
    if (lines[lines.length - 1] !== status.message) lines.push(status.message);
    done = status.done;
    return done || parsed.values.get('watch') === 'false';
  };
  const unwatch = ctx.cluster.store.watch('Deployment', check);
  const met = advanceUntil(ctx.cluster, check, timeout || unboundedWaitMs);
  unwatch();
  const stdout = lines.map((l) => l + '\n').join('');
  if (error) return { stdout, stderr: `error: ${error}\n`, exitCode: 1 };
  if (!met) return { stdout, stderr: 'error: timed out waiting for the condition\n', exitCode: 1 };
  return { stdout, stderr: '', exitCode: 0 };
}

/** DeploymentStatusViewer.Status: the line kubectl prints for a Deployment's current status. */
export function deploymentStatus(d: Deployment): { message: string; done: boolean } | { error: string } {
  const s = d.status ?? {};
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...', done: false };
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { error: `deployment "${name}" exceeded its progress deadline` };
  const replicas = d.spec.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`, done: false };
  if ((s.replicas ?? 0) > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...`, done: false };
  if ((s.availableReplicas ?? 0) < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...`, done: false };
  return { message: `deployment "${name}" successfully rolled out`, done: true };
}

/** `rollout history [--revision=N]` and `rollout undo [--to-revision=N]`. */
function rolloutRevisions(ctx: CommandContext, sub: 'history' | 'undo', argv: string[]): ExecResult {
  const flag = sub === 'history' ? 'revision' : 'to-revision';
  const parsed = parseFlags(argv, [{ long: flag }], `rollout ${sub}`);
  if (isError(parsed)) return parsed;
  const found = deploymentArg(ctx, parsed.args, parsed.values, sub);
  if ('exitCode' in found) return found;
  const text = parsed.values.get(flag) ?? '0';
  if (!/^\d+$/.test(text)) return kubectlError(`invalid argument "${text}" for "--${flag}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
  const kind = kindString(kindInfo('Deployment')!);
  return sub === 'history' ? rolloutHistory(ctx.cluster.store, found, kind, Number(text)) : rolloutUndo(ctx.cluster.store, found, kind, Number(text));
}

/**
 * `kubectl rollout restart deployment/web`: stamps the pod template with
 * kubectl.kubernetes.io/restartedAt, which starts a new rollout (objectrestarter.go).
 */
function rolloutRestart(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [], 'rollout restart');
  if (isError(parsed)) return parsed;
  const found = deploymentArg(ctx, parsed.args, parsed.values);
  if ('exitCode' in found) return found;
  const at = ctx.cluster.clock.timestamp();
  ctx.cluster.store.mutate<Deployment>('Deployment', found.metadata.namespace ?? 'default', found.metadata.name, (d) => {
    d.spec.template.metadata = { ...d.spec.template.metadata, annotations: { ...d.spec.template.metadata?.annotations, 'kubectl.kubernetes.io/restartedAt': at } };
  });
  return { stdout: `${kindString(kindInfo('Deployment')!)}/${found.metadata.name} restarted\n`, stderr: '', exitCode: 0 };
}
