/**
 * Which shell a script runs in decides how its errors read. Three are met in the course's images
 * and terminals:
 * - `ash`, BusyBox's `sh` (busybox and Alpine images): `sh: foo: not found`;
 * - `dash`, the `sh` of Debian and Ubuntu images (nginx, httpd, echoserver): it names the line,
 *   `sh: 1: foo: not found` (dash src/error.c: `"%s: %d: "` with the script's name and the line);
 * - `bash`: `bash: line 1: foo: command not found` when it runs a script (`bash -c`, `ssh node
 *   CMD`), `bash: foo: command not found` at an interactive prompt.
 */
export type Dialect = 'ash' | 'dash' | 'bash';

export interface ShellVoice {
  /** `sh` or `bash`: how the shell was started, the first word of its messages. */
  name: string;
  dialect: Dialect;
  /** An interactive shell (a terminal's prompt): bash then leaves out the line. */
  interactive?: boolean;
}

/** The start of an error about the command on `line` (1 for the script's first). */
export function errorPrefix(voice: ShellVoice, line: number): string {
  if (voice.dialect === 'dash') return `${voice.name}: ${line}: `;
  if (voice.dialect === 'bash' && !voice.interactive) return `${voice.name}: line ${line}: `;
  return `${voice.name}: `;
}

/** A command that is neither a builtin nor a program on the PATH (exit status 127). */
export function notFoundMessage(voice: ShellVoice, line: number, command: string): string {
  return `${errorPrefix(voice, line)}${command}: ${voice.dialect === 'bash' ? 'command not found' : 'not found'}\n`;
}
