import type { ProgramContext } from '../programs';

/**
 * A container's environment, as its main process (PID 1) holds it: the kubelet and the runtime
 * set it when the container starts, and the kernel shows it in /proc/1/environ as NAME=VALUE
 * entries each ended by a NUL byte. A process started by `kubectl exec` gets the same variables.
 */
export const environPath = '/proc/1/environ';

/** The /proc/PID/environ text of an environment. */
export function environFile(env: ReadonlyMap<string, string>): string {
  return [...env].map(([name, value]) => `${name}=${value}\0`).join('');
}

/** The environment a program runs with: its own if it was given one, else the container's. */
export function processEnvironment(ctx: ProgramContext): ReadonlyMap<string, string> {
  if (ctx.env) return ctx.env;
  const env = new Map<string, string>();
  for (const entry of (ctx.fs?.get(environPath) ?? '').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
}
