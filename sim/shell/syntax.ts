import { tokenize, type RedirectOp, type Token, type Word } from './words';

/**
 * The grammar of the container shell (a small subset of BusyBox ash, POSIX Shell Command Language
 * 2.9): lists of and-or chains of pipelines, separated by `;` or newlines, whose commands are
 * simple commands or the compound commands `for NAME in WORDS; do …; done`, `while …; do …; done`,
 * `until …; do …; done` and `if …; then …; [elif …; then …;] [else …;] fi`, each with its
 * redirections (`cmd > file 2>&1`, `done < list`). `case`, `{ }`, `( )`, functions, here-documents
 * and background jobs are refused with a message. A `(` or `)` anywhere else is the syntax error
 * the shells report (`echo a)b`: ash `unexpected ")"`, dash `")" unexpected`).
 */

/** A redirection: the operator and its target word (a file, or a descriptor for `>&` and `<&`). */
export interface Redirection extends RedirectOp {
  target: Word;
}

/** What a command does, before its redirections. */
type CommandBody =
  | { type: 'simple'; words: Word[] }
  | { type: 'for'; name: string; items: Word[]; body: List }
  | { type: 'while'; until: boolean; test: List; body: List }
  | { type: 'if'; branches: { test: List; body: List }[]; otherwise?: List };

export type Command = CommandBody & {
  redirects: Redirection[];
  /** The script's line the command starts on, from 1: dash and bash name it in their errors. */
  line: number;
};

export interface Pipeline {
  commands: Command[];
  /** `! pipeline`: the exit status is negated. */
  negated: boolean;
}

/** Pipelines joined by `&&` and `||`, run left to right. */
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export type List = AndOr[];

/**
 * What went wrong, for each shell to word as it does (see syntaxErrorMessage in dialect.ts):
 * - `unexpected`: a token where the grammar wanted another (`token` undefined: the script ended),
 *   with the word the grammar was `expecting` if only one would do;
 * - `quote`: the script ended inside a quote (`'`, `"`) or a `$(` (quote `)`);
 * - `unsupported`: something the simulator's shell leaves out, in its own words.
 * `message` is BusyBox ash's wording without the leading `sh: `; `line` the script's line the shell
 * names (the token's, or the last for the end of the script); `lineText` that line, which bash
 * quotes; `incomplete` when the script only ended too early (an open quote, a `for` without
 * `done`, a trailing `|`), where an interactive shell asks for more (PS2, `> `); `bashLine` the line
 * bash names instead, where it differs: at the end of the script, the line after the last unless the
 * script ends with a newline, and for an open quote the line the quote opened on (bash 5.2.15:
 * `bash -c 'if'` says line 2, `bash -c $'echo a\necho "b\nc'` line 2; dash says 1 and 3).
 */
export type SyntaxError = { message: string; line: number; bashLine?: number; incomplete?: boolean } & (
  | { kind: 'unexpected'; token?: string; tokenName: string; expecting?: string; lineText: string }
  | { kind: 'quote'; quote: string }
  | { kind: 'unsupported' }
);

/** Words that end a compound command's part: a list stops before them, and its caller says what it expected. */
const closers = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const reserved = new Set(['if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'for', 'while', 'until', 'in', 'case', 'esac', '{', '}', '!']);
const unsupported: Record<string, string> = {
  case: '`case` is not supported by this simulator\'s sh (it runs for, while, until and if)',
  '{': 'command groups `{ …; }` are not supported by this simulator\'s sh',
  '(': 'subshells `( … )` are not supported by this simulator\'s sh',
  function: 'functions `NAME() { …; }` are not supported by this simulator\'s sh',
};

/**
 * Parses a script; an empty script is an empty list. `firstLine`: the line the script starts on
 * (an interactive shell counts the lines it has read).
 */
export function parseShell(script: string, firstLine = 1): { list: List } | SyntaxError {
  const lastLine = firstLine + script.split('\n').length - 1;
  /** The line bash names for the end of the script: the one after the last, unless the script ends with a newline. */
  const bashEnd = script.endsWith('\n') ? lastLine : lastLine + 1;
  const scanned = tokenize(script, true);
  if ('error' in scanned) {
    if (scanned.error === 'unterminated') {
      const message = scanned.quote === ')' ? 'syntax error: unexpected end of file (expecting ")")' : 'syntax error: unterminated quoted string';
      // bash names the line a quote or `` ` `` opened on, but for `$(` the end of the script, as for
      // an unexpected end (bash 5.2.15: `bash -c $'echo $(\nb'` says line 3, `` $'echo `\nb' `` line 1).
      const bashLine = scanned.quote === ')' ? bashEnd : firstLine + script.slice(0, scanned.at).split('\n').length - 1;
      return { kind: 'quote', quote: scanned.quote, message, line: lastLine, bashLine, incomplete: true };
    }
    return { kind: 'unsupported', message: `${scanned.what} are not supported by this simulator's sh`, line: firstLine };
  }
  const parser = new Parser(scanned.tokens, firstLine, lastLine);
  try {
    const list = parser.list(new Set());
    if (parser.peek()) throw parser.unexpected();
    return { list };
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    const { message, line } = e;
    if (!e.found) return { kind: 'unsupported', message, line };
    const lineText = script.split('\n')[line - firstLine] ?? '';
    const atEnd = e.found.token === undefined ? { incomplete: true, bashLine: bashEnd } : {};
    return { kind: 'unexpected', message, line, ...e.found, lineText, ...atEnd };
  }
}

/**
 * The complete commands of a script before `line`, where it has a syntax error: a shell reading a
 * script parses a line's commands and runs them before it reads the next line (dash, ash and bash
 * alike: dash src/main.c cmdloop, bash parse_and_execute), so those run before the error is
 * reported. The longest run of whole lines that parses on its own is what it ran.
 */
export function commandsBefore(script: string, line: number): List {
  const lines = script.split('\n');
  for (let k = line - 1; k > 0; k--) {
    const parsed = parseShell(lines.slice(0, k).join('\n'));
    if (!('message' in parsed)) return parsed.list;
  }
  return [];
}

/** A parse error; `found` for a token the grammar did not want (see SyntaxError's `unexpected`). */
class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly found?: { token?: string; tokenName: string; expecting?: string },
  ) {
    super(message);
  }
}

class Parser {
  private i = 0;
  /** The line each token starts on: newlines count, those inside quoted words too. */
  private readonly lines: number[] = [];

  constructor(
    private tokens: Token[],
    firstLine: number,
    /** The script's last line, where the end of the script is. */
    private readonly lastLine: number,
  ) {
    let line = firstLine;
    for (const t of tokens) {
      this.lines.push(line);
      if ('op' in t && t.op === 'newline') line++;
      else if ('word' in t) line += t.word.raw.split('\n').length - 1;
    }
  }

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  /** The reserved word at the current position, if the token is an unquoted one. */
  private keyword(): string | undefined {
    const t = this.peek();
    return t && 'word' in t && t.word.raw === t.word.text && reserved.has(t.word.text) ? t.word.text : undefined;
  }

  /**
   * The error for the current token, named as ash and dash name it (their tokname tables): `end of
   * file`, `newline`, `redirection` and `word` bare, a reserved word or an operator quoted.
   * Sources: busybox shell/ash.c (tokname_array, raise_error_unexpected_syntax), dash src/mktokens.
   */
  unexpected(expecting?: string): ShellSyntaxError {
    const t = this.peek();
    const wanted = expecting ? ` (expecting "${expecting}")` : '';
    const found = (token: string | undefined, tokenName: string) =>
      new ShellSyntaxError(`syntax error: unexpected ${tokenName}${wanted}`, t ? this.lines[this.i] : this.lastLine, { token, tokenName, ...(expecting ? { expecting } : {}) });
    if (!t) return found(undefined, 'end of file');
    if ('redirect' in t) return found(t.redirect.op, 'redirection');
    if ('op' in t) return t.op === 'newline' ? found('newline', 'newline') : found(t.op, `"${t.op}"`);
    return found(t.word.text, this.keyword() ? `"${t.word.text}"` : 'word');
  }

  /** The simulator's own refusal, at the current token. */
  private unsupported(message: string): ShellSyntaxError {
    return new ShellSyntaxError(message, this.lines[this.i] ?? this.lastLine);
  }

  private skipNewlines(): void {
    for (let t = this.peek(); t && 'op' in t && t.op === 'newline'; t = this.peek()) this.i++;
  }

  private expect(word: string): void {
    this.skipNewlines();
    if (this.keyword() !== word) throw this.unexpected(word);
    this.i++;
  }

  /** and-or chains until one of `end` (a reserved word) or the end of the script. */
  list(end: Set<string>): List {
    const list: List = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t) return list;
      const kw = this.keyword();
      if (kw && (end.has(kw) || closers.has(kw))) return list;
      list.push(this.andOr());
      const sep = this.peek();
      if (!sep) return list;
      if ('op' in sep && (sep.op === ';' || sep.op === 'newline')) this.i++;
      else if (!(this.keyword() && end.has(this.keyword()!))) throw this.unexpected();
    }
  }

  private andOr(): AndOr {
    const chain: AndOr = { first: this.pipeline(), rest: [] };
    for (let t = this.peek(); t && 'op' in t && (t.op === '&&' || t.op === '||'); t = this.peek()) {
      this.i++;
      this.skipNewlines();
      chain.rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return chain;
  }

  private pipeline(): Pipeline {
    const negated = this.keyword() === '!';
    if (negated) this.i++;
    const commands = [this.command()];
    for (let t = this.peek(); t && 'op' in t && t.op === '|'; t = this.peek()) {
      this.i++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { commands, negated };
  }

  private command(): Command {
    const line = this.lines[this.i];
    return { ...this.commandAt(), line };
  }

  private commandAt(): CommandBody & { redirects: Redirection[] } {
    const t = this.peek();
    if (t && 'op' in t && t.op === '(') throw this.unsupported(unsupported['(']);
    if (!t || 'op' in t) throw this.unexpected();
    const kw = this.keyword();
    const reason = kw && unsupported[kw];
    if (reason) throw this.unsupported(reason);
    if (kw === 'for') return { ...this.forCommand(), redirects: this.redirections() };
    if (kw === 'while' || kw === 'until') return { ...this.whileCommand(kw === 'until'), redirects: this.redirections() };
    if (kw === 'if') return { ...this.ifCommand(), redirects: this.redirections() };
    if (kw) throw this.unexpected();
    const words: Word[] = [];
    const redirects: Redirection[] = [];
    for (let w = this.peek(); w && !('op' in w); w = this.peek()) {
      if ('redirect' in w) {
        redirects.push(this.redirection());
        continue;
      }
      if (words.length === 0 && this.keyword()) break;
      words.push(w.word);
      this.i++;
    }
    if (words.length === 0 && redirects.length === 0) throw this.unexpected();
    // `name (` begins a function definition, `name() { …; }`.
    const next = this.peek();
    if (words.length === 1 && next && 'op' in next && next.op === '(') throw this.unsupported(unsupported.function);
    return { type: 'simple', words, redirects };
  }

  /** The redirections after a compound command's closing word. */
  private redirections(): Redirection[] {
    const redirects: Redirection[] = [];
    for (let t = this.peek(); t && 'redirect' in t; t = this.peek()) redirects.push(this.redirection());
    return redirects;
  }

  /** A redirection operator and the word after it. */
  private redirection(): Redirection {
    const t = this.peek() as { redirect: RedirectOp };
    this.i++;
    const target = this.peek();
    if (!target || !('word' in target)) throw this.unexpected();
    this.i++;
    return { ...t.redirect, target: target.word };
  }

  private forCommand(): Extract<CommandBody, { type: 'for' }> {
    this.i++;
    const name = this.peek();
    if (!name || !('word' in name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.word.text)) throw this.unexpected();
    this.i++;
    this.skipNewlines();
    if (this.keyword() !== 'in') throw this.unsupported('`for NAME` without `in WORDS` is not supported by this simulator\'s sh');
    this.i++;
    const items: Word[] = [];
    for (let w = this.peek(); w && 'word' in w; w = this.peek()) {
      items.push(w.word);
      this.i++;
    }
    const sep = this.peek();
    if (sep && 'op' in sep && (sep.op === ';' || sep.op === 'newline')) this.i++;
    return { type: 'for', name: name.word.text, items, body: this.doGroup() };
  }

  private whileCommand(until: boolean): Extract<CommandBody, { type: 'while' }> {
    this.i++;
    const test = this.list(new Set(['do']));
    return { type: 'while', until, test, body: this.doGroup() };
  }

  private doGroup(): List {
    this.expect('do');
    const body = this.list(new Set(['done']));
    this.expect('done');
    return body;
  }

  private ifCommand(): Extract<CommandBody, { type: 'if' }> {
    this.i++;
    const branches: { test: List; body: List }[] = [];
    let otherwise: List | undefined;
    for (;;) {
      const test = this.list(new Set(['then']));
      this.expect('then');
      const body = this.list(new Set(['elif', 'else', 'fi']));
      branches.push({ test, body });
      this.skipNewlines();
      const kw = this.keyword();
      if (kw === 'elif') {
        this.i++;
        continue;
      }
      if (kw === 'else') {
        this.i++;
        otherwise = this.list(new Set(['fi']));
      }
      this.expect('fi');
      return { type: 'if', branches, ...(otherwise ? { otherwise } : {}) };
    }
  }
}
