import type { ExecResult } from '../node/programs';
import { tokenize, type Operator, type ScanError, type Word } from './words';

/**
 * A command list as a POSIX shell runs it, the subset the course needs: pipelines (`a | b`, each
 * command's stdout is the next one's stdin, the last one's exit code counts) joined by `;`, `&&`
 * (run if the previous pipeline succeeded) and `||` (run if it failed). No loops, no conditionals,
 * no redirections: a general shell is out of scope.
 */

/** A pipeline and what joins it to the next one. */
export interface Pipeline {
  commands: Word[][];
  /** The operator after this pipeline (`;` for the last one). */
  then: Exclude<Operator, '|'>;
}

export type ParseError = ScanError | { error: 'unexpected'; token: string };

/** Parses a line into pipelines; an empty line gives none. */
export function parseScript(line: string): { pipelines: Pipeline[] } | ParseError {
  const scanned = tokenize(line);
  if ('error' in scanned) return scanned;
  const pipelines: Pipeline[] = [];
  let commands: Word[][] = [];
  let command: Word[] = [];
  for (const t of scanned.tokens) {
    if ('word' in t) {
      command.push(t.word);
      continue;
    }
    if (!command.length) return { error: 'unexpected', token: t.op };
    commands.push(command);
    command = [];
    if (t.op !== '|') {
      pipelines.push({ commands, then: t.op });
      commands = [];
    }
  }
  if (command.length) commands.push(command);
  else if (commands.length) return { error: 'unexpected', token: 'newline' };
  if (commands.length) pipelines.push({ commands, then: ';' });
  else if (pipelines.length && pipelines[pipelines.length - 1].then !== ';') return { error: 'unexpected', token: 'newline' };
  return { pipelines };
}

/**
 * Runs one simple command: its words (the runner expands them or not) and the previous
 * command's stdout as stdin (undefined for the first command of a pipeline).
 */
export type RunCommand = (words: Word[], stdin: string | undefined, lastExitCode: number) => ExecResult;

/** Runs the pipelines in order; the result joins what they printed, with the last exit code. */
export function runScript(pipelines: Pipeline[], run: RunCommand): ExecResult {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  let elapsedMs = 0;
  let skip = false;
  for (const p of pipelines) {
    if (!skip) {
      let stdin: string | undefined;
      for (const words of p.commands) {
        const r = run(words, stdin, exitCode);
        stdin = r.stdout;
        stderr += r.stderr;
        exitCode = r.exitCode;
        elapsedMs += r.elapsedMs ?? 0;
      }
      stdout += stdin ?? '';
    }
    skip = (p.then === '&&' && exitCode !== 0) || (p.then === '||' && exitCode === 0);
    if (p.then === ';') skip = false;
  }
  return elapsedMs ? { stdout, stderr, exitCode, elapsedMs } : { stdout, stderr, exitCode };
}
