import { printedResult, type ExecResult, type Program, type ProgramContext, type Write } from '../programs';
import { runContainerProgram } from '../kubelet-exec';
import { mainPrograms } from '../main-programs';
import { commandsBefore, parseShell } from '../../shell/syntax';
import { Shell, finish, runToEndSteps, type ProcessRun, type Stepped } from '../../shell/interpreter';
import { processEnvironment } from './environ';
import { isDirectory, isFile, resolvePath } from './fs';
import { mapFiles } from '../../shell/redirect';
import { syntaxErrorMessage, type Dialect } from '../../shell/dialect';
import { imageSh } from '../images';
import { podContainer } from '../../api/pod-containers';

/**
 * `sh -c 'SCRIPT'`, `sh FILE` (dash or BusyBox ash) and `bash -c 'SCRIPT'`, `bash FILE`, the subset in sim/shell: pipelines, `;`,
 * newlines, `&&`, `||`, `!`, quotes, `$NAME`, `${NAME}`, `$?`, NAME=VALUE, export, for, while,
 * until, if, test and `[ ]`, exit, and redirections to and from the container's files. Without -c the shell reads its script from stdin: under
 * `kubectl exec` without -i, and as a container's main process without `stdin: true`, there is
 * none, so it exits 0 at once; a main process whose container keeps stdin open (`stdin: true`, as
 * `kubectl run -i` sets it) waits for an attached terminal instead. Errors read as the shell's (see dialect.ts): `sh: NAME: not found` (127),
 * `sh: syntax error: …` (2), naming the script file when there is one.
 * Source: busybox shell/ash.c, dash src/error.c (messages), POSIX Shell Command Language 2.9.
 */
export function shellProcess(ctx: ProgramContext, name: string, args: string[], write: (stdout: string, stderr: string) => void, attachedStdin = false): ProcessRun {
  return (function* (): ProcessRun {
    const dialect = shellDialect(ctx, name);
    let script = ctx.stdin ?? '';
    if (args[0] === '-c') {
      if (args.length < 2) {
        write('', `${name}: -c: option requires an argument\n`);
        return 2;
      }
      script = args[1];
    } else if (args[0]?.startsWith('-')) {
      write('', `${name}: ${args[0]}: this simulator's ${name} takes only -c SCRIPT\n`);
      return 2;
    } else if (args.length) {
      const path = resolvePath(args[0]);
      if (!ctx.fs || !isFile(ctx.fs, path)) {
        write('', cannotOpen(dialect, args[0]));
        // dash exits 2; bash and BusyBox ash 127 (bash 5.2.15, dash 0.5.12, BusyBox v1.35.0 run here).
        return dialect === 'dash' ? 2 : 127;
      }
      script = ctx.fs.get(path) ?? '';
    }
    // `sh FILE` names the file in its messages, where `sh -c` names itself.
    const file = args.length > 0 && args[0] !== '-c' ? args[0] : undefined;
    const voice = { name: file ?? name, dialect, file: file !== undefined };
    const parsed = parseShell(script);
    if ('message' in parsed) {
      // What comes before the error runs first; `exit` there ends the shell before it gets to it.
      const shell = containerShell(ctx, name, write, { file });
      const status = yield* shell.run(commandsBefore(script, parsed.line));
      if (shell.exited) return status;
      write('', syntaxErrorMessage(voice, parsed));
      return 2;
    }
    if (attachedStdin && args.length === 0) {
      // Its stdin stays open for `kubectl attach`: the shell waits for a line that only an
      // attached terminal sends (see sim/console/container-shell.ts).
      for (;;) yield { kind: 'forever', busy: false };
    }
    const shell = containerShell(ctx, name, write, { file });
    return yield* shell.run(parsed.list);
  })();
}

/**
 * `sh FILE` when there is no such file: bash's and BusyBox ash's strerror, dash's shorter errmsg
 * at line 0 (dash src/input.c setinputfile, src/error.c errmsg E_OPEN; busybox shell/ash.c).
 */
function cannotOpen(dialect: Dialect, file: string): string {
  if (dialect === 'bash') return `bash: ${file}: No such file or directory\n`;
  if (dialect === 'dash') return `sh: 0: cannot open ${file}: No such file\n`;
  return `sh: can't open '${file}': No such file or directory\n`;
}

/** Which shell `name` is in the container: bash, or its image's `sh` (dash or BusyBox ash: imageSh). */
export function shellDialect(ctx: ProgramContext, name: string): Dialect {
  return name === 'bash' ? 'bash' : imageSh(podContainer(ctx.pod, ctx.container)?.image ?? '');
}

/**
 * A shell in a container: its programs are the image's (servers start as the main process would
 * start them), its files the container's, its variables the process environment. It keeps its
 * variables from one script to the next, as an interactive shell does. `sh` is dash or BusyBox
 * ash, as the image has it (imageSh); `interactive` for a terminal's prompt.
 */
export function containerShell(ctx: ProgramContext, name: string, write: (stdout: string, stderr: string) => void, mode: { interactive?: boolean; file?: string } = {}): Shell {
  const fs = ctx.fs ?? new Map<string, string>();
  return new Shell(
    {
      // Reading a script file, the shell's messages name the file.
      name: mode.file ?? name,
      dialect: shellDialect(ctx, name),
      interactive: mode.interactive,
      file: mode.file !== undefined,
      write,
      isFile: (path) => isFile(fs, path),
      isDirectory: (path) => isDirectory(fs, path),
      files: mapFiles(fs, resolvePath, (path) => isDirectory(fs, path)),
      run: (argv, stdin, env) => {
        const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
        const server = mainPrograms.get(base);
        if (server) {
          const started = server(argv.slice(1), ctx);
          return 'next' in started ? started : { stdout: '', stderr: started.stderr, exitCode: started.exitCode };
        }
        return runContainerProgram({ ...ctx, stdin, env }, argv);
      },
    },
    processEnvironment(ctx),
  );
}

/** The shell as a program that runs to its end (kubectl exec, exec probes, a script's `sh -c`), pausing between its commands in `steps`. */
function shellProgram(name: string): Program {
  const steps = function* (ctx: ProgramContext, args: string[]): Stepped<ExecResult> {
    // What the script printed, in order: a loop's failures stay between its successes.
    const writes: Write[] = [];
    const r = yield* runToEndSteps(shellProcess(ctx, name, args, (o, e) => writes.push({ stream: 'stdout', text: o }, { stream: 'stderr', text: e })), name);
    writes.push({ stream: 'stderr', text: r.stderr });
    return { ...printedResult(writes, r.exitCode), ...(r.elapsedMs ? { elapsedMs: r.elapsedMs } : {}) };
  };
  return Object.assign((ctx: ProgramContext, args: string[]) => finish(steps(ctx, args)), { steps });
}

export const sh = shellProgram('sh');
export const bash = shellProgram('bash');
