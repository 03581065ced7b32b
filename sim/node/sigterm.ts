import type { Container } from '../api/types';
import { mainProcessArgv } from './main-process';

/**
 * What a container's main process does with the SIGTERM the runtime sends when the kubelet stops
 * it. A process running as PID 1 gets no default action for a signal it has no handler for: the
 * kernel drops SIGTERM, so a shell (`sh -c '…'`, which installs no handler) or `sleep` as PID 1
 * ignores it and dies only at the SIGKILL that ends the grace period (exit code 137). Every other
 * program follows the simulator's convention: it shuts down cleanly 2 s after SIGTERM, exit code 0.
 * Sources: pid_namespaces(7) ("the only signals that can be sent to the init process … are those
 * for which the init process has established a signal handler"); kubernetes/pkg/kubelet/kuberuntime/
 * kuberuntime_container.go (killContainer: StopContainer with the grace period, then SIGKILL).
 */
export const containerShutdownMs = 2000;

const ignoringPid1 = new Set(['sh', 'bash', 'ash', 'sleep']);

/** The ms after SIGTERM at which the main process exits by itself; Infinity when it ignores SIGTERM. */
export function exitsAfterSigtermMs(spec: Container): number {
  const argv = mainProcessArgv(spec);
  const program = argv?.[0]?.slice(argv[0].lastIndexOf('/') + 1);
  return program && ignoringPid1.has(program) ? Infinity : containerShutdownMs;
}
