/**
 * `echo [-neE] WORD…`: its arguments separated by spaces, then a newline unless -n. Leading
 * arguments made only of n, e and E (`-n`, `-e`, `-en`) are options; -e interprets backslash
 * escapes (\n, \t, \\, \c which ends the output, \0NNN octal, \xHH), -E turns that off again.
 * Bash's and BusyBox ash's builtins and GNU coreutils' /bin/echo agree on this; dash's builtin
 * (Debian's sh), which takes only -n and always interprets escapes, is not modelled.
 * Sources: bash builtins/echo.def; busybox coreutils/echo.c; coreutils src/echo.c.
 */
export function echoText(args: string[]): string {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const flag of args[i].slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  const text = args.slice(i).join(' ');
  if (!escapes) return text + (newline ? '\n' : '');
  const { out, stopped } = interpretEscapes(text);
  return out + (newline && !stopped ? '\n' : '');
}

const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** echo -e's escapes; `\c` stops all output, the final newline included. */
function interpretEscapes(text: string): { out: string; stopped: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch !== '\\' || next === undefined) {
      out += ch;
      continue;
    }
    if (next === 'c') return { out, stopped: true };
    if (next in simple) {
      out += simple[next];
      i++;
    } else if (next === '0') {
      const digits = /^[0-7]{0,3}/.exec(text.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(digits || '0', 8) & 255);
      i += 1 + digits.length;
    } else if (next === 'x' && /^[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(digits, 16));
      i += 1 + digits.length;
    } else out += ch;
  }
  return { out, stopped: false };
}
