import type { Cluster } from '../cluster';
import type { ExecResult } from '../node/programs';
import type { CommandContext } from './context';
import { kubectl } from './kubectl';
import { simCommand } from './sim-commands';
import { filters } from '../shell/filters';
import { parseScript, runScript, type ParseError } from '../shell/script';
import { sleep } from './sleep';
import { ssh } from './ssh';

/** Where the console finds the files that `kubectl apply -f` and `delete -f` name. */
export interface ConsoleFiles {
  /** The text of a file, or undefined when there is none at that path. */
  readFile?(path: string): string | undefined;
}

/**
 * The command interpreter that widgets and the CLI share: one line at a time, like a shell with
 * kubectl, ssh and sleep on its PATH, plus the simulator's own `sim …` commands.
 *
 * Time: each command sees the cluster after everything due at the current instant has run
 * (controllers react to the previous command's writes at once); only `sleep`, `kubectl wait`,
 * `rollout status`, `delete`'s wait and programs that take time (curl to a dropped port, ssh to a
 * switched-off machine) let virtual time pass.
 */
export class Console {
  private readonly ctx: CommandContext;

  constructor(
    readonly cluster: Cluster,
    files: ConsoleFiles = {},
  ) {
    this.ctx = { cluster, readFile: (path) => files.readFile?.(path) };
  }

  /**
   * Runs one line; blank lines and `#` comments print nothing and succeed. A line may be a
   * pipeline into the text filters (`ssh node-1 iptables-save | grep web`, `kubectl get pods |
   * grep -c Running`), and pipelines may be joined by `;`, `&&`, `||`. The words, the pipeline and
   * the filters come from sim/shell/, which the container's `sh -c` uses too; nothing is expanded
   * here (the reader's shell has no variables in this console).
   */
  run(line: string): ExecResult {
    const parsed = parseScript(line);
    if ('error' in parsed) return { stdout: '', stderr: `bash: ${bashError(parsed)}\n`, exitCode: 2 };
    if (!parsed.pipelines.length) return { stdout: '', stderr: '', exitCode: 0 };
    return runScript(parsed.pipelines, (words, stdin) => this.runCommand(words.map((w) => w.text), stdin));
  }

  /** One command of a pipeline: a filter reads the previous command's output; time passes as it says. */
  private runCommand([command, ...args]: string[], stdin: string | undefined): ExecResult {
    this.cluster.settle(0);
    const filter = filters.get(command);
    const result = filter ? filter(args, { stdin }) : this.dispatch(command, args);
    if (result.elapsedMs) this.cluster.advance(result.elapsedMs);
    this.cluster.settle(0);
    return result;
  }

  private dispatch(command: string, args: string[]): ExecResult {
    switch (command) {
      case 'kubectl':
        return kubectl(this.ctx, args);
      case 'sleep':
        return sleep(this.cluster, args);
      case 'ssh':
        return ssh(this.cluster, args);
      case 'sim':
        return simCommand(this.cluster, args);
      default:
        return { stdout: '', stderr: `bash: ${command}: command not found\n`, exitCode: 127 };
    }
  }
}

/** bash's wording for a line it cannot parse. */
function bashError(e: ParseError): string {
  if (e.error === 'unterminated') return e.quote === "'" ? "unexpected EOF while looking for matching `''" : 'unexpected EOF while looking for matching `"\'';
  if (e.error === 'unsupported') return `${e.what} are not supported in this console`;
  return `syntax error near unexpected token \`${e.token}'`;
}
