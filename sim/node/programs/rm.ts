import { fail, ok, type Program } from '../programs';
import { isDirectory, isFile, removeTree, resolvePath, splitOptions } from './fs';
import { programUserland } from './busybox';

/**
 * `rm [-f] [-r] FILE...`: removes files (directories with -r), with GNU coreutils' messages or,
 * in BusyBox images, BusyBox's (`rm: can't remove 'x': No such file or directory`,
 * `rm: 'x' is a directory`). Sources: coreutils src/remove.c; busybox coreutils/rm.c, libbb/remove_file.c.
 */
export const rm: Program = (ctx, args) => {
  const fs = ctx.fs ?? new Map<string, string>();
  const busybox = programUserland(ctx) === 'busybox';
  const { flags, operands } = splitOptions(args);
  const force = flags.includes('f');
  const recursive = flags.includes('r') || flags.includes('R');
  const unknown = flags.find((f) => !'frRv'.includes(f));
  if (unknown) return fail(`rm: invalid option -- '${unknown}'\nTry 'rm --help' for more information.\n`);
  if (operands.length === 0 && !force) return fail("rm: missing operand\nTry 'rm --help' for more information.\n");
  let stderr = '';
  for (const name of operands) {
    if (isDirectory(fs, name)) {
      if (resolvePath(name) === '/') stderr += "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n";
      else if (recursive) removeTree(fs, name);
      else stderr += busybox ? `rm: '${name}' is a directory\n` : `rm: cannot remove '${name}': Is a directory\n`;
    } else if (isFile(fs, name)) fs.delete(resolvePath(name));
    else if (!force) stderr += `rm: ${busybox ? "can't" : 'cannot'} remove '${name}': No such file or directory\n`;
  }
  return stderr ? fail(stderr) : ok();
};
