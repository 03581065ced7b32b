import { printedResult, writesOf, type ExecResult } from '../node/programs';

/** Joins what several steps of one command printed, in order, keeping the last non-zero exit code. */
export function combine(results: ExecResult[]): ExecResult {
  let exitCode = 0;
  for (const r of results) if (r.exitCode !== 0) exitCode = r.exitCode;
  return printedResult(results.flatMap(writesOf), exitCode);
}

/** kubectl's way of failing: `error: …` on stderr, exit code 1 (cmdutil.CheckErr). */
export function kubectlError(message: string): ExecResult {
  return { stdout: '', stderr: `error: ${message}\n`, exitCode: 1 };
}
