import { fail, ok, type Program } from '../programs';

/**
 * `sleep SECONDS`: takes that much virtual time (GNU coreutils and BusyBox accept a number with an
 * optional s/m/h/d suffix, and `infinity`: an infinite elapsedMs, which a container's main process
 * waits out until it is stopped). The caller advances the clock by `elapsedMs`; a probe that takes
 * longer than its timeoutSeconds fails.
 */
export const sleep: Program = (_ctx, args) => {
  if (args.length === 0) return fail("sleep: missing operand\nTry 'sleep --help' for more information.\n");
  const unit: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  let seconds = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return { ...ok(), elapsedMs: Infinity };
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m) return fail(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
    seconds += Number(m[1]) * unit[m[2]];
  }
  return { ...ok(), elapsedMs: Math.round(seconds * 1000) };
};
