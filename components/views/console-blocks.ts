/**
 * The Console's scrollback as one block per command, drawn as a terminal shows it: a program's
 * output that does not end with a newline (`curl -s …/version`, `printf ok`) leaves the cursor on
 * its last line, and the next prompt follows it there (`}$ kubectl …`), as in a shell and in
 * `kubesim --echo`. That unfinished line is drawn at the start of the next command's block, so each
 * block still starts on a line of its own and a new command lays out only its own lines.
 */
import { writesOf, type ExecResult, type Write } from '../../sim/node/programs';

export interface ConsoleRun {
  n: number;
  command: string;
  result: Pick<ExecResult, 'stdout' | 'stderr' | 'printed'>;
}

export interface ConsoleBlock {
  n: number;
  /** The previous command's unfinished last line, before this block's prompt. */
  carried: Write[];
  command: string;
  /** This command's output, without an unfinished last line when another command follows. */
  output: Write[];
}

export function consoleBlocks(runs: readonly ConsoleRun[]): ConsoleBlock[] {
  let carried: Write[] = [];
  return runs.map((run, i) => {
    const writes = writesOf(run.result).filter((w) => w.text);
    const split = i < runs.length - 1 ? splitUnfinished(writes) : { output: writes, unfinished: [] };
    const block = { n: run.n, carried, command: run.command, output: split.output };
    carried = split.unfinished;
    return block;
  });
}

/** The writes up to the output's last newline, and the writes after it (none when it ends with one). */
function splitUnfinished(writes: Write[]): { output: Write[]; unfinished: Write[] } {
  if (!writes.length) return { output: [], unfinished: [] };
  const last = writes.findLastIndex((w) => w.text.includes('\n'));
  if (last === writes.length - 1 && writes[last].text.endsWith('\n')) return { output: writes, unfinished: [] };
  if (last < 0) return { output: [], unfinished: writes };
  const w = writes[last];
  const cut = w.text.lastIndexOf('\n') + 1;
  return {
    output: [...writes.slice(0, last), { stream: w.stream, text: w.text.slice(0, cut) }],
    unfinished: [...(cut < w.text.length ? [{ stream: w.stream, text: w.text.slice(cut) }] : []), ...writes.slice(last + 1)],
  };
}
