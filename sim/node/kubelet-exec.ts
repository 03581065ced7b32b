import type { HostEnvironment } from './programs';
import type { Pod } from '../api/types';
import { ApiError } from '../core/api-error';
import { containerPrograms, fail, withStderrAround, type ExecResult, type ProgramContext } from './programs';
import { runtimeId } from './container-runtime';
import { programUserland } from './programs/busybox';
import { hasDnsProgram } from './programs/dns-tools';
import { imageIsBare } from './images';
import { podContainer } from '../api/pod-containers';
import './programs/index';
import { finish, type Stepped } from '../shell/interpreter';

/**
 * Running programs in containers: what the container runtime does for an exec (probes and
 * `kubectl exec`), and what `kubectl exec` prints around it.
 */

/**
 * The runtime's error when argv[0] is not a program of the image (runc's wording, through
 * containerd): Go's exec.LookPath searches $PATH for a bare name, and only stats a path.
 * Sources: runc libcontainer/standard_init_linux.go, Go os/exec/lp_unix.go; pastes in
 * cert-manager#3784 (`stat /bin/sh`) and TheK8sBook#30.
 */
export function executableNotFound(program: string): string {
  const why = program.includes('/') ? `stat ${program}: no such file or directory` : 'executable file not found in $PATH';
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${why}: unknown`;
}

/**
 * Runs argv in a container; undefined when the image has no such program. An absolute path
 * (`/bin/cat`) names the same program as its base name. BusyBox images have no bash, and only
 * they have `ip` (the Debian-based images ship no iproute2); an image has the DNS tools it ships
 * (see dnsTools).
 */
export function runContainerProgram(ctx: ProgramContext, argv: string[]): ExecResult | undefined {
  return finish(runContainerProgramSteps(ctx, argv));
}

/** runContainerProgram, pausing where the program pauses between commands of its own (a shell's script). */
function* runContainerProgramSteps(ctx: ProgramContext, argv: string[]): Stepped<ExecResult | undefined> {
  const name = argv[0]?.startsWith('/') ? argv[0].slice(argv[0].lastIndexOf('/') + 1) : argv[0];
  if (!imageHasProgram(ctx, name)) return undefined;
  const program = name ? containerPrograms.get(name) : undefined;
  return program?.steps ? yield* program.steps(ctx, argv.slice(1)) : program?.(ctx, argv.slice(1));
}

/**
 * Whether the container's image ships the program `name` (a base name) of the simulator's: an image
 * FROM scratch or distroless has none, BusyBox images no bash, only they `ip`, and each image its
 * own DNS tools.
 */
export function imageHasProgram(ctx: ProgramContext, name: string): boolean {
  const image = podContainer(ctx.pod, ctx.container)?.image;
  if (image && imageIsBare(image)) return false;
  if (name === 'bash' && programUserland(ctx) === 'busybox') return false;
  if (name === 'ip' && programUserland(ctx) !== 'busybox') return false;
  return hasDnsProgram(ctx, name);
}

/**
 * `kubectl exec POD [-c CONTAINER] -- ARGV…`, with kubectl's and the API server's messages:
 * the default container is the first one (announced when there are several); a container that is
 * not running cannot be exec'd into; a failing command ends with `command terminated with exit
 * code N`, and kubectl exits with that code. It pauses where the program does (see Stepped).
 * Sources: kubectl/pkg/cmd/exec/exec.go, kubernetes/pkg/registry/core/pod/strategy.go (ExecLocation),
 * containerd's CRI exec errors.
 */
export function* kubectlExec(cluster: HostEnvironment, namespace: string, podName: string, container: string | undefined, argv: string[]): Stepped<ExecResult> {
  if (argv.length === 0 && cluster.store.get<Pod>('Pod', namespace, podName)) return fail('error: you must specify at least one command for the container\n');
  const target = execTarget(cluster, namespace, podName, container);
  if ('exitCode' in target) return target;
  const { ctx, notice } = target;
  const result = yield* runContainerProgramSteps(ctx, argv);
  if (!result) {
    return fail(
      `${notice}error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${runtimeId(cluster.rng)}": ${executableNotFound(argv[0])}\n`,
    );
  }
  if (!Number.isFinite(result.elapsedMs ?? 0)) {
    return fail(`${notice}${result.stderr}error: the simulator cannot wait for a command that never ends (${argv.join(' ')}); run it as a container's command instead\n`, 130);
  }
  const trailer = result.exitCode !== 0 ? `command terminated with exit code ${result.exitCode}\n` : '';
  return withStderrAround(result, notice, trailer);
}

/**
 * Where an exec runs: the running container's program context, and kubectl's notice when it
 * picked the default container; or what kubectl prints when it cannot exec there.
 */
export function execTarget(
  cluster: HostEnvironment,
  namespace: string,
  podName: string,
  container: string | undefined,
): { ctx: ProgramContext & { pod: Pod; container: string; fs: Map<string, string> }; notice: string } | ExecResult {
  const pod = cluster.store.get<Pod>('Pod', namespace, podName);
  if (!pod) return fail(`${ApiError.notFound('Pod', podName)}\n`);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}\n`);
  const names = pod.spec.containers.map((c) => c.name);
  let notice = '';
  if (container === undefined && names.length > 1) notice = `Defaulted container "${names[0]}" out of: ${names.join(', ')}\n`;
  const name = container ?? names[0];
  // An ephemeral container (kubectl debug) takes exec and attach too, when named.
  if (!names.includes(name) && !pod.spec.ephemeralContainers?.some((c) => c.name === name)) return fail(`${new ApiError('BadRequest', `container ${name} is not valid for pod ${podName}`)}\n`);
  const host = pod.spec.nodeName ? cluster.nodes.get(pod.spec.nodeName) : undefined;
  if (!host) return fail(`${new ApiError('BadRequest', `pod ${podName} does not have a host assigned`)}\n`);
  if (!host.running) return fail(`${notice}Error from server: error dialing backend: dial tcp ${host.ip}:10250: i/o timeout\n`);
  const fs = host.kubelet?.runningContainerFiles(pod, name);
  if (!fs) return fail(`${notice}error: unable to upgrade connection: container not found ("${name}")\n`);
  return { ctx: { cluster, node: host, pod, container: name, fs }, notice };
}
