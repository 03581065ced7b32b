import type { SyntaxError } from './syntax';

/**
 * Which shell a script runs in decides how its errors read. Three are met in the course's images
 * and terminals:
 * - `ash`, BusyBox's `sh` (busybox and Alpine images): `sh: foo: not found`, and from a script
 *   file `FILE: line 2: foo: not found` (busybox shell/ash.c ash_vmsg: arg0, then the line when
 *   a command name is set, which procargs sets to the script file after opening it);
 * - `dash`, the `sh` of Debian and Ubuntu images (nginx, httpd, echoserver): it names the line,
 *   `sh: 1: foo: not found` (dash src/error.c: `"%s: %d: "` with the script's name and the line);
 * - `bash`: `bash: line 1: foo: command not found` when it runs a script (`bash -c`, `ssh node
 *   CMD`), `bash: foo: command not found` at an interactive prompt.
 */
export type Dialect = 'ash' | 'dash' | 'bash';

export interface ShellVoice {
  /** `sh` or `bash`, how the shell was started; or the script file it reads (`sh FILE`): the first word of its messages. */
  name: string;
  dialect: Dialect;
  /** An interactive shell (a terminal's prompt): bash then leaves out the line. */
  interactive?: boolean;
  /** The shell reads a script file, `name`. */
  file?: boolean;
}

/** The start of an error about the command on `line` (1 for the script's first). */
export function errorPrefix(voice: ShellVoice, line: number): string {
  if (voice.dialect === 'dash') return `${voice.name}: ${line}: `;
  if ((voice.dialect === 'bash' && !voice.interactive) || (voice.dialect === 'ash' && voice.file)) return `${voice.name}: line ${line}: `;
  return `${voice.name}: `;
}

/** A command that is neither a builtin nor a program on the PATH (exit status 127). */
export function notFoundMessage(voice: ShellVoice, line: number, command: string): string {
  return `${errorPrefix(voice, line)}${command}: ${voice.dialect === 'bash' ? 'command not found' : 'not found'}\n`;
}

/**
 * What the shell prints for a script it cannot parse (it runs none of it, and exits 2):
 * - ash: `sh: syntax error: unexpected "fi" (expecting "then")` (raise_error_unexpected_syntax);
 * - dash: `sh: 1: Syntax error: "fi" unexpected (expecting "then")`, `Syntax error: Unterminated
 *   quoted string` (src/parser.c synexpect, synerror);
 * - bash: `bash: -c: line 1: syntax error near unexpected token `fi'` and the offending line
 *   quoted (not at a prompt), `syntax error: unexpected end of file`, `unexpected EOF while
 *   looking for matching `"'` (parse.y report_syntax_error, parse_matched_pair); a script file
 *   is named instead of `-c`.
 */
export function syntaxErrorMessage(voice: ShellVoice, e: SyntaxError): string {
  if (e.kind === 'unsupported') return `${errorPrefix(voice, e.line)}${e.message}\n`;
  if (voice.dialect === 'bash') {
    const where = voice.interactive ? `${voice.name}: ` : `${voice.name}: ${voice.file ? '' : '-c: '}line ${e.bashLine ?? e.line}: `;
    if (e.kind === 'quote') return `${where}unexpected EOF while looking for matching \`${e.quote}'\n`;
    if (e.token === undefined) return `${where}syntax error: unexpected end of file\n`;
    return `${where}syntax error near unexpected token \`${e.token}'\n${voice.interactive ? '' : `${where}\`${e.lineText}'\n`}`;
  }
  if (voice.dialect === 'ash') return `${errorPrefix(voice, e.line)}${e.message}\n`;
  const what =
    e.kind === 'unexpected'
      ? `${e.tokenName} unexpected${e.expecting ? ` (expecting "${e.expecting}")` : ''}`
      : e.quote === ')'
        ? 'end of file unexpected (expecting ")")'
        : 'Unterminated quoted string';
  return `${errorPrefix(voice, e.line)}Syntax error: ${what}\n`;
}
