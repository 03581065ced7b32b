import type { Redirection } from './syntax';

/**
 * Redirections, as a POSIX shell applies them before a command runs: left to right, each one
 * pointing a file descriptor (1 stdout, 2 stderr, 0 stdin) at a file, at /dev/null, or at what
 * another descriptor points to at that moment (`2>&1`), so `>out 2>&1` sends both to the file and
 * `2>&1 >out` only stdout. `>` creates or empties the file before the command runs, `>>` appends.
 * When a file cannot be opened the command does not run, and the shell says why:
 * - BusyBox ash (shell/ash.c openredirect; errmsg() names ENOENT, strerror otherwise):
 *   `sh: can't create F: nonexistent directory`, `sh: can't open F: no such file`; status 1;
 * - dash (src/redir.c openredirect; src/error.c errmsg() with E_CREAT or E_OPEN):
 *   `sh: 1: cannot create F: Directory nonexistent`, `sh: 1: cannot open F: No such file`; status 2,
 *   as every error dash raises (sh_error);
 * - bash: `bash: line 1: F: No such file or directory`; status 1.
 * Not modelled: noclobber, here-documents.
 */
import { errorPrefix, type ShellVoice } from './dialect';

/** Why a file cannot be opened (errno). */
export type FileErrno = 'ENOENT' | 'EISDIR' | 'EACCES';

/** The files a shell's redirections reach. */
export interface ShellFiles {
  /** The file's content, or why it cannot be read. */
  read(path: string): string | { errno: FileErrno };
  /** Creates the file, or empties it unless `append`; or says why it cannot. */
  create(path: string, append: boolean): { errno: FileErrno } | undefined;
  /** Adds text at the end of a file `create` opened. */
  append(path: string, text: string): void;
}

/** Where one descriptor's output goes. */
type Sink = 'stdout' | 'stderr' | 'null' | { file: string };

export interface Redirected {
  /** Routes what the command writes on its stdout and stderr. */
  write(stdout: string, stderr: string): void;
  /** The command's stdin when redirected (`< file`), else undefined. */
  stdin?: string;
}

const strerror: Record<FileErrno, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  EACCES: 'Permission denied',
};

/** Why the file `path` could not be opened, in the shell's words. */
function openError(voice: ShellVoice, path: string, errno: FileErrno, creating: boolean): string {
  const reason = strerror[errno];
  if (voice.dialect === 'bash') return `${path}: ${reason}`;
  if (voice.dialect === 'dash') return `cannot ${creating ? 'create' : 'open'} ${path}: ${errno === 'ENOENT' ? (creating ? 'Directory nonexistent' : 'No such file') : reason}`;
  return `can't ${creating ? 'create' : 'open'} ${path}: ${errno === 'ENOENT' ? (creating ? 'nonexistent directory' : 'no such file') : reason}`;
}

/**
 * Applies `redirects` (their targets already expanded) for the command on `line` of a shell with
 * `voice`. `out` and `err` are where the command's descriptors 1 and 2 lead without redirections.
 * Returns the routing, or the shell's error line and the command's status.
 */
export function applyRedirects(
  redirects: (Redirection & { path: string })[],
  voice: ShellVoice,
  line: number,
  files: ShellFiles,
  out: (text: string) => void,
  err: (text: string) => void,
): Redirected | { error: string; status: number } {
  const fds = new Map<number, Sink>([[1, 'stdout'], [2, 'stderr']]);
  let stdin: string | undefined;
  const error = (message: string) => ({ error: `${errorPrefix(voice, line)}${message}\n`, status: voice.dialect === 'dash' ? 2 : 1 });
  const failed = (path: string, errno: FileErrno, creating: boolean) => error(openError(voice, path, errno, creating));
  for (const r of redirects) {
    if (r.op === '>&' || r.op === '<&') {
      // `>&-` closes the descriptor: what the command writes there is lost.
      if (r.path === '-') fds.set(r.fd, 'null');
      else if (!/^\d$/.test(r.path) || (r.path !== '0' && !fds.has(Number(r.path)))) return error(`${r.path}: Bad file descriptor`);
      // A copy of stdin (`<&0`, `>&0`) carries nothing the simulator's programs write.
      else if (r.path !== '0') fds.set(r.fd, fds.get(Number(r.path))!);
      continue;
    }
    if (r.op === '<') {
      const content = r.path === '/dev/null' ? '' : files.read(r.path);
      if (typeof content !== 'string') return failed(r.path, content.errno, false);
      if (r.fd === 0) stdin = content;
      continue;
    }
    const device = r.path === '/dev/null' ? 'null' : r.path === '/dev/stdout' ? fds.get(1) : r.path === '/dev/stderr' ? fds.get(2) : undefined;
    if (device) {
      fds.set(r.fd, device);
      continue;
    }
    const refused = files.create(r.path, r.op === '>>');
    if (refused) return failed(r.path, refused.errno, true);
    fds.set(r.fd, { file: r.path });
  }
  const send = (sink: Sink | undefined, text: string) => {
    if (!text || sink === undefined || sink === 'null') return;
    if (sink === 'stdout') out(text);
    else if (sink === 'stderr') err(text);
    else files.append(sink.file, text);
  };
  return {
    write: (stdout, stderr) => {
      send(fds.get(1), stdout);
      send(fds.get(2), stderr);
    },
    ...(stdin === undefined ? {} : { stdin }),
  };
}

/**
 * ShellFiles over a map of path → content where directories are the keys ending in `/`
 * (a container's files: sim/node/programs/fs.ts). `resolve` makes a path absolute.
 */
export function mapFiles(fs: Map<string, string>, resolve: (path: string) => string, isDirectory: (path: string) => boolean): ShellFiles {
  return {
    read: (path) => {
      const p = resolve(path);
      if (isDirectory(p)) return { errno: 'EISDIR' };
      return fs.get(p) ?? { errno: 'ENOENT' };
    },
    create: (path, append) => {
      const p = resolve(path);
      if (isDirectory(p)) return { errno: 'EISDIR' };
      const parent = p.slice(0, p.lastIndexOf('/')) || '/';
      if (!isDirectory(parent)) return { errno: 'ENOENT' };
      if (!append || !fs.has(p)) fs.set(p, '');
      return undefined;
    },
    append: (path, text) => {
      const p = resolve(path);
      fs.set(p, (fs.get(p) ?? '') + text);
    },
  };
}
