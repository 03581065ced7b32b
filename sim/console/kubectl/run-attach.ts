import type { Pod } from '../../api/types';
import { withStderrAround, type ExecResult } from '../../node/programs';
import { execTarget } from '../../node/kubelet-exec';
import { mainProcessArgv } from '../../node/main-process';
import type { CommandContext } from '../context';
import { ContainerShell } from '../container-shell';
import { kubectlError } from '../result';
import { advanceUntil } from '../wait-until';
import { kubectlDelete } from './delete';
import { interactiveShell } from './exec';

/** What kubectl attach prints on stderr as it attaches a terminal to a container (attach.go Run). */
export const attachNotices =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
  "If you don't see a command prompt, try pressing enter.\n";

/** kubectl run's --pod-running-timeout default: how long it waits for the Pod to run. */
export const podRunningTimeoutMs = 60_000;

export interface AttachRunOptions {
  namespace: string;
  name: string;
  stdin: boolean;
  tty: boolean;
  /** --rm: delete what run created once the session ends. */
  remove: boolean;
  restartPolicy: string;
  /** --expose also created a Service of the same name (deleted with --rm too). */
  service: boolean;
}

/**
 * `kubectl run -i [-t] [--rm] NAME --image=… [-- COMMAND]` once the Pod is created: kubectl waits
 * until the Pod runs and is ready (or has already finished: then it prints its log), attaches to
 * its container, and when the session ends prints how to re-attach, waits for the Pod to finish
 * (restartPolicy Never or OnFailure), deletes what it created (--rm, without waiting) and exits
 * with the container's exit code.
 *
 * In a terminal (see terminal.ts), a container whose main process is a shell with stdin open
 * becomes the reader's nested shell; `exit N` ends that process, and so the Pod. Without a
 * terminal kubectl cannot use a TTY and the shell reads end of file at once.
 * Sources: staging/src/k8s.io/kubectl/pkg/cmd/run/run.go (Run, handleAttachPod, waitForPod,
 * removeCreatedObjects, and the CodeExitError "pod NS/NAME terminated (REASON)"), and
 * pkg/cmd/attach/attach.go (Run: the two notices on stderr; reattachMessage).
 */
export function kubectlAttachRun(ctx: CommandContext, o: AttachRunOptions): ExecResult {
  const cluster = ctx.cluster;
  const current = () => cluster.store.get<Pod>('Pod', o.namespace, o.name);
  const completed = (p?: Pod) => p?.status?.phase === 'Succeeded' || p?.status?.phase === 'Failed';
  const runningAndReady = (p?: Pod) => p?.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  if (!advanceUntil(cluster, () => !current() || completed(current()) || runningAndReady(current()), podRunningTimeoutMs)) {
    return kubectlError('timed out waiting for the condition');
  }
  const pod = current();
  if (!pod) return { stdout: '', stderr: `Error from server (NotFound): pods "${o.name}" not found\n`, exitCode: 1 };
  const container = pod.spec.containers[0];
  if (completed(pod)) return finish(ctx, o, logOf(ctx, pod), '');

  const terminal = o.stdin && o.tty && ctx.attach !== undefined;
  const notices = (o.tty && !terminal ? 'Unable to use a TTY - input is not a terminal or the right kind of file\n' : '') + attachNotices;
  const argv = mainProcessArgv(container) ?? [];
  const shell = container.stdin ? interactiveShell(argv) : undefined;
  const host = pod.spec.nodeName ? cluster.nodes.get(pod.spec.nodeName) : undefined;
  const reattach = terminal ? `Session ended, resume using 'kubectl attach ${o.name} -c ${container.name} -n ${o.namespace} -i -t' command\n` : '';
  if (!shell) {
    return {
      stdout: '',
      stderr: `${notices}error: this simulator attaches only to a shell (sh, bash) that reads the terminal; ${argv.join(' ') || 'this container'} keeps running: use kubectl exec or kubectl logs\n`,
      exitCode: 1,
    };
  }
  /** The shell's stdin ends (or the reader typed exit): the main process exits with `code`. */
  const ended = (code: number): ExecResult => {
    const now = current();
    if (now) host?.kubelet?.mainProcessExited(now, container.name, code);
    return finish(ctx, o, '', reattach);
  };
  if (!terminal) {
    const result = ended(0);
    return withStderrAround(result, notices);
  }
  const target = execTarget(cluster, o.namespace, o.name, container.name);
  if ('exitCode' in target) return target;
  ctx.attach!(new ContainerShell(cluster, target.ctx, shell, ended));
  return { stdout: '', stderr: notices, exitCode: 0 };
}

/** What a Pod that already finished printed: kubectl falls back to its log. */
function logOf(ctx: CommandContext, pod: Pod): string {
  const host = pod.spec.nodeName ? ctx.cluster.nodes.get(pod.spec.nodeName) : undefined;
  return host?.kubelet?.containerLog(pod, pod.spec.containers[0].name) ?? '';
}

/** After the session: wait for the Pod to finish, delete with --rm, and exit with its container's code. */
function finish(ctx: CommandContext, o: AttachRunOptions, printed: string, reattach: string): ExecResult {
  const cluster = ctx.cluster;
  const current = () => cluster.store.get<Pod>('Pod', o.namespace, o.name);
  let stdout = printed + reattach;
  let stderr = '';
  let exitCode = 0;
  if (o.restartPolicy === 'Never' || o.restartPolicy === 'OnFailure') {
    const done = (p?: Pod) => p?.status?.phase === 'Succeeded' || (o.restartPolicy === 'Never' && p?.status?.phase === 'Failed');
    if (!advanceUntil(cluster, () => !current() || done(current()), podRunningTimeoutMs)) {
      stderr = 'error: timed out waiting for the condition\n';
      exitCode = 1;
    } else {
      const pod = current();
      const terminated = pod?.status?.containerStatuses?.[0]?.state?.terminated;
      if (pod?.status?.phase === 'Failed') {
        exitCode = terminated?.exitCode || 1;
        stderr = terminated?.exitCode ? `pod ${o.namespace}/${o.name} terminated (${terminated.reason})\n${terminated.message ? `${terminated.message}\n` : ''}` : `error: pod ${o.namespace}/${o.name} failed with unknown exit code\n`;
      }
    }
  }
  if (o.remove) {
    const deleted = kubectlDelete(ctx, ['pod', o.name, '--namespace', o.namespace, '--wait=false']);
    stdout += deleted.stdout;
    if (o.service) stdout += kubectlDelete(ctx, ['service', o.name, '--namespace', o.namespace, '--wait=false']).stdout;
  }
  return { stdout, stderr, exitCode };
}
