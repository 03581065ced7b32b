import type { ExecResult } from '../node/programs';
import { parseShell } from '../shell/syntax';
import type { Console } from './console';
import type { ShellSession } from './context';

/**
 * The reader's terminal: the engine API for a console with nested prompts, which the Console
 * widget and the CLI's scripts drive one typed line at a time.
 *
 * ```ts
 * const terminal = new Terminal(new Console(cluster));
 * terminal.prompt;                 // '$ '
 * terminal.input('kubectl run -it --rm --restart=Never t --image=busybox -- sh');
 * terminal.prompt;                 // '/ # ': the next lines go to the shell in the Pod
 * terminal.input('for i in 1 2; do');
 * terminal.prompt;                 // '> ': the loop is not complete yet
 * terminal.input('wget -qO- web; done');
 * terminal.input('exit');          // "Session ended, …", `pod "t" deleted …`; back to '$ '
 * ```
 *
 * - `input(line)` takes one line as typed (no newline) and returns what it printed (stdout and
 *   stderr apart, and the exit status). A line that leaves the script incomplete (a trailing `\`,
 *   an open quote or `$(`, a `for` without `done`, a trailing `|` or `&&`) prints nothing and the
 *   prompt becomes `> ` (PS2) until the script is complete; then the whole script runs.
 * - `prompt` is what a terminal shows before the next line: PS1 of the innermost shell, or `> `.
 * - `depth` is 0 in the reader's own shell, 1 in a shell opened from it (`kubectl exec -it`,
 *   `kubectl run -it`), and so on; `exit` in a nested shell returns to the one it came from, and
 *   `exit` in the reader's shell starts a fresh one (the cluster is kept).
 * - `interrupt()` is Ctrl-C: it drops a half-typed script and prints `^C`.
 *
 * A nested shell comes from a command that calls the context's `attach` (see context.ts): the
 * terminal opens it once the line that asked for it has finished.
 */
export class Terminal {
  private readonly sessions: ShellSession[];
  private pending: string[] = [];
  private opened: ShellSession | undefined;

  constructor(readonly console: Console) {
    this.sessions = [console];
    console.attach = (session) => {
      this.opened = session;
    };
  }

  get prompt(): string {
    return this.pending.length ? '> ' : this.current.prompt;
  }

  get depth(): number {
    return this.sessions.length - 1;
  }

  /** Runs one typed line, or keeps it until the script it starts is complete. */
  input(line: string): ExecResult {
    const text = [...this.pending, line].join('\n');
    if (incomplete(text)) {
      this.pending.push(line);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    this.pending = [];
    const session = this.current;
    this.opened = undefined;
    const result = session.run(text);
    if (session.closed && session !== this.console) this.sessions.pop();
    if (this.opened) this.sessions.push(this.opened);
    this.opened = undefined;
    return result;
  }

  /**
   * The input ended (a script's end of file): a script still incomplete runs now, to print the
   * shell's syntax error; undefined when nothing was pending.
   */
  endOfInput(): ExecResult | undefined {
    if (!this.pending.length) return undefined;
    const text = this.pending.join('\n');
    this.pending = [];
    return this.current.run(text);
  }

  /** Ctrl-C at the prompt: a half-typed script is dropped. */
  interrupt(): ExecResult {
    this.pending = [];
    return { stdout: '^C\n', stderr: '', exitCode: 130 };
  }

  private get current(): ShellSession {
    return this.sessions[this.sessions.length - 1];
  }
}

/** Does the script need more lines: a trailing backslash, or a parse that ran out of text? */
function incomplete(text: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(text)) return true;
  const parsed = parseShell(text);
  return 'message' in parsed && parsed.incomplete === true;
}
