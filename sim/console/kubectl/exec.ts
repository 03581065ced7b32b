import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';

/**
 * `kubectl exec [-it] POD [-c CONTAINER] -- COMMAND [ARGS…]`: runs a program in a container
 * through the kubelet. A program that waits (curl to a dropped port) returns the virtual time it
 * took as `elapsedMs`, which the console lets pass.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go.
 */
export function kubectlExec(ctx: CommandContext, argv: string[]): ExecResult {
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
  let pod = args[0];
  if (pod.includes('/')) {
    const [type, name] = pod.split('/', 2);
    if (!['pod', 'pods', 'po'].includes(type.toLowerCase())) return kubectlError(`cannot attach to ${type}/${name}: this simulator execs into pods named directly`);
    pod = name;
  }
  return ctx.cluster.exec(namespaceOf(values), pod, values.get('container'), afterDash);
}
