import type { Container } from '../api/types';
import type { ProcessRun } from '../shell/interpreter';
import type { ProgramContext } from './programs';
import { containerArgv, imageProfile } from './images';
import { mainPrograms } from './main-programs';
import { imageHasProgram, runContainerProgram } from './kubelet-exec';
import { shellProcess } from './programs/sh';
import { containerPrograms } from './programs';
import { podContainer } from '../api/pod-containers';

/**
 * A container's main process (PID 1): what the image's ENTRYPOINT and CMD, or the container's
 * command and args, start (see containerArgv), run over virtual time. A shell runs its script,
 * a server listens, any other program of the image runs to its end. The process ends with an
 * exit code, and the container with it.
 */

/** Entrypoint scripts of the catalogue's images, which end by exec'ing their arguments (`exec "$@"`). */
const entrypointScripts = new Set(['docker-entrypoint.sh', 'entrypoint.sh']);

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isProgram(name: string): boolean {
  const base = baseName(name);
  return base === 'sh' || base === 'bash' || mainPrograms.has(base) || containerPrograms.has(base);
}

/**
 * The argv the container's process really runs, once the image's entrypoint script has passed
 * its arguments on; undefined for an unknown image without a command (the simulator's convention).
 */
export function mainProcessArgv(spec: Container): string[] | undefined {
  const argv = containerArgv(spec.image, spec.command, spec.args);
  if (!argv || !entrypointScripts.has(baseName(argv[0] ?? ''))) return argv;
  const rest = argv.slice(1);
  const optionsTo = imageProfile(spec.image)?.optionsTo;
  if (optionsTo && (rest.length === 0 || rest[0].startsWith('-') || !isProgram(rest[0]))) return [optionsTo, ...rest];
  return rest;
}

/**
 * Starts argv as the container's main process; undefined when the image has no such program
 * (the runtime then fails to start the container, as runc does: see `executableNotFound`).
 */
export function startMainProcess(ctx: ProgramContext, argv: string[], write: (stdout: string, stderr: string) => void): ProcessRun | undefined {
  const base = baseName(argv[0] ?? '');
  if ((base === 'sh' || base === 'bash') && imageHasProgram(ctx, base)) {
    const stdinOpen = podContainer(ctx.pod, ctx.container)?.stdin === true;
    return shellProcess(ctx, base, argv.slice(1), write, stdinOpen);
  }
  const server = mainPrograms.get(base);
  if (server) {
    const started = server(argv.slice(1), ctx, write);
    if ('next' in started) return started;
    return (function* (): ProcessRun {
      write('', started.stderr);
      return started.exitCode;
    })();
  }
  const result = runContainerProgram(ctx, argv);
  if (!result) return undefined;
  return (function* (): ProcessRun {
    write(result.stdout, result.stderr);
    const ms = result.elapsedMs ?? 0;
    if (Number.isFinite(ms)) {
      if (ms > 0) yield { kind: 'sleep', ms };
    } else for (;;) yield { kind: 'forever', busy: false };
    return result.exitCode;
  })();
}
