import { fail, type Program } from '../programs';
import { isDirectory, isFile, listDirectory, splitOptions } from './fs';
import { programUserland } from './busybox';

/**
 * `ls [-1aA] [FILE...]`: lists names one per line, as GNU ls does when its output is not a
 * terminal (`kubectl exec` without `-t`). A missing file: `ls: cannot access 'x': No such file or
 * directory`, exit code 2; BusyBox's ls says `ls: x: No such file or directory` and exits 1.
 * Long listings (-l) are not modelled. Sources: coreutils src/ls.c; busybox coreutils/ls.c
 * (bb_simple_perror_msg, EXIT_FAILURE).
 */
export const ls: Program = (ctx, args) => {
  const fs = ctx.fs ?? new Map<string, string>();
  const { flags, operands } = splitOptions(args);
  const unknown = flags.find((f) => !'1aA'.includes(f));
  if (unknown) return fail(`ls: invalid option -- '${unknown}'\nTry 'ls --help' for more information.\n`, 2);
  const all = flags.includes('a');
  const almostAll = all || flags.includes('A');
  const busybox = programUserland(ctx) === 'busybox';
  const targets = operands.length ? operands : ['.'];
  let stderr = '';
  const files: string[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    if (isDirectory(fs, t)) dirs.push(t);
    else if (isFile(fs, t)) files.push(t);
    else stderr += busybox ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`;
  }
  const blocks: string[] = [];
  if (files.length) blocks.push(files.sort().map((f) => `${f}\n`).join(''));
  for (const d of dirs.sort()) {
    const names = listDirectory(fs, d).filter((n) => almostAll || !n.startsWith('.'));
    const shown = all ? ['.', '..', ...names] : names;
    const header = targets.length > 1 ? `${d}:\n` : '';
    blocks.push(header + shown.map((n) => `${n}\n`).join(''));
  }
  return { stdout: blocks.join('\n'), stderr, exitCode: stderr ? (busybox ? 1 : 2) : 0 };
};
