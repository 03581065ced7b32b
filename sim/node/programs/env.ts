import type { Program } from '../programs';
import { runContainerProgram } from '../kubelet-exec';
import { processEnvironment } from './environ';

/**
 * `printenv [NAME]...` and `env [NAME=VALUE]... [COMMAND [ARG]...]`, as BusyBox and GNU coreutils
 * print them: every variable as NAME=VALUE, one a line, in the environment's order; printenv NAME
 * prints the value alone and exits 1 when a name is not set; env with a command runs it with the
 * extra variables.
 */
export const printenv: Program = (ctx, args) => {
  const env = processEnvironment(ctx);
  if (!args.length) return { stdout: listing(env), stderr: '', exitCode: 0 };
  let stdout = '';
  let missing = false;
  for (const name of args) {
    const value = env.get(name);
    if (value === undefined) missing = true;
    else stdout += `${value}\n`;
  }
  return { stdout, stderr: '', exitCode: missing ? 1 : 0 };
};

export const env: Program = (ctx, args) => {
  const vars = new Map(processEnvironment(ctx));
  let i = 0;
  for (; i < args.length && /^[^=]+=/.test(args[i]); i++) {
    const eq = args[i].indexOf('=');
    vars.set(args[i].slice(0, eq), args[i].slice(eq + 1));
  }
  if (i === args.length) return { stdout: listing(vars), stderr: '', exitCode: 0 };
  // env execs COMMAND: 127 when it is not found (coreutils' and busybox's convention).
  return runContainerProgram({ ...ctx, env: vars }, args.slice(i)) ?? { stdout: '', stderr: `env: can't execute '${args[i]}': No such file or directory\n`, exitCode: 127 };
};

function listing(env: ReadonlyMap<string, string>): string {
  return [...env].map(([name, value]) => `${name}=${value}\n`).join('');
}
