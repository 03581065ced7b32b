import type { ExecResult } from '../node/programs';
import type { Console } from './console';

/**
 * Runs a script of console commands, one per line, handing each command's result to `output`
 * (blank lines and `#` comments are skipped). Returns the last command's exit code, as
 * `bash script.sh` does: a teaching script may end well after showing an error on purpose.
 */
export function runScript(console: Console, text: string, output: (line: string, result: ExecResult) => void): number {
  let exitCode = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const result = console.run(line);
    output(line, result);
    exitCode = result.exitCode;
  }
  return exitCode;
}
