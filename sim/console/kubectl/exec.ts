import { terminalText, withStderrAround, type ExecResult } from '../../node/programs';
import { execTarget, imageHasProgram } from '../../node/kubelet-exec';
import { namespaceOf, type CommandContext } from '../context';
import { ContainerShell } from '../container-shell';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';
import { podForArg } from './pod-for-object';
import type { Stepped } from '../../shell/interpreter';

/**
 * `kubectl exec [-it] (POD | TYPE/NAME) [-c CONTAINER] -- COMMAND [ARGS…]`: runs a program in a
 * container through the kubelet (`deploy/web` picks one of its Pods: pod-for-object.ts). A program that waits (curl to a dropped port) returns the virtual time it
 * took as `elapsedMs`, which the console lets pass.
 *
 * With `-i -t` in a terminal, a shell with no script (`sh`, `bash`, `/bin/sh`) opens an interactive
 * session: the reader's next lines go to it until `exit` (see container-shell.ts); when it ends
 * with a non-zero status kubectl says `command terminated with exit code N`. Any other command run
 * with a terminal prints its stderr on stdout, as over a TTY. With `-t` and no terminal (a widget
 * running one command) kubectl warns that it cannot use a TTY and runs the command without one.
 * It pauses where the program does (a script between its commands: see Stepped).
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (SetupTTY: "Unable to use a TTY - input
 * is not a terminal or the right kind of file"; with a raw TTY, stderr goes over stdout).
 */
export function* kubectlExec(ctx: CommandContext, argv: string[]): Stepped<ExecResult> {
  const parsed = parseFlags(argv, [
    { long: 'container', short: 'c' },
    { long: 'stdin', short: 'i', bool: true },
    { long: 'tty', short: 't', bool: true },
  ], 'exec');
  if (isError(parsed)) return parsed;
  const { values, args, afterDash } = parsed;
  if (args.length === 0) return kubectlError('pod, type/name or --filename must be specified');
  if (args.length > 1 || afterDash === undefined) {
    return kubectlError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  }
  const namespace = namespaceOf(values);
  let pod = args[0];
  if (pod.includes('/')) {
    const chosen = podForArg(ctx.cluster.store, pod, namespace, 'exec');
    if ('exitCode' in chosen) return chosen;
    pod = chosen.pod.metadata.name;
  }
  const tty = values.get('tty') === 'true';
  const stdin = values.get('stdin') === 'true';
  if (tty && !ctx.attach) {
    const result = yield* ctx.cluster.execSteps(namespace, pod, values.get('container'), afterDash);
    return withStderrAround(result, 'Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  const shell = interactiveShell(afterDash);
  if (tty && stdin && shell && ctx.attach) {
    const target = execTarget(ctx.cluster, namespace, pod, values.get('container'));
    if ('exitCode' in target) return target;
    // An image with no such shell (FROM scratch, distroless): the runtime's error, as without -it.
    if (!imageHasProgram(target.ctx, shell)) return yield* ctx.cluster.execSteps(namespace, pod, values.get('container'), afterDash);
    ctx.attach(
      new ContainerShell(ctx.cluster, target.ctx, shell, (code) => ({
        stdout: '',
        stderr: code === 0 ? '' : `command terminated with exit code ${code}\n`,
        exitCode: code,
      })),
    );
    return { stdout: '', stderr: target.notice, exitCode: 0 };
  }
  const result = yield* ctx.cluster.execSteps(namespace, pod, values.get('container'), afterDash);
  // Over a TTY the program's stderr arrives on stdout; kubectl's own lines stay on stderr: its last
  // one, and its error when no program ran (which ends without that line).
  const trailer = /command terminated with exit code \d+\n$/.exec(result.stderr)?.[0] ?? '';
  if (!tty || (result.exitCode !== 0 && !trailer)) return result;
  const merged = terminalText(result);
  return { exitCode: result.exitCode, elapsedMs: result.elapsedMs, stdout: merged.slice(0, merged.length - trailer.length), stderr: trailer };
}

/** The shell an argv starts with no script (`sh`, `/bin/bash`, `ash`), for an interactive session. */
export function interactiveShell(argv: string[]): 'sh' | 'bash' | undefined {
  if (argv.length !== 1) return undefined;
  const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  return base === 'bash' ? 'bash' : base === 'sh' || base === 'ash' ? 'sh' : undefined;
}
