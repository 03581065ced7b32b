import { Cluster } from '../../sim/cluster';
import { Console } from '../../sim/console/console';
import { runScript } from '../../sim/console/script';
import { terminalText, type ExecResult } from '../../sim/node/programs';

/**
 * The comment line that splits a script: the commands above it set the cluster up and are not
 * shown; the commands below it are the transcript. A script without it is shown whole.
 */
export const transcriptMarker = '# --- transcript ---';

/** How to run one script: the same inputs as `npm run --silent kubesim -- --seed N --echo SCRIPT`. */
export interface TranscriptOptions {
  /** The script's path, for messages and to resolve `-f` paths: `intent/pods.sh`. */
  path: string;
  /** The script's text: console commands, one per line, `#` comments and blank lines skipped. */
  text: string;
  /** Reads a file by its path relative to the script's folder (what `kubectl apply -f` names). */
  readFile(path: string): string | undefined;
  /** The cluster's random seed, as `--seed`; the CLI's default is 1. */
  seed?: number;
}

/** A transcript, ready for Expressive Code's `<Code lang="console">`. */
export interface Transcript {
  /** `$ COMMAND` lines, each followed by what the command printed (stdout, then stderr). */
  code: string;
  /**
   * 1-based line numbers of the rows that name something new: when a command runs again (shown or
   * in the setup), the rows of its output whose first column its previous run did not print.
   */
  newRows: number[];
}

/**
 * Runs a console script on a fresh simulated cluster, as the CLI does, and returns what a terminal
 * would show for the part after {@link transcriptMarker}. Virtual time and a seeded random source
 * make it the same on every build. A command that exits non-zero throws, naming the script, the
 * command and what it printed: a script that no longer matches the engine stops the build rather
 * than showing an error the prose does not expect.
 */
export function runTranscript(opts: TranscriptOptions): Transcript {
  const lines = opts.text.split('\n');
  const marker = lines.findIndex((l) => l.trim() === transcriptMarker);
  const setup = marker < 0 ? '' : lines.slice(0, marker).join('\n');
  const shown = marker < 0 ? opts.text : lines.slice(marker + 1).join('\n');

  const shell = new Console(new Cluster({ seed: opts.seed ?? 1 }).boot(), { readFile: opts.readFile });
  /** The first column of each row each command printed last time it ran. */
  const lastNames = new Map<string, Set<string>>();
  const out: string[] = [];
  const newRows: number[] = [];
  /** Everything printed so far, setup included: shown when a command fails, to help fix the script. */
  const session: string[] = [];

  const run = (visible: boolean) => (line: string, result: ExecResult, prompt: string) => {
    const command = line.trim();
    const printed = terminalText(result).replace(/\n$/, '');
    if (result.exitCode !== 0) {
      throw new Error(`${opts.path}: \`${command}\` exited with ${result.exitCode}:\n${printed}\n\nThe session until then:\n${session.join('\n')}`);
    }
    session.push(`${prompt}${command}`, ...(printed === '' ? [] : [printed]));
    const rows = printed === '' ? [] : printed.split('\n');
    const before = lastNames.get(command);
    lastNames.set(command, new Set(rows.map(firstColumn)));
    if (!visible) return;
    out.push(`${prompt}${command}`);
    for (const row of rows) {
      out.push(row);
      if (before && !before.has(firstColumn(row))) newRows.push(out.length);
    }
  };
  runScript(shell, setup, run(false));
  runScript(shell, shown, run(true));
  if (out.length === 0) throw new Error(`${opts.path}: no command to show after "${transcriptMarker}"`);
  return { code: out.join('\n'), newRows };
}

function firstColumn(row: string): string {
  return row.split(/\s+/, 1)[0];
}
