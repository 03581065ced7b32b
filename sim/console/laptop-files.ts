import type { ShellFiles } from '../shell/redirect';

/**
 * The reader's files on their laptop, as the console's bash reaches them: the files a widget or
 * the CLI provides (`readFile`), and the ones the reader writes with a redirection
 * (`kubectl get deploy web -o yaml > web.yaml`), which `kubectl apply -f` and `cat` then read.
 * The shell runs in the reader's home, /home/reader, and may also write in /tmp; elsewhere it is
 * refused as a user who is not root is (Permission denied), or as a folder that does not exist.
 * With `writeFile`, written files go to the caller's store (a widget's editor shares it);
 * otherwise the console keeps them.
 */
export interface LaptopFiles {
  readFile?(path: string): string | undefined;
  writeFile?(path: string, text: string): void;
}

const home = '/home/reader';
/** Folders a user may not write in, whose files the simulator does not list. */
const system = new Set(['/', '/bin', '/etc', '/home', '/usr', '/var', '/root', '/opt', '/srv']);

/** The path as the reader's files are named: relative to the home folder (`web.yaml`), or absolute elsewhere (`/tmp/x`). */
function homeRelative(path: string): string {
  let p = path;
  while (p.startsWith('./')) p = p.slice(2);
  return p.startsWith(`${home}/`) ? p.slice(home.length + 1) : p;
}

/** Where the folder holding `path` is: home, /tmp, a system folder, or nowhere the laptop has. */
function folderOf(path: string): 'writable' | 'system' | 'missing' {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return 'writable';
  const folder = path.slice(0, slash) || '/';
  if (folder === '/tmp') return 'writable';
  return system.has(folder) ? 'system' : 'missing';
}

const folders = new Set(['', '.', '..', '~', home, '/tmp', ...system]);

/** The laptop's files: `read` for commands that take a file name, `shell` for the console's redirections. */
export function laptopFiles(files: LaptopFiles): { read(path: string): string | undefined; shell: ShellFiles } {
  const own = new Map<string, string>();
  const read = (path: string): string | undefined => {
    const key = homeRelative(path);
    return (files.writeFile ? undefined : own.get(key)) ?? files.readFile?.(key) ?? (key === path ? undefined : files.readFile?.(path));
  };
  const write = (key: string, text: string) => (files.writeFile ? files.writeFile(key, text) : own.set(key, text));
  return {
    read,
    shell: {
      read: (path) => (folders.has(path.replace(/\/$/, '')) ? { errno: 'EISDIR' } : (read(path) ?? { errno: 'ENOENT' })),
      create: (path, append) => {
        const key = homeRelative(path);
        if (folders.has(key.replace(/\/$/, '')) || key.endsWith('/')) return { errno: 'EISDIR' };
        const folder = folderOf(key);
        if (folder !== 'writable') return { errno: folder === 'system' ? 'EACCES' : 'ENOENT' };
        if (!append || read(key) === undefined) write(key, '');
        return undefined;
      },
      append: (path, text) => {
        const key = homeRelative(path);
        write(key, (read(key) ?? '') + text);
      },
    },
  };
}
