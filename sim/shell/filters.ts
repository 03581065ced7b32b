import type { ExecResult } from '../node/programs';

/**
 * The text filters a reader pipes into: grep (-v -i -c -E -w -n -q, context -A -B -C), head -n,
 * tail -n, wc (-l -w -c), sort (-r -n -u), uniq (-c), cut (-d -f, -c), and seq. One module for both sides of `kubectl exec`: the console runs
 * them on the reader's machine (`kubectl get pods | grep web`), and every container image has them
 * (`sh -c 'cat /etc/resolv.conf | grep nameserver'`, `grep nameserver /etc/resolv.conf`).
 * Outputs, messages and exit codes are GNU coreutils' and GNU grep's (grep: 0 a line matched,
 * 1 none did, 2 an error); the busybox versions print the same for these options.
 */

/** Where a filter reads: the previous command's output, and files when it runs in a container. */
export interface FilterInput {
  stdin?: string;
  /** A file's content, or undefined when there is none (the console has no files). */
  readFile?(path: string): string | undefined;
}

export type Filter = (args: string[], input: FilterInput) => ExecResult;

/** Lines of a text; a final newline does not start another line. */
function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function print(lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

/** Splits options from operands (`--` ends options); an option taking a value may be glued (`-n3`) or not (`-n 3`). */
function options(args: string[], withValue: string): { flags: Map<string, string>; operands: string[] } | { bad: string } {
  const flags = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (/^-\d+$/.test(a) && withValue.includes('n')) {
      flags.set('n', a.slice(1));
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (withValue.includes(f)) {
        const v = a.slice(j + 1) || args[++i];
        if (v === undefined) return { bad: `option requires an argument -- '${f}'` };
        flags.set(f, v);
        break;
      }
      flags.set(f, '');
    }
  }
  return { flags, operands };
}

/** The text a filter reads: its file operands, or stdin. */
function read(name: string, operands: string[], input: FilterInput): { texts: { file: string; text: string }[]; errors: string } {
  if (!operands.length) return { texts: [{ file: '(standard input)', text: input.stdin ?? '' }], errors: '' };
  const texts: { file: string; text: string }[] = [];
  let errors = '';
  for (const file of operands) {
    const text = file === '-' ? input.stdin ?? '' : input.readFile?.(file);
    if (text === undefined) errors += `${name}: ${file}: No such file or directory\n`;
    else texts.push({ file, text });
  }
  return { texts, errors };
}

function unknown(name: string, flags: Map<string, string>, allowed: string): ExecResult | undefined {
  for (const f of flags.keys()) {
    if (!allowed.includes(f)) return { stdout: '', stderr: `${name}: invalid option -- '${f}'\nTry '${name} --help' for more information.\n`, exitCode: name === 'grep' ? 2 : 1 };
  }
  return undefined;
}

/**
 * A grep pattern as a JavaScript RegExp. Basic syntax (the default) treats `+ ? | ( ) { }` as
 * literal characters and `\+ \? \| \( \) \{ \}` as operators (the GNU extension); -E the reverse.
 */
function compile(pattern: string, extended: boolean, ignoreCase: boolean, word: boolean): RegExp | string {
  let source = pattern;
  if (!extended) {
    source = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\' && '+?|(){}'.includes(pattern[i + 1] ?? '')) {
        source += pattern[++i];
      } else if ('+?|(){}'.includes(c)) source += `\\${c}`;
      else if (c === '\\') source += c + (pattern[++i] ?? '');
      else source += c;
    }
  }
  if (word) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  try {
    return new RegExp(source, ignoreCase ? 'i' : '');
  } catch {
    return extended ? 'Unmatched ( or \\(' : 'Invalid regular expression';
  }
}

/** A context option's line count (`-A 3`, `-C3`). */
function contextLines(flags: Map<string, string>, f: string): number | string {
  const v = flags.get(f);
  if (v === undefined) return 0;
  return /^\d+$/.test(v) ? Number(v) : `${v}: invalid context length argument`;
}

/**
 * grep. With -A/-B/-C it prints N lines of context after/before each match (`-` after the line
 * number instead of `:`), and `--` between groups that are not adjacent, as GNU grep does.
 */
const grep: Filter = (args, input) => {
  const parsed = options(args, 'eABC');
  if ('bad' in parsed) return { stdout: '', stderr: `grep: ${parsed.bad}\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`, exitCode: 2 };
  const { flags, operands } = parsed;
  const bad = unknown('grep', flags, 'viEcwnqeABC');
  if (bad) return bad;
  const pattern = flags.get('e') ?? operands.shift();
  if (pattern === undefined) return { stdout: '', stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 };
  const both = contextLines(flags, 'C');
  const after = flags.has('A') ? contextLines(flags, 'A') : both;
  const before = flags.has('B') ? contextLines(flags, 'B') : both;
  for (const n of [after, before]) if (typeof n === 'string') return { stdout: '', stderr: `grep: ${n}\n`, exitCode: 2 };
  const re = compile(pattern, flags.has('E'), flags.has('i'), flags.has('w'));
  if (typeof re === 'string') return { stdout: '', stderr: `grep: ${re}\n`, exitCode: 2 };
  const { texts, errors } = read('grep', operands, input);
  const prefix = operands.length > 1;
  let out = '';
  let matched = 0;
  /** The last line printed, across files (GNU grep puts `--` between files' groups too). */
  let printedAny = false;
  for (const { file, text } of texts) {
    const lines = linesOf(text);
    const hits = lines.map((line) => re.test(line) !== flags.has('v'));
    const count = hits.filter(Boolean).length;
    matched += count;
    if (flags.has('c')) {
      out += `${prefix ? `${file}:` : ''}${count}\n`;
      continue;
    }
    let last = -1;
    let afterLeft = 0;
    lines.forEach((line, n) => {
      const inBefore = hits.slice(n + 1, n + 1 + (before as number)).some(Boolean);
      const show = hits[n] || afterLeft > 0 || inBefore;
      afterLeft = hits[n] ? (after as number) : Math.max(0, afterLeft - 1);
      if (!show) return;
      const context = (after as number) > 0 || (before as number) > 0;
      if (context && printedAny && last !== n - 1) out += '--\n';
      const sep = hits[n] ? ':' : '-';
      out += `${prefix ? `${file}${sep}` : ''}${flags.has('n') ? `${n + 1}${sep}` : ''}${line}\n`;
      last = n;
      printedAny = true;
    });
  }
  if (flags.has('q')) out = '';
  return { stdout: out, stderr: errors, exitCode: errors && !(flags.has('q') && matched) ? 2 : matched ? 0 : 1 };
};

/** The 1-based positions a cut LIST selects (`1,3`, `2-`, `-2`, `1-3`); a message when it is not one. */
function cutList(list: string): ((k: number) => boolean) | string {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3])) return `invalid field value '${part}'`;
    const from = m[1] ? Number(m[1]) : 1;
    const to = m[2] ? (m[3] ? Number(m[3]) : Infinity) : from;
    if (from === 0) return 'fields and positions are numbered from 1';
    ranges.push([from, to]);
  }
  return (k) => ranges.some(([a, b]) => k >= a && k <= b);
}

/** cut -f LIST [-d DELIM] (tab by default; a line without the delimiter is printed whole) or -c LIST. */
const cut: Filter = (args, input) => {
  const parsed = options(args, 'dfc');
  if ('bad' in parsed) return { stdout: '', stderr: `cut: ${parsed.bad}\nTry 'cut --help' for more information.\n`, exitCode: 1 };
  const bad = unknown('cut', parsed.flags, 'dfc');
  if (bad) return bad;
  const list = parsed.flags.get('f') ?? parsed.flags.get('c');
  if (list === undefined) return { stdout: '', stderr: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", exitCode: 1 };
  const delim = parsed.flags.get('d') ?? '\t';
  if (delim.length !== 1) return { stdout: '', stderr: "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", exitCode: 1 };
  const pick = cutList(list);
  if (typeof pick === 'string') return { stdout: '', stderr: `cut: ${pick}\nTry 'cut --help' for more information.\n`, exitCode: 1 };
  const { texts, errors } = read('cut', parsed.operands, input);
  const byChars = !parsed.flags.has('f');
  const lines = texts.flatMap((t) => linesOf(t.text)).map((line) => {
    if (byChars) return [...line].filter((_, k) => pick(k + 1)).join('');
    if (!line.includes(delim)) return line;
    return line.split(delim).filter((_, k) => pick(k + 1)).join(delim);
  });
  return { stdout: print(lines), stderr: errors, exitCode: errors ? 1 : 0 };
};

/** seq [FIRST [INCREMENT]] LAST: the integers from FIRST (1) to LAST by INCREMENT (1), at most 100000 of them. */
const seq: Filter = (args) => {
  const nums = args.map(Number);
  const badArg = args.find((a) => !/^-?\d+$/.test(a));
  if (!args.length || args.length > 3) return { stdout: '', stderr: `seq: ${args.length ? `extra operand '${args[3]}'` : 'missing operand'}\nTry 'seq --help' for more information.\n`, exitCode: 1 };
  if (badArg !== undefined) return { stdout: '', stderr: `seq: invalid floating point argument: '${badArg}'\nTry 'seq --help' for more information.\n`, exitCode: 1 };
  const [first, step, last] = args.length === 1 ? [1, 1, nums[0]] : args.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (step === 0) return { stdout: '', stderr: "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n", exitCode: 1 };
  const out: number[] = [];
  for (let k = first; (step > 0 ? k <= last : k >= last) && out.length < 100_000; k += step) out.push(k);
  return { stdout: print(out.map(String)), stderr: '', exitCode: 0 };
};

/** head and tail: the first or last N lines (10 by default) of each input. */
function ends(name: 'head' | 'tail'): Filter {
  return (args, input) => {
    const parsed = options(args, 'n');
    if ('bad' in parsed) return { stdout: '', stderr: `${name}: ${parsed.bad}\nTry '${name} --help' for more information.\n`, exitCode: 1 };
    const bad = unknown(name, parsed.flags, 'n');
    if (bad) return bad;
    const nText = parsed.flags.get('n') ?? '10';
    if (!/^[+-]?\d+$/.test(nText)) return { stdout: '', stderr: `${name}: invalid number of lines: '${nText}'\n`, exitCode: 1 };
    const n = Math.abs(Number(nText));
    const { texts, errors } = read(name, parsed.operands, input);
    let out = '';
    texts.forEach(({ file, text }, k) => {
      if (texts.length > 1) out += `${k ? '\n' : ''}==> ${file} <==\n`;
      const lines = linesOf(text);
      // `tail -n +K` starts at line K.
      const picked = name === 'head' ? lines.slice(0, n) : nText.startsWith('+') ? lines.slice(Math.max(0, n - 1)) : lines.slice(Math.max(0, lines.length - n));
      out += print(picked);
    });
    return { stdout: out, stderr: errors, exitCode: errors ? 1 : 0 };
  };
}

/** wc: lines, words, bytes; one count from stdin prints the bare number, several are right-aligned in 7 columns. */
const wc: Filter = (args, input) => {
  const parsed = options(args, '');
  if ('bad' in parsed) return { stdout: '', stderr: `wc: ${parsed.bad}\n`, exitCode: 1 };
  const bad = unknown('wc', parsed.flags, 'lwc');
  if (bad) return bad;
  const wanted = ['l', 'w', 'c'].filter((f) => parsed.flags.has(f));
  const fields = wanted.length ? wanted : ['l', 'w', 'c'];
  const { texts, errors } = read('wc', parsed.operands, input);
  let out = '';
  for (const { file, text } of texts) {
    const counts: Record<string, number> = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: new TextEncoder().encode(text).length };
    const values = fields.map((f) => counts[f]);
    const named = parsed.operands.length ? ` ${file}` : '';
    out += values.length === 1 && !named ? `${values[0]}\n` : `${values.map((v) => String(v).padStart(7)).join(' ')}${named}\n`;
  }
  return { stdout: out, stderr: errors, exitCode: errors ? 1 : 0 };
};

/** sort, byte order (the C locale of the images); -n by leading number, -r reversed, -u without repeats. */
const sort: Filter = (args, input) => {
  const parsed = options(args, '');
  if ('bad' in parsed) return { stdout: '', stderr: `sort: ${parsed.bad}\n`, exitCode: 2 };
  const bad = unknown('sort', parsed.flags, 'rnu');
  if (bad) return bad;
  const { texts, errors } = read('sort', parsed.operands, input);
  if (errors) return { stdout: '', stderr: errors.replace(/^sort: (.*): No such/gm, 'sort: cannot read: $1: No such'), exitCode: 2 };
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const num = (s: string) => parseFloat(s) || 0;
  const compare = parsed.flags.has('n') ? (a: string, b: string) => num(a) - num(b) || byText(a, b) : byText;
  let lines = texts.flatMap((t) => linesOf(t.text)).sort(compare);
  if (parsed.flags.has('r')) lines.reverse();
  if (parsed.flags.has('u')) lines = lines.filter((l, i) => i === 0 || compare(l, lines[i - 1]) !== 0);
  return { stdout: print(lines), stderr: '', exitCode: 0 };
};

/** uniq: drops adjacent repeats; -c prefixes each line with its count (`%7d `). */
const uniq: Filter = (args, input) => {
  const parsed = options(args, '');
  if ('bad' in parsed) return { stdout: '', stderr: `uniq: ${parsed.bad}\n`, exitCode: 1 };
  const bad = unknown('uniq', parsed.flags, 'c');
  if (bad) return bad;
  const { texts, errors } = read('uniq', parsed.operands.slice(0, 1), input);
  const groups: { line: string; count: number }[] = [];
  for (const line of linesOf(texts[0]?.text ?? '')) {
    const last = groups[groups.length - 1];
    if (last && last.line === line) last.count++;
    else groups.push({ line, count: 1 });
  }
  const out = groups.map((g) => (parsed.flags.has('c') ? `${String(g.count).padStart(7)} ${g.line}\n` : `${g.line}\n`)).join('');
  return { stdout: out, stderr: errors, exitCode: errors ? 1 : 0 };
};

/** The filters by program name. */
export const filters: ReadonlyMap<string, Filter> = new Map<string, Filter>([
  ['grep', grep],
  ['head', ends('head')],
  ['tail', ends('tail')],
  ['wc', wc],
  ['sort', sort],
  ['uniq', uniq],
  ['cut', cut],
  ['seq', seq],
]);
