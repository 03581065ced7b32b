import type { Program } from '../programs';
import { isDirectory, isFile, resolvePath } from './fs';

/**
 * `cat FILE...`: prints files, with GNU coreutils' messages (`cat: /x: No such file or directory`,
 * exit code 1). Without a file it would read stdin, which `kubectl exec` without `-i` leaves empty.
 */
export const cat: Program = (ctx, args) => {
  const fs = ctx.fs ?? new Map<string, string>();
  let stdout = '';
  let stderr = '';
  for (const name of args) {
    if (isDirectory(fs, name)) stderr += `cat: ${name}: Is a directory\n`;
    else if (isFile(fs, name)) stdout += fs.get(resolvePath(name));
    else stderr += `cat: ${name}: No such file or directory\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};
