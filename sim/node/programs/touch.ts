import { fail, ok, type Program } from '../programs';
import { isDirectory, isFile, parentOf, resolvePath, splitOptions } from './fs';
import { programUserland } from './busybox';

/**
 * `touch FILE...`: creates empty files, with GNU coreutils' messages and exit codes, or BusyBox's
 * in BusyBox images (`touch: /x/y: No such file or directory`). Sources: coreutils src/touch.c;
 * busybox coreutils/touch.c.
 */
export const touch: Program = (ctx, args) => {
  const fs = ctx.fs ?? new Map<string, string>();
  const busybox = programUserland(ctx) === 'busybox';
  const { operands } = splitOptions(args);
  if (operands.length === 0) return fail("touch: missing file operand\nTry 'touch --help' for more information.\n");
  let stderr = '';
  for (const name of operands) {
    if (isFile(fs, name) || isDirectory(fs, name)) continue;
    if (!isDirectory(fs, parentOf(name))) stderr += busybox ? `touch: ${name}: No such file or directory\n` : `touch: cannot touch '${name}': No such file or directory\n`;
    else fs.set(resolvePath(name), '');
  }
  return stderr ? fail(stderr) : ok();
};
