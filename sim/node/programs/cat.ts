import type { Program } from '../programs';
import { isDirectory, isFile, resolvePath } from './fs';
import { programUserland } from './busybox';

/**
 * `cat FILE...`: prints files, exit code 1 when one could not be read, with GNU coreutils'
 * messages (`cat: /x: No such file or directory`) or BusyBox's (`cat: can't open '/x': No such
 * file or directory`, `cat: read error: Is a directory`). Without a file it prints stdin (empty
 * under `kubectl exec` without `-i`). Sources: coreutils src/cat.c; busybox coreutils/cat.c, libbb.
 */
export const cat: Program = (ctx, args) => {
  const fs = ctx.fs ?? new Map<string, string>();
  const busybox = programUserland(ctx) === 'busybox';
  let stdout = args.length ? '' : (ctx.stdin ?? '');
  let stderr = '';
  for (const name of args) {
    if (isDirectory(fs, name)) stderr += busybox ? 'cat: read error: Is a directory\n' : `cat: ${name}: Is a directory\n`;
    else if (isFile(fs, name)) stdout += fs.get(resolvePath(name));
    else stderr += busybox ? `cat: can't open '${name}': No such file or directory\n` : `cat: ${name}: No such file or directory\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};
