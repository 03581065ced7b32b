import type { ExecResult } from '../node/programs';
import type { Console } from './console';
import { Terminal } from './terminal';

/**
 * Runs a script of console commands through a terminal, one line at a time as if typed, handing
 * each line's result to `output` with the prompt it was typed at (`$ `, `> ` for a continued
 * line, `/ # ` inside a shell that `kubectl exec -it POD -- sh` opened). Blank lines and `#`
 * comments at a prompt are skipped. `exit` in the reader's own shell ends the script. Returns the
 * last command's exit code, as `bash script.sh` does: a teaching script may end well after showing
 * an error on purpose.
 */
export function runScript(console: Console, text: string, output: (line: string, result: ExecResult, prompt: string) => void): number {
  const terminal = new Terminal(console);
  let exitCode = 0;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const trimmed = line.trim();
    const prompt = terminal.prompt;
    if (prompt !== '> ' && (trimmed === '' || trimmed.startsWith('#'))) continue;
    const result = terminal.input(line);
    output(line, result, prompt);
    if (terminal.prompt !== '> ') exitCode = result.exitCode;
    if (terminal.depth === 0 && console.closed) return exitCode;
  }
  const last = terminal.endOfInput();
  if (last) {
    output('', last, '');
    exitCode = last.exitCode;
  }
  return exitCode;
}
