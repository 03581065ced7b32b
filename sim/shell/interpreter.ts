import { writesOf, type ExecResult } from '../node/programs';
import type { Server } from '../node/main-programs';
import { parseShell, type AndOr, type Command, type List, type Pipeline } from './syntax';
import { applyRedirects, type ShellFiles } from './redirect';
import { errorPrefix, notFoundMessage, syntaxErrorMessage, type ShellVoice } from './dialect';
import { expandWord } from './words';
import { testBuiltin } from './test-builtin';
import { echoText } from './echo';

/**
 * Runs a parsed script over virtual time, as a generator: it pauses (yields) whenever a command
 * takes time (`sleep 30`), starts serving (a server program), or will never end, and the caller
 * resumes it when the cluster clock says so. `kubectl exec … sh -c` drives it to the end at once
 * and adds up the time; a container's main process is driven by the kubelet on the cluster clock,
 * and simply dropped when the container is killed.
 */

/**
 * A point before a program runs where no time passes: a caller that runs a long script over
 * several browser tasks (Console.start) may hand the thread back there; every other caller goes
 * straight on.
 */
export interface Pause {
  kind: 'pause';
}

/** Work that pauses between its commands (`kubectl exec … sh -c 'for …'`) and ends with a result. */
export type Stepped<T> = Generator<Pause, T, void>;

/** Runs stepped work to its end at once. */
export function finish<T>(work: Stepped<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Why a process pauses. */
export type ProcessStep =
  | Pause
  | { kind: 'sleep'; ms: number }
  | { kind: 'listen'; server: Server }
  /** It will never end by itself: it waits (`sleep infinity`, a server) or spins (`while true; do :; done`). */
  | { kind: 'forever'; busy: boolean };

/** A process that runs over time and ends with an exit code. */
export type ProcessRun = Generator<ProcessStep, number, void>;

/**
 * How many commands a script may run without time passing before the simulator treats it as a
 * busy loop that runs forever (a real one would spin the CPU until it is killed).
 */
export const busyLoopCommands = 10_000;

/** The shell's surroundings; its voice (name, dialect, interactive or not) decides how its errors read. */
export interface ShellHost extends ShellVoice {
  /**
   * Runs a program (not a builtin) with its environment; undefined when there is no such program.
   * `steps`: a program that pauses between commands of its own before its result.
   */
  run(argv: string[], stdin: string | undefined, env: ReadonlyMap<string, string>): ExecResult | ProcessRun | { steps: Stepped<ExecResult | undefined> } | undefined;
  /** Where the script's output goes, as it is printed. */
  write(stdout: string, stderr: string): void;
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
  /** The files redirections read and write (`> file`, `< file`). */
  files: ShellFiles;
}

/** `exit N`: unwinds the whole script. */
class Exit {
  constructor(readonly code: number) {}
}

const notSupported = new Set(['break', 'continue', 'return', 'function', 'source', '.', 'eval', 'exec', 'trap', 'read', 'cd', 'set', 'shift', 'wait']);

/** A shell's state while it runs a script: variables (the exported ones are the programs' environment) and `$?`. */
export class Shell {
  private vars: Map<string, string>;
  private exported: Set<string>;
  private status = 0;
  private commandsSinceTime = 0;
  /** The script's line of the command running now, for the shell's messages. */
  private line = 1;
  /** Virtual time that command substitutions took while a word was expanded, still to pass. */
  private substitutionMs = 0;
  /** Set once the script ran `exit`: an interactive shell then ends. */
  exited = false;

  constructor(
    private host: ShellHost,
    env: ReadonlyMap<string, string>,
  ) {
    this.vars = new Map(env);
    this.exported = new Set(env.keys());
  }

  /** Runs the script to its end (or `exit`); returns the exit code. The shell keeps its variables for the next run. */
  *run(list: List): ProcessRun {
    try {
      return yield* this.list(list);
    } catch (e) {
      if (e instanceof Exit) {
        this.exited = true;
        this.status = e.code;
        return e.code;
      }
      throw e;
    }
  }

  private *list(list: List): ProcessRun {
    for (const chain of list) yield* this.andOr(chain);
    return this.status;
  }

  private *andOr(chain: AndOr): ProcessRun {
    let code = yield* this.pipeline(chain.first);
    for (const { op, pipeline } of chain.rest) {
      if ((op === '&&') === (code === 0)) code = yield* this.pipeline(pipeline);
    }
    return code;
  }

  private *pipeline(p: Pipeline): ProcessRun {
    let stdin: string | undefined;
    let code = 0;
    for (const [n, command] of p.commands.entries()) {
      const last = n === p.commands.length - 1;
      const captured = { out: '' };
      code = yield* this.command(command, stdin, last ? undefined : captured);
      stdin = captured.out;
    }
    this.status = p.negated ? Number(code === 0) : code;
    return this.status;
  }

  private *command(c: Command, stdin: string | undefined, capture: { out: string } | undefined): ProcessRun {
    this.line = c.line;
    if (!c.redirects.length) return yield* this.unredirected(c, stdin, capture);
    // The pipe to the next command is set up first; the command's own redirections then win over it.
    const outer = this.host;
    const targets = c.redirects.map((r) => ({ ...r, path: this.expand(r.target.raw).join(' ') }));
    yield* this.substitutionTime();
    const routed = applyRedirects(targets, outer, c.line, outer.files, (text) => (capture ? (capture.out += text) : outer.write(text, '')), (text) => outer.write('', text));
    if ('error' in routed) {
      outer.write('', routed.error);
      this.status = routed.status;
      return routed.status;
    }
    this.host = { ...outer, write: routed.write };
    try {
      return yield* this.unredirected(c, routed.stdin ?? stdin, undefined);
    } finally {
      this.host = outer;
    }
  }

  private *unredirected(c: Command, stdin: string | undefined, capture: { out: string } | undefined): ProcessRun {
    if (c.type === 'simple') return yield* this.simple(c.words.map((w) => w.raw), stdin, capture);
    if (!capture) return yield* this.compound(c);
    // A compound command inside a pipeline: what it prints goes to the next command.
    const outer = this.host;
    this.host = { ...outer, write: (stdout, stderr) => ((capture.out += stdout), outer.write('', stderr)) };
    try {
      return yield* this.compound(c);
    } finally {
      this.host = outer;
    }
  }

  private *compound(c: Exclude<Command, { type: 'simple' }>): ProcessRun {
    if (c.type === 'for') {
      const items = c.items.flatMap((w) => this.expand(w.raw));
      yield* this.substitutionTime();
      let code = 0;
      for (const item of items) {
        this.vars.set(c.name, item);
        code = yield* this.list(c.body);
      }
      return code;
    }
    if (c.type === 'while') {
      let code = 0;
      for (;;) {
        const test = yield* this.list(c.test);
        if ((test === 0) === c.until) return code;
        code = yield* this.list(c.body);
      }
    }
    for (const branch of c.branches) {
      if ((yield* this.list(branch.test)) === 0) return yield* this.list(branch.body);
    }
    return c.otherwise ? yield* this.list(c.otherwise) : 0;
  }

  private expand(raw: string): string[] {
    return expandWord(raw, (name) => (name === '?' ? String(this.status) : this.vars.get(name)), (script) => this.substitute(script));
  }

  /**
   * `$(SCRIPT)`: runs SCRIPT in this shell with its stdout captured (stderr goes through), all at
   * once; the time it takes passes before the command that uses it runs (see substitutionTime).
   * A script that would never end is cut short, as runToEnd does.
   */
  private substitute(script: string): string {
    const parsed = parseShell(script);
    const outer = this.host;
    if ('message' in parsed) {
      outer.write('', syntaxErrorMessage(outer, parsed));
      return '';
    }
    let captured = '';
    this.host = { ...outer, write: (stdout, stderr) => ((captured += stdout), outer.write('', stderr)) };
    try {
      const run = this.list(parsed.list);
      for (let step = run.next(); !step.done; step = run.next()) {
        if (step.value.kind === 'sleep') this.substitutionMs += step.value.ms;
        if (step.value.kind === 'forever') {
          outer.write('', `${outer.name}: stopped: the command substitution $(${script}) would never end; the simulator cannot wait for it\n`);
          break;
        }
      }
    } catch (e) {
      // `exit` in a substitution ends only its subshell.
      if (!(e instanceof Exit)) throw e;
    } finally {
      this.host = outer;
    }
    return captured;
  }

  /** Lets the time that the last expansion's command substitutions took pass. */
  private *substitutionTime(): Generator<ProcessStep, void, void> {
    if (!this.substitutionMs) return;
    const ms = this.substitutionMs;
    this.substitutionMs = 0;
    this.commandsSinceTime = 0;
    yield { kind: 'sleep', ms };
  }

  private env(extra: Map<string, string>): Map<string, string> {
    const env = new Map([...this.vars].filter(([name]) => this.exported.has(name)));
    for (const [name, value] of extra) env.set(name, value);
    return env;
  }

  private *simple(raws: string[], stdin: string | undefined, capture: { out: string } | undefined): ProcessRun {
    if (++this.commandsSinceTime > busyLoopCommands) {
      yield { kind: 'forever', busy: true };
    }
    // Leading NAME=VALUE words are assignments: to the shell, or to the command's environment.
    const assignments = new Map<string, string>();
    let i = 0;
    for (; i < raws.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(raws[i]); i++) {
      const eq = raws[i].indexOf('=');
      assignments.set(raws[i].slice(0, eq), this.expand(raws[i].slice(eq + 1)).join(' '));
    }
    const argv = raws.slice(i).flatMap((raw) => this.expand(raw));
    yield* this.substitutionTime();
    const write = (stdout: string, stderr: string) => {
      if (capture) capture.out += stdout;
      if (!capture || stderr) this.host.write(capture ? '' : stdout, stderr);
    };
    if (argv.length === 0) {
      for (const [name, value] of assignments) this.vars.set(name, value);
      return 0;
    }
    const [name, ...args] = argv;
    const builtin = this.builtin(name, args, write);
    if (builtin !== undefined) return builtin;
    // Before the program, not after: a line's last command ends the line in the same step.
    yield { kind: 'pause' };
    let ran = this.host.run(argv, stdin, this.env(assignments));
    if (ran && 'steps' in ran) ran = yield* ran.steps;
    if (!ran) {
      write('', notFoundMessage(this.host, this.line, name));
      return 127;
    }
    if ('next' in ran) {
      this.commandsSinceTime = 0;
      return yield* ran;
    }
    for (const w of writesOf(ran)) write(w.stream === 'stdout' ? w.text : '', w.stream === 'stderr' ? w.text : '');
    if (ran.elapsedMs) {
      this.commandsSinceTime = 0;
      if (Number.isFinite(ran.elapsedMs)) yield { kind: 'sleep', ms: ran.elapsedMs };
      else for (;;) yield { kind: 'forever', busy: false };
    }
    return ran.exitCode;
  }

  /** Builtins: true, false, :, echo, exit, export, test and [; undefined when `name` is not one. */
  private builtin(name: string, args: string[], write: (stdout: string, stderr: string) => void): number | undefined {
    if (name === 'true' || name === ':') return 0;
    if (name === 'echo') {
      write(echoText(args), '');
      return 0;
    }
    if (name === 'false') return 1;
    if (name === 'exit') {
      const code = args.length ? Number(args[0]) : this.status;
      if (!Number.isInteger(code)) {
        const bash = this.host.dialect === 'bash';
        write('', `${errorPrefix(this.host, this.line)}exit: ${bash ? `${args[0]}: numeric argument required` : `Illegal number: ${args[0]}`}\n`);
        throw new Exit(2);
      }
      throw new Exit(code & 255);
    }
    if (name === 'export') {
      for (const a of args) {
        const eq = a.indexOf('=');
        const key = eq < 0 ? a : a.slice(0, eq);
        if (eq >= 0) this.vars.set(key, a.slice(eq + 1));
        this.exported.add(key);
      }
      return 0;
    }
    if (name === '[' || name === 'test') {
      const r = testBuiltin(name, args, { shell: this.host.name, isFile: this.host.isFile, isDirectory: this.host.isDirectory });
      write('', r.stderr);
      return r.exitCode;
    }
    if (notSupported.has(name)) {
      write('', `${this.host.name}: ${name}: not supported by this simulator's sh (it runs commands, pipelines, ; && ||, for, while, until, if, test and NAME=VALUE)\n`);
      return 2;
    }
    return undefined;
  }
}

/**
 * Runs a process to its end at once, adding up the time it takes (`kubectl exec`, an exec probe):
 * the result's elapsedMs. A process that would never end is cut short with a message.
 */
export function runToEnd(run: ProcessRun, name: string): { exitCode: number; elapsedMs: number; stderr: string } {
  return finish(runToEndSteps(run, name));
}

/** runToEnd, pausing where the process pauses between commands. */
export function* runToEndSteps(run: ProcessRun, name: string): Stepped<{ exitCode: number; elapsedMs: number; stderr: string }> {
  let elapsedMs = 0;
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return { exitCode: step.value, elapsedMs, stderr: '' };
    const s = step.value;
    if (s.kind === 'pause') yield s;
    else if (s.kind === 'sleep') elapsedMs += s.ms;
    else if (s.kind === 'forever') {
      const why = s.busy ? `ran ${busyLoopCommands} commands without pausing` : 'would wait forever';
      return { exitCode: 130, elapsedMs, stderr: `${name}: stopped: the command ${why}; the simulator cannot wait for it (run it as a container's command instead)\n` };
    }
  }
}
