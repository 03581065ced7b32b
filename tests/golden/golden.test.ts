import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../sim/cluster';
import { Console } from '../../sim/console/console';
import { runScript } from '../../sim/console/script';
import { parseClusterConfig } from '../../sim/cluster-config';
import { terminalText } from '../../sim/node/programs';

/**
 * Golden tests of the console, in the shape of kwok's: each `NAME.sh` here is a script of console
 * commands; `NAME.out` is its transcript (the prompt and the command as typed, then what it printed to stdout and
 * stderr, in the order it printed them, as a terminal shows `2>&1`), checked line by line against real kubectl's format when it was written.
 * `UPDATE_GOLDEN=1 npx vitest run tests/golden` rewrites the .out files. A script starts from the
 * default cluster, or from the one a `# cluster: sim/scenarios/FILE.yaml` line names (as the CLI's --cluster).
 */
const folder = dirname(fileURLToPath(import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

/** The transcript `kubesim --echo SCRIPT 2>&1` prints. */
function transcript(script: string): string {
  const file = /^# cluster: (\S+)$/m.exec(script)?.[1];
  const config = file ? parseClusterConfig(readFileSync(join(folder, '../..', file), 'utf8')) : undefined;
  const console = new Console(new Cluster({ seed: 1, config }).boot(), {
    readFile: (path) => (existsSync(join(folder, path)) ? readFileSync(join(folder, path), 'utf8') : undefined),
  });
  let out = '';
  runScript(console, script, (line, result, prompt) => {
    out += `${prompt ? `${prompt}${line}\n` : ''}${terminalText(result)}`;
  });
  return out;
}

describe('console golden transcripts', () => {
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.sh')).sort()) {
    it(file, () => {
      const actual = transcript(readFileSync(join(folder, file), 'utf8'));
      const golden = join(folder, file.replace(/\.sh$/, '.out'));
      if (update || !existsSync(golden)) writeFileSync(golden, actual);
      expect(actual).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
