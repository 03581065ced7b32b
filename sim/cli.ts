import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Cluster } from './cluster';
import { parseClusterConfig, type ClusterConfig } from './cluster-config';
import { Console } from './console/console';
import { runScript } from './console/script';
import { writesOf } from './node/programs';

/**
 * `npm run --silent kubesim -- [--seed N] [--cluster FILE] [--echo] [SCRIPT]`
 *
 * Runs a script of console commands, one per line (stdin when no SCRIPT is given), against a fresh
 * simulated cluster, printing what each command prints to this process's stdout and stderr, as the
 * real tools would in a terminal. `-f` paths are read relative to the script's folder (the current
 * folder for stdin). `--echo` prints `$ COMMAND` before each command's output, for transcripts.
 * The exit code is the last command's, as with `bash script.sh`: a script may show errors on purpose.
 */
const usage = 'usage: kubesim [--seed N] [--cluster FILE] [--echo] [SCRIPT]\n';

/** `npm run` starts scripts in the package folder; paths on the command line are the caller's (INIT_CWD). */
const cwd = process.env.INIT_CWD ?? process.cwd();

function main(argv: string[]): number {
  let seed = 1;
  let config: ClusterConfig | undefined;
  let echo = false;
  let script: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seed') {
      seed = Number(argv[++i]);
      if (!Number.isInteger(seed)) return fail(`kubesim: --seed needs an integer\n${usage}`);
    } else if (a === '--cluster') {
      const name = argv[++i];
      const file = name === undefined ? undefined : resolve(cwd, name);
      if (!file || !existsSync(file)) return fail(`kubesim: --cluster: no such file: ${name ?? ''}\n`);
      try {
        config = parseClusterConfig(readFileSync(file, 'utf8'));
      } catch (e) {
        return fail(`kubesim: ${(e as Error).message}\n`);
      }
    } else if (a === '--echo') echo = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(usage);
      return 0;
    } else if (a.startsWith('-') && a !== '-') return fail(`kubesim: unknown option ${a}\n${usage}`);
    else if (script === undefined) script = a === '-' ? a : resolve(cwd, a);
    else return fail(usage);
  }
  if (script !== undefined && script !== '-' && !existsSync(script)) return fail(`kubesim: ${script}: No such file or directory\n`);
  const text = script === undefined || script === '-' ? readFileSync(0, 'utf8') : readFileSync(script, 'utf8');
  const base = script === undefined || script === '-' ? cwd : dirname(script);
  const console = new Console(new Cluster({ seed, config }).boot(), {
    readFile(path) {
      const full = resolve(base, path);
      return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
    },
  });
  return runScript(console, text, (line, result, prompt) => {
    if (echo && prompt) process.stdout.write(`${prompt}${line}\n`);
    for (const w of writesOf(result)) (w.stream === 'stdout' ? process.stdout : process.stderr).write(w.text);
  });
}

function fail(message: string): number {
  process.stderr.write(message);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
