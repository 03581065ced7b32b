import type { Cluster } from '../cluster';
import type { ExecResult } from '../node/programs';
import type { CommandContext } from './context';
import { kubectl } from './kubectl';
import { shellWords } from './shell-words';
import { simCommand } from './sim-commands';
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

  /** Runs one line; blank lines and `#` comments print nothing and succeed. */
  run(line: string): ExecResult {
    const parsed = shellWords(line);
    if ('error' in parsed) return { stdout: '', stderr: `bash: ${parsed.error}\n`, exitCode: 2 };
    const [command, ...args] = parsed.words;
    if (command === undefined) return { stdout: '', stderr: '', exitCode: 0 };
    this.cluster.settle(0);
    const result = this.dispatch(command, args);
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
