/**
 * The words and operators of one command line, as a POSIX shell reads them: blanks separate
 * words; single quotes keep everything literally; double quotes keep blanks and allow `\"`, `\\`,
 * `\$` and `` \` ``; a backslash outside quotes escapes the next character; an unquoted `#` at the
 * start of a word begins a comment (to the end of the line); `|`, `||`, `&&`, `;`, `(` and `)`
 * outside quotes are operators, and so is a newline in a script (see tokenize).
 *
 * A backslash before a newline joins the two lines (line continuation). Command substitution,
 * `$(…)` or `` `…` ``, stays inside its word (operators and blanks in it do not split the line)
 * and runs when the word is expanded.
 *
 * Shared by the console (the reader's bash) and the container shells (BusyBox ash, dash, bash),
 * which expand `$NAME`, `${NAME}`, `$?` and command substitutions when a command runs.
 *
 * A redirection operator outside quotes (`>`, `>>`, `>|`, `<`, `>&`, `<&`), with the file
 * descriptor number written right before it (`2>`), is a token of its own; the word after it is
 * its target. Background jobs (`&`), here-documents (`<<`) and `<>` are not part of the subset and
 * are reported, so that a word never silently carries them.
 */
export type Operator = '|' | '||' | '&&' | ';' | '(' | ')' | 'newline';

/** A redirection operator and the file descriptor it redirects (1 for `>`, 0 for `<` unless written). */
export interface RedirectOp {
  fd: number;
  op: '>' | '>>' | '>|' | '<' | '>&' | '<&';
}

export interface Word {
  /** The word with its quotes removed and nothing expanded. */
  text: string;
  /** The word as written, quotes included, for expansion when its command runs. */
  raw: string;
}

export type Token = { word: Word } | { op: Operator } | { redirect: RedirectOp };

/** `at`: where the unterminated quote or substitution opens. */
export type ScanError = { error: 'unterminated'; quote: "'" | '"' | ')' | '`'; at: number } | { error: 'unsupported'; what: string };

/** Looks a variable up for expansion; undefined when it is not set (it expands to nothing). */
export type Lookup = (name: string) => string | undefined;

/** Runs a command substitution's script and returns what it printed on stdout. */
export type Substitute = (script: string) => string;

/**
 * Splits a line into words and operators; nothing is expanded. With `newlines`, an unquoted
 * newline is a `newline` operator (a script's command separator); else it is a blank.
 */
export function tokenize(line: string, newlines = false): { tokens: Token[] } | ScanError {
  return scan(line, undefined, newlines);
}

/**
 * Expands one word as written (`raw`) when its command runs: variables are replaced, and an
 * unquoted expansion is split on blanks into several words (an empty one disappears).
 */
export function expandWord(raw: string, lookup: Lookup, substitute: Substitute = () => ''): string[] {
  const scanned = scan(raw, { lookup, substitute });
  if ('error' in scanned) return [raw];
  return scanned.tokens.flatMap((t) => ('word' in t ? [t.word.text] : []));
}

/**
 * The index of the `)` that closes the `$(` at `open`, skipping quotes and nested parentheses; -1
 * when the text ends first.
 */
function closingParen(line: string, open: number): number {
  let depth = 1;
  for (let i = open + 1; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === "'") {
      i = line.indexOf("'", i + 1);
      if (i < 0) return -1;
    } else if (c === '"') {
      for (i++; i < line.length && line[i] !== '"'; i++) if (line[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The command substitution at i (`$(…)` or `` `…` ``): its script and the index after it; null when unclosed, undefined when there is none. */
function substitution(line: string, i: number): { script: string; next: number } | null | undefined {
  if (line.startsWith('$(', i)) {
    const close = closingParen(line, i + 1);
    return close < 0 ? null : { script: line.slice(i + 2, close), next: close + 1 };
  }
  if (line[i] === '`') {
    const close = line.indexOf('`', i + 1);
    return close < 0 ? null : { script: line.slice(i + 1, close), next: close + 1 };
  }
  return undefined;
}

/** What a command substitution prints, as the shell uses it: trailing newlines removed. */
function substituted(run: Substitute, script: string): string {
  return run(script).replace(/\n+$/, '');
}

function scan(line: string, expand?: { lookup: Lookup; substitute: Substitute }, newlines = false): { tokens: Token[] } | ScanError {
  const lookup = expand?.lookup;
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  let start = 0;
  let i = 0;
  const end = () => {
    if (inWord) tokens.push({ word: { text: word, raw: line.slice(start, i) } });
    word = '';
    inWord = false;
  };
  const begin = () => {
    if (!inWord) start = i;
    inWord = true;
  };
  /** `$…` at i: the variable's value and the index after the reference, or undefined for a literal `$`. */
  const reference = (): { value: string; next: number } | undefined => {
    if (!lookup) return undefined;
    const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*|\?)\}/.exec(line.slice(i));
    const bare = /^\$([A-Za-z_][A-Za-z0-9_]*|\?)/.exec(line.slice(i));
    const m = braced ?? bare;
    return m ? { value: lookup(m[1]) ?? '', next: i + m[0].length } : undefined;
  };
  while (i < line.length) {
    const ch = line[i];
    const two = line.slice(i, i + 2);
    if (ch === '\n' && newlines) {
      end();
      tokens.push({ op: 'newline' });
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      end();
      i++;
    } else if (ch === '#' && !inWord) {
      const eol = line.indexOf('\n', i);
      if (eol < 0 || !newlines) break;
      i = eol;
    } else if (two === '||' || two === '&&') {
      end();
      tokens.push({ op: two });
      i += 2;
    } else if (ch === '|' || ch === ';' || ch === '(' || ch === ')') {
      end();
      tokens.push({ op: ch });
      i++;
    } else if (two === '\\\n') {
      // Line continuation: the backslash and the newline vanish.
      i += 2;
    } else if (ch === '`' || two === '$(') {
      const sub = substitution(line, i);
      if (!sub) return { error: 'unterminated', quote: ch === '`' ? '`' : ')', at: i };
      if (!expand) {
        begin();
        word += line.slice(i, sub.next);
        i = sub.next;
        continue;
      }
      // An unquoted substitution is split into fields on blanks, as a variable is.
      const fields = substituted(expand.substitute, sub.script).split(/[ \t\n]+/);
      i = sub.next;
      fields.forEach((field, n) => {
        if (n > 0) end();
        if (field) {
          begin();
          word += field;
        }
      });
    } else if (ch === '>' || ch === '<') {
      // Digits written right before the operator name the descriptor (`2>`); otherwise they are a word.
      const fdDigits = inWord && /^\d$/.test(word) && line.slice(start, i) === word ? Number(word) : undefined;
      if (fdDigits === undefined) end();
      else {
        word = '';
        inWord = false;
      }
      const pair = line.slice(i, i + 2);
      if (pair === '<<' || pair === '<>') return { error: 'unsupported', what: pair === '<<' ? 'here-documents (<<)' : 'the <> redirection' };
      const op = (['>>', '>|', '>&', '<&'] as const).find((o) => o === pair) ?? (ch as '>' | '<');
      tokens.push({ redirect: { fd: fdDigits ?? (ch === '>' ? 1 : 0), op } });
      i += op.length;
    } else if (ch === '&') {
      return { error: 'unsupported', what: 'background jobs (&)' };
    } else if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { error: 'unterminated', quote: "'", at: i };
      begin();
      word += line.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '"') {
      const open = i;
      begin();
      i++;
      for (;;) {
        if (i >= line.length) return { error: 'unterminated', quote: '"', at: open };
        const c = line[i];
        if (c === '"') break;
        const ref = c === '$' ? reference() : undefined;
        const sub = c === '`' || line.startsWith('$(', i) ? substitution(line, i) : undefined;
        if (sub === null) return { error: 'unterminated', quote: c === '`' ? '`' : ')', at: i };
        if (ref) {
          word += ref.value;
          i = ref.next;
        } else if (sub) {
          word += expand ? substituted(expand.substitute, sub.script) : line.slice(i, sub.next);
          i = sub.next;
        } else if (c === '\\' && line[i + 1] === '\n') {
          i += 2;
        } else if (c === '\\' && '"\\$`'.includes(line[i + 1] ?? '')) {
          word += line[i + 1];
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
      i++;
    } else if (ch === '\\') {
      begin();
      if (i + 1 < line.length) word += line[i + 1];
      i += 2;
    } else {
      const ref = ch === '$' ? reference() : undefined;
      if (!ref) {
        begin();
        word += ch;
        i++;
        continue;
      }
      // An unquoted expansion is split into fields on blanks.
      const fields = ref.value.split(/[ \t\n]+/);
      i = ref.next;
      fields.forEach((field, n) => {
        if (n > 0) end();
        if (field) {
          begin();
          word += field;
        }
      });
    }
  }
  end();
  return { tokens };
}
