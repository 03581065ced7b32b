/**
 * A container's tiny filesystem, as the kubelet keeps it: a Map from absolute path to content.
 * Directories are the keys that end with `/` (`/tmp/`); every other key is a regular file.
 * Paths are resolved from `/`, the working directory of the images the simulator runs.
 */

/** The directories every image has, as `ls /` shows them in a small Linux image. */
export const imageDirectories = ['/', '/bin/', '/dev/', '/etc/', '/home/', '/proc/', '/root/', '/run/', '/sys/', '/tmp/', '/usr/', '/var/'];

/** Resolves `p` against `/`: collapses `.`, `..` and repeated slashes; no trailing slash except for `/`. */
export function resolvePath(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

function dirKey(path: string): string {
  return path === '/' ? '/' : `${path}/`;
}

export function isDirectory(fs: Map<string, string>, path: string): boolean {
  return fs.has(dirKey(resolvePath(path)));
}

export function isFile(fs: Map<string, string>, path: string): boolean {
  return fs.has(resolvePath(path));
}

/** The folder that holds `path`: `/tmp` for `/tmp/healthy`. */
export function parentOf(path: string): string {
  const resolved = resolvePath(path);
  return resolved.slice(0, resolved.lastIndexOf('/')) || '/';
}

/** The names directly inside a directory, sorted as `ls` sorts them in the C locale. */
export function listDirectory(fs: Map<string, string>, path: string): string[] {
  const prefix = dirKey(resolvePath(path));
  const names = new Set<string>();
  for (const key of fs.keys()) {
    if (key === prefix || !key.startsWith(prefix)) continue;
    names.add(key.slice(prefix.length).split('/')[0]);
  }
  return [...names].sort();
}

/** Removes a directory and everything under it. */
export function removeTree(fs: Map<string, string>, path: string): void {
  const prefix = dirKey(resolvePath(path));
  for (const key of [...fs.keys()]) if (key.startsWith(prefix)) fs.delete(key);
}

/** Splits `-abc` style options from operands; `--` ends options. Returns the option letters. */
export function splitOptions(args: string[]): { flags: string[]; operands: string[] } {
  const flags: string[] = [];
  const operands: string[] = [];
  let optionsDone = false;
  for (const a of args) {
    if (!optionsDone && a === '--') optionsDone = true;
    else if (!optionsDone && a.startsWith('-') && a.length > 1) flags.push(...a.slice(1));
    else operands.push(a);
  }
  return { flags, operands };
}
