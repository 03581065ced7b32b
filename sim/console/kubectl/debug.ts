import type { EphemeralContainer, Pod } from '../../api/types';
import { ApiError } from '../../core/api-error';
import { Rng, seedFrom } from '../../core/rng';
import type { ExecResult } from '../../node/programs';
import { execTarget } from '../../node/kubelet-exec';
import { mainProcessArgv } from '../../node/main-process';
import { namespaceOf, type CommandContext } from '../context';
import { ContainerShell } from '../container-shell';
import { kubectlError } from '../result';
import { advanceUntil } from '../wait-until';
import { interactiveShell } from './exec';
import { isError, parseFlags } from './flags';
import { attachNotices, podRunningTimeoutMs } from './run-attach';

/**
 * `kubectl debug [-it] POD --image=IMAGE [--target=CONTAINER] [-c NAME] [-- COMMAND…]`: adds an
 * ephemeral container to a running Pod (the ephemeralcontainers subresource), named
 * `debugger-xxxxx` unless -c names it; the kubelet starts it in the Pod's sandbox, so it shares
 * the Pod's network (and with --target, the target's processes). With -i kubectl waits for it to
 * run and attaches: in a terminal, a shell becomes the reader's nested prompt, as with
 * `kubectl exec -it`; when it exits the container ends and is never restarted.
 *
 * The name's five characters come from kubectl's own random source, not the cluster's: a stream
 * seeded from the Pod's uid and how many ephemeral containers it has, so other names do not move.
 * Sources: staging/src/k8s.io/kubectl/pkg/cmd/debug/debug.go (computeDebugContainerName,
 * generateDebugContainer, the "Targeting container" note) and pkg/cmd/attach/attach.go
 * (reattachMessage for an ephemeral container).
 */
export function kubectlDebug(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [
    { long: 'image' },
    { long: 'target' },
    { long: 'container', short: 'c' },
    { long: 'stdin', short: 'i', bool: true },
    { long: 'tty', short: 't', bool: true },
    { long: 'quiet', short: 'q', bool: true },
    { long: 'profile' },
  ], 'debug');
  if (isError(parsed)) return parsed;
  const { values, args, afterDash } = parsed;
  const on = (flag: string) => values.get(flag) === 'true';
  if (args.length === 0) return kubectlError('NAME is required for debug');
  const image = values.get('image');
  if (!image) return kubectlError('--image is required');
  if (on('tty') && !on('stdin')) return kubectlError('-i/--stdin is required for containers with -t/--tty=true');
  const [type, podName] = args[0].includes('/') ? args[0].split('/', 2) : ['pod', args[0]];
  if (['node', 'nodes', 'no'].includes(type)) return kubectlError('debugging a node with a privileged Pod is not simulated here; use ssh NODE COMMAND');
  if (!['pod', 'pods', 'po'].includes(type)) return kubectlError(`cannot debug ${type}/${podName}: this simulator debugs pods named directly`);

  const namespace = namespaceOf(values);
  const store = ctx.cluster.store;
  const pod = store.get<Pod>('Pod', namespace, podName);
  if (!pod) return { stdout: '', stderr: `${ApiError.notFound('Pod', podName)}\n`, exitCode: 1 };
  const taken = new Set([...pod.spec.containers, ...(pod.spec.ephemeralContainers ?? [])].map((c) => c.name));
  const target = values.get('target');
  const index = pod.spec.ephemeralContainers?.length ?? 0;
  const invalid = (cause: string) => ({ stdout: '', stderr: `The Pod "${podName}" is invalid: spec.ephemeralContainers[${index}].${cause}\n`, exitCode: 1 });
  if (target && !pod.spec.containers.some((c) => c.name === target)) return invalid(`targetContainerName: Not found: "${target}"`);
  let stdout = target ? `Targeting container "${target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n` : '';
  let name = values.get('container');
  if (name && taken.has(name)) return invalid(`name: Duplicate value: "${name}"`);
  if (!name) {
    const rng = new Rng(seedFrom(`${pod.metadata.uid}/${index}`));
    while (!name || taken.has(name)) name = `debugger-${rng.suffix(5)}`;
    if (!on('quiet')) stdout += `Defaulting debug container name to ${name}.\n`;
  }
  const container: EphemeralContainer = {
    name,
    image,
    ...(afterDash?.length ? { command: afterDash } : {}),
    ...(on('stdin') ? { stdin: true } : {}),
    ...(on('tty') ? { tty: true } : {}),
    terminationMessagePolicy: 'File',
    ...(target ? { targetContainerName: target } : {}),
  };
  store.mutate<Pod>('Pod', namespace, podName, (p) => {
    p.spec.ephemeralContainers = [...(p.spec.ephemeralContainers ?? []), container];
  });
  if (!on('stdin')) return { stdout, stderr: '', exitCode: 0 };
  return attachDebugContainer(ctx, stdout, namespace, podName, container, on('tty'));
}

/** waitForContainer, then attach: the notices, and the nested shell in a terminal. */
function attachDebugContainer(ctx: CommandContext, stdout: string, namespace: string, podName: string, container: EphemeralContainer, tty: boolean): ExecResult {
  const cluster = ctx.cluster;
  const current = () => cluster.store.get<Pod>('Pod', namespace, podName);
  const state = () => current()?.status?.ephemeralContainerStatuses?.find((s) => s.name === container.name)?.state;
  if (!advanceUntil(cluster, () => !current() || !!state()?.running || !!state()?.terminated, podRunningTimeoutMs)) {
    return { stdout, stderr: 'error: timed out waiting for the condition\n', exitCode: 1 };
  }
  const terminal = tty && ctx.attach !== undefined;
  const notices = (tty && !terminal ? 'Unable to use a TTY - input is not a terminal or the right kind of file\n' : '') + attachNotices;
  const shell = interactiveShell(mainProcessArgv(container) ?? []);
  const pod = current();
  const host = pod?.spec.nodeName ? cluster.nodes.get(pod.spec.nodeName) : undefined;
  // attach.go reattachMessage: only for a Pod that restarts its containers.
  const reattach =
    terminal && pod?.spec.restartPolicy !== 'Never' && pod?.spec.restartPolicy !== 'OnFailure'
      ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${podName} -c ${container.name} -n ${namespace} -i -t' if it is still running\n`
      : '';
  const ended = (code: number): ExecResult => {
    const now = current();
    if (now) host?.kubelet?.mainProcessExited(now, container.name, code);
    return { stdout: reattach, stderr: '', exitCode: 0 };
  };
  if (!shell) {
    return { stdout, stderr: `${notices}error: this simulator attaches only to a shell (sh, bash) that reads the terminal; use kubectl exec or kubectl logs\n`, exitCode: 1 };
  }
  if (!terminal) return { stdout: stdout + ended(0).stdout, stderr: notices, exitCode: 0 };
  const attached = execTarget(cluster, namespace, podName, container.name);
  if ('exitCode' in attached) return attached;
  ctx.attach!(new ContainerShell(cluster, attached.ctx, shell, ended));
  return { stdout, stderr: notices, exitCode: 0 };
}
