import type { ExecResult } from '../node/programs';

/**
 * `sleep NUMBER[SUFFIX]…` as GNU coreutils reads it (suffixes s, m, h, d; several arguments add
 * up): virtual time passes and everything due in the cluster runs meanwhile.
 */
export function sleep(args: string[]): ExecResult {
  const usage = "Try 'sleep --help' for more information.\n";
  if (args.length === 0) return { stdout: '', stderr: `sleep: missing operand\n${usage}`, exitCode: 1 };
  const units: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  let seconds = 0;
  for (const a of args) {
    const m = a.match(/^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/);
    if (!m) return { stdout: '', stderr: `sleep: invalid time interval '${a}'\n${usage}`, exitCode: 1 };
    seconds += Number(m[1]) * units[m[2]];
  }
  // The console lets the time pass (and so can stop a loop of sleeps that would never end).
  return { stdout: '', stderr: '', exitCode: 0, elapsedMs: Math.round(seconds * 1000) };
}
