/**
 * The words and operators of one command line, as a POSIX shell reads them: blanks separate
 * words; single quotes keep everything literally; double quotes keep blanks and allow `\"`, `\\`,
 * `\$` and `` \` ``; a backslash outside quotes escapes the next character; an unquoted `#` at the
 * start of a word begins a comment (to the end of the line); `|`, `||`, `&&` and `;` outside quotes
 * are operators, and so is a newline in a script (see tokenize).
 *
 * Shared by the console (the reader's bash, which never expands: it has no variables) and the
 * container `sh -c` (busybox sh, which expands `$NAME`, `${NAME}` and `$?` when a command runs).
 * Background jobs (`&`), redirections (`>`, `<`) and command substitution are not part of the
 * subset and are reported, so that a word never silently carries them.
 */
export type Operator = '|' | '||' | '&&' | ';' | 'newline';

export interface Word {
  /** The word with its quotes removed and nothing expanded. */
  text: string;
  /** The word as written, quotes included, for expansion when its command runs. */
  raw: string;
}

export type Token = { word: Word } | { op: Operator };

export type ScanError = { error: 'unterminated'; quote: "'" | '"' } | { error: 'unsupported'; what: string };

/** Looks a variable up for expansion; undefined when it is not set (it expands to nothing). */
export type Lookup = (name: string) => string | undefined;

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
export function expandWord(raw: string, lookup: Lookup): string[] {
  const scanned = scan(raw, lookup);
  if ('error' in scanned) return [raw];
  return scanned.tokens.flatMap((t) => ('word' in t ? [t.word.text] : []));
}

function scan(line: string, lookup?: Lookup, newlines = false): { tokens: Token[] } | ScanError {
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
    } else if (ch === '|' || ch === ';') {
      end();
      tokens.push({ op: ch });
      i++;
    } else if (ch === '&' || ch === '>' || ch === '<' || ch === '`' || two === '$(') {
      return { error: 'unsupported', what: ch === '&' ? 'background jobs (&)' : ch === '`' || two === '$(' ? 'command substitution' : `redirections (${ch})` };
    } else if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { error: 'unterminated', quote: "'" };
      begin();
      word += line.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '"') {
      begin();
      i++;
      for (;;) {
        if (i >= line.length) return { error: 'unterminated', quote: '"' };
        const c = line[i];
        if (c === '"') break;
        const ref = c === '$' ? reference() : undefined;
        if (ref) {
          word += ref.value;
          i = ref.next;
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
