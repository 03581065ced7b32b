import { workPerStep, type Cluster } from '../cluster';
import { printedResult, type ExecResult, type Write } from '../node/programs';
import type { CommandContext, ShellSession } from './context';
import { kubectl } from './kubectl';
import { simCommand } from './sim-commands';
import { laptopCat, laptopCurl } from './laptop';
import { cloudCommand } from './cloud-command';
import { filters } from '../shell/filters';
import { Shell, type Stepped } from '../shell/interpreter';
import type { ShellFiles } from '../shell/redirect';
import { laptopFiles } from './laptop-files';
import { parseShell } from '../shell/syntax';
import { syntaxErrorMessage } from '../shell/dialect';
import { sleep } from './sleep';
import { ssh } from './ssh';
import { ApiError } from '../core/api-error';

/** A command line being run in steps of virtual time (Console.start). */
export interface RunningLine {
  /**
   * Runs on for at most `maxMs` of virtual time; the result once the line has ended. Before each
   * program it runs (a loop's curls inside `kubectl exec … sh -c` too) it asks `pauseNow`: true
   * ends the step there, with no time passed, and the next step goes on from there as if it had
   * not stopped, provided nothing else ran the cluster meanwhile.
   */
  step(maxMs: number, pauseNow?: () => boolean): ExecResult | undefined;
  /** Stops the line as Ctrl-C does: the terminal shows `^C`, the exit code is 130. */
  interrupt(): ExecResult;
}

/** Where the console finds the files that `kubectl apply -f` and `delete -f` name, and keeps the ones a redirection writes. */
export interface ConsoleFiles {
  /** The text of a file, or undefined when there is none at that path. */
  readFile?(path: string): string | undefined;
  /** Stores a file the reader wrote (`> web.yaml`); without it the console keeps such files itself. */
  writeFile?(path: string, text: string): void;
}

/**
 * The most virtual time one command line may take in the console before the simulator stops it
 * (`while true; do sleep 1; done` would run until the reader pressed Ctrl-C).
 */
export const maxLineMs = 60 * 60_000;

/**
 * The command interpreter that widgets and the CLI share: the reader's bash, with kubectl, ssh
 * and sleep on its PATH, plus the simulator's own `sim …` commands. A line is a shell script in
 * the subset of sim/shell (pipelines, `;`, `&&`, `||`, `for`, `while`, `if`, variables, `$(…)`,
 * `\` line continuation); the console keeps its variables from one line to the next.
 *
 * Time: each command sees the cluster after everything due at the current instant has run
 * (controllers react to the previous command's writes at once); only `sleep`, `kubectl wait`,
 * `rollout status`, `delete`'s wait and programs that take time (curl to a dropped port, ssh to a
 * switched-off machine) let virtual time pass.
 *
 * Interactive commands (`kubectl exec -it POD -- sh`, `kubectl run -it …`) open a shell in a
 * container only when the console runs in a terminal (see terminal.ts), which passes `attach`.
 */
export class Console implements ShellSession {
  readonly prompt = '$ ';
  private readonly ctx: CommandContext;
  private readonly files: ShellFiles;
  private shell: Shell;
  /** What the running line has written so far, in order. */
  private out: Write[] = [];

  constructor(
    readonly cluster: Cluster,
    files: ConsoleFiles = {},
  ) {
    const laptop = laptopFiles(files);
    this.ctx = { cluster, readFile: laptop.read };
    this.files = laptop.shell;
    this.shell = this.newShell();
  }

  /** Set by a terminal: how an interactive command hands it a shell session to open. */
  set attach(attach: ((session: ShellSession) => void) | undefined) {
    this.ctx.attach = attach;
  }

  /** True once the reader typed `exit`; the next line starts a new shell (variables forgotten). */
  get closed(): boolean {
    return this.shell.exited;
  }

  /**
   * Runs a script: one line, or several joined by newlines (a `for` loop typed over several
   * lines). Blank lines and `#` comments print nothing and succeed. A line that fails to parse
   * prints bash's message and runs nothing. No exception escapes.
   */
  run(text: string): ExecResult {
    const line = this.start(text);
    for (;;) {
      const result = line.step(Infinity);
      if (result) return result;
    }
  }

  /**
   * Starts a line and lets the caller run it in steps of virtual time, so that a widget can show a
   * long `sleep` passing and stop it as Ctrl-C would:
   *
   *     const line = console.start('sleep 30');
   *     let result = line.step(1000);          // one second of virtual time, then back to the page
   *     …
   *     result = line.interrupt();             // the reader pressed Stop: `^C`, exit code 130
   *
   * `step(ms)` returns the line's result once it has ended, undefined while it still runs; each
   * step does a bounded amount of the cluster's work (sim/cluster.ts workPerStep). Commands that
   * wait on the cluster (`kubectl wait`, `rollout status`) run within one step, up to their timeout.
   * One line at a time: finish (or interrupt) a line before starting the next.
   */
  start(text: string): RunningLine {
    if (this.shell.exited) this.shell = this.newShell();
    const parsed = parseShell(text);
    if ('message' in parsed) {
      // The reader's own bash, at its prompt; what this console leaves out in its own words.
      const stderr = syntaxErrorMessage({ name: 'bash', dialect: 'bash', interactive: true }, parsed).replace("this simulator's sh", 'this console');
      const result = { stdout: '', stderr, exitCode: 2 };
      return { step: () => result, interrupt: () => result };
    }
    const out: Write[] = [];
    const process = this.shell.run(parsed.list);
    const begin = this.cluster.clock.now;
    // The line's share of the cluster's work left when it paused between commands (see step).
    let pausedWork: number | undefined;
    let sleeping = 0;
    let result: ExecResult | undefined;
    const finish = (exitCode: number, stderr = ''): ExecResult => {
      out.push({ stream: 'stderr', text: stderr });
      return (result = printedResult(out, exitCode));
    };
    const step = (maxMs: number, pauseNow?: () => boolean): ExecResult | undefined => {
      if (result) return result;
      this.out = out;
      // One step's share of the cluster's work: whatever the reader asks, the step ends.
      this.cluster.clock.limitWork(pausedWork ?? workPerStep);
      pausedWork = undefined;
      try {
        let left = maxMs;
        for (;;) {
          if (sleeping > 0) {
            const ms = Math.min(sleeping, left);
            this.cluster.advance(ms);
            sleeping -= ms;
            left -= ms;
            if (sleeping > 0) return undefined;
          }
          const next = process.next();
          if (next.done) return finish(next.value);
          if (next.value.kind === 'pause') {
            if (!pauseNow?.()) continue;
            pausedWork = this.cluster.clock.workLeft;
            return undefined;
          }
          const why =
            next.value.kind === 'forever'
              ? next.value.busy
                ? 'it ran 10000 commands without pausing'
                : 'it would wait forever'
              : this.cluster.clock.now - begin > maxLineMs
                ? `it ran for more than ${maxLineMs / 60_000} minutes`
                : undefined;
          if (why) return finish(130, `bash: the simulator stopped this command line: ${why} (in a real terminal, press Ctrl-C)\n`);
          if (next.value.kind === 'sleep') sleeping = next.value.ms;
          if (left <= 0 && sleeping > 0) return undefined;
        }
      } catch (e) {
        return finish(1, `bash: internal error of the simulator: ${(e as Error).message}\n`);
      } finally {
        this.cluster.clock.limitWork(Infinity);
      }
    };
    const interrupt = (): ExecResult => {
      if (result) return result;
      process.return(130);
      // The terminal echoes the interrupt character; bash reports 128 + SIGINT.
      out.push({ stream: 'stdout', text: '^C\n' });
      return finish(130);
    };
    return { step, interrupt };
  }

  private newShell(): Shell {
    return new Shell(
      {
        name: 'bash',
        dialect: 'bash',
        interactive: true,
        write: (stdout, stderr) => {
          this.out.push({ stream: 'stdout', text: stdout }, { stream: 'stderr', text: stderr });
        },
        run: (argv, stdin) => ({ steps: this.runCommand(argv, stdin) }),
        isFile: (path) => this.ctx.readFile(path) !== undefined,
        isDirectory: () => false,
        files: this.files,
      },
      new Map([['HOME', '/home/reader'], ['PATH', '/usr/local/bin:/usr/bin:/bin'], ['SHELL', '/bin/bash']]),
    );
  }

  /**
   * One command: a filter reads the previous command's output; the clock advances by the time it
   * took. It pauses where `kubectl exec`'s script does, between its commands.
   */
  private *runCommand([command, ...args]: string[], stdin: string | undefined): Stepped<ExecResult | undefined> {
    this.cluster.settle(0);
    const filter = filters.get(command) ?? (command === 'cat' ? laptopCat : undefined);
    const result = filter ? filter(args, { stdin, readFile: this.ctx.readFile }) : yield* this.dispatchApi(command, args);
    if (!result) return undefined;
    // The time a command takes passes as the line is stepped (the shell yields it).
    this.cluster.settle(0);
    return result;
  }

  /** An API error that reaches this far prints as kubectl prints it (cmdutil.CheckErr), never as an exception. */
  private *dispatchApi(command: string, args: string[]): Stepped<ExecResult | undefined> {
    try {
      return yield* this.dispatch(command, args);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { stdout: '', stderr: `${e.toString()}\n`, exitCode: 1 };
    }
  }

  private *dispatch(command: string, args: string[]): Stepped<ExecResult | undefined> {
    switch (command) {
      case 'kubectl':
        return yield* kubectl(this.ctx, args);
      case 'sleep':
        return sleep(args);
      case 'ssh':
        return ssh(this.cluster, args);
      case 'sim':
        return simCommand(this.cluster, args);
      case 'curl':
        return laptopCurl(this.cluster, args);
      case 'cloud':
        return cloudCommand(this.cluster, args);
      default:
        return undefined;
    }
  }
}
