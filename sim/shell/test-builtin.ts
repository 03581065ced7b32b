/**
 * `test EXPR` and `[ EXPR ]`, the forms scripts in the tutorials use: `-f FILE`, `-e FILE`,
 * `-d DIR`, `-z STR`, `-n STR`, `STR`, `A = B`, `A != B`, `N -eq|-ne|-lt|-le|-gt|-ge M`, and `!`
 * before any of them. Exit code 0 (true), 1 (false) or 2 (a usage error, with the shell's message).
 * Sources: POSIX `test`; busybox coreutils/test.c and bash's test.c for the messages.
 */
export interface TestContext {
  /** `sh` or `bash`, whose wording the messages take. */
  shell: string;
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
}

export function testBuiltin(name: '[' | 'test', args: string[], ctx: TestContext): { exitCode: number; stderr: string } {
  const bash = ctx.shell === 'bash';
  const error = (busybox: string, gnu: string) => ({ exitCode: 2, stderr: bash ? `bash: ${name}: ${gnu}\n` : `sh: ${busybox}\n` });
  let argv = args;
  if (name === '[') {
    if (argv[argv.length - 1] !== ']') return error('missing ]', "missing `]'");
    argv = argv.slice(0, -1);
  }
  let negate = false;
  while (argv[0] === '!' && argv.length > 1) {
    negate = !negate;
    argv = argv.slice(1);
  }
  const result = evaluate(argv, ctx);
  if (typeof result === 'object') return error(result.busybox, result.gnu);
  return { exitCode: result !== negate ? 0 : 1, stderr: '' };
}

type Failure = { busybox: string; gnu: string };

const numeric: Record<string, (a: number, b: number) => boolean> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
};

function evaluate(argv: string[], ctx: TestContext): boolean | Failure {
  if (argv.length === 0) return false;
  if (argv.length === 1) return argv[0] !== '';
  if (argv.length === 2) {
    const [op, operand] = argv;
    if (op === '-f') return ctx.isFile(operand) && !ctx.isDirectory(operand);
    if (op === '-e') return ctx.isFile(operand) || ctx.isDirectory(operand);
    if (op === '-d') return ctx.isDirectory(operand);
    if (op === '-z') return operand === '';
    if (op === '-n') return operand !== '';
    return { busybox: `${op}: unknown operand`, gnu: `${op}: unary operator expected` };
  }
  if (argv.length === 3) {
    const [a, op, b] = argv;
    if (op === '=' || op === '==') return a === b;
    if (op === '!=') return a !== b;
    const compare = numeric[op];
    if (!compare) return { busybox: `${op}: unknown operand`, gnu: `${op}: binary operator expected` };
    for (const n of [a, b]) if (!/^\s*-?\d+\s*$/.test(n)) return { busybox: `invalid number '${n}'`, gnu: `${n}: integer expression expected` };
    return compare(Number(a), Number(b));
  }
  return { busybox: `${argv[3]}: unknown operand`, gnu: 'too many arguments' };
}
