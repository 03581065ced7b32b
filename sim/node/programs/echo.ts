import { ok, type Program } from '../programs';

/** `echo [-n] WORD...`: prints its arguments separated by spaces (GNU coreutils). */
export const echo: Program = (_ctx, args) => {
  const noNewline = args[0] === '-n';
  const words = noNewline ? args.slice(1) : args;
  return ok(words.join(' ') + (noNewline ? '' : '\n'));
};
