import { fail, ok, type Program } from '../programs';
import { isDirectory, isFile, parentOf, resolvePath, splitOptions } from './fs';

/** `touch FILE...`: creates empty files, with GNU coreutils' messages and exit codes. */
export const touch: Program = (ctx, args) => {
  const fs = ctx.fs ?? new Map<string, string>();
  const { operands } = splitOptions(args);
  if (operands.length === 0) return fail("touch: missing file operand\nTry 'touch --help' for more information.\n");
  let stderr = '';
  for (const name of operands) {
    if (isFile(fs, name) || isDirectory(fs, name)) continue;
    if (!isDirectory(fs, parentOf(name))) stderr += `touch: cannot touch '${name}': No such file or directory\n`;
    else fs.set(resolvePath(name), '');
  }
  return stderr ? fail(stderr) : ok();
};
