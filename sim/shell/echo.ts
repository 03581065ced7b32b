/**
 * `echo [-n] WORD…`: its arguments separated by spaces, then a newline unless -n. The shells'
 * builtin (bash, BusyBox ash, dash) and GNU coreutils' /bin/echo print the same for these.
 */
export function echoText(args: string[]): string {
  const noNewline = args[0] === '-n';
  const words = noNewline ? args.slice(1) : args;
  return words.join(' ') + (noNewline ? '' : '\n');
}
