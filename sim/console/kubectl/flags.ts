import type { ExecResult } from '../../node/programs';
import { kubectlError } from '../result';

/** A flag a kubectl command accepts, named as in `kubectl CMD --help`. */
export interface FlagSpec {
  long: string;
  short?: string;
  /** Boolean flags take no argument (`-A`, `--overwrite`, `--all=false`). */
  bool?: boolean;
  /** May be given several times (`-f a.yaml -f b.yaml`); the values are kept in order. */
  repeated?: boolean;
}

export interface ParsedFlags {
  /** Flag values by long name; booleans are 'true' / 'false'. */
  values: Map<string, string>;
  /** Every value of a repeated flag, in order. */
  repeated: Map<string, string[]>;
  /** Positional arguments, in order, flags removed. */
  args: string[];
  /** Everything after a `--`, untouched (kubectl exec's command). */
  afterDash?: string[];
}

/** Flags every kubectl command takes (kubectl options). */
export const globalFlags: FlagSpec[] = [{ long: 'namespace', short: 'n' }];

/**
 * Parses argv like spf13/pflag, which kubectl uses: flags may come anywhere among the arguments,
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`; `--` ends the flags. Errors
 * read as pflag's, followed by kubectl's `See 'kubectl CMD --help' for usage.`
 */
export function parseFlags(argv: string[], specs: FlagSpec[], command: string): ParsedFlags | ExecResult {
  const all = [...specs, ...globalFlags];
  const values = new Map<string, string>();
  const args: string[] = [];
  const usage = `See 'kubectl ${command} --help' for usage.\n`;
  const repeated = new Map<string, string[]>();
  const set = (spec: FlagSpec, value: string) => {
    values.set(spec.long, value);
    if (spec.repeated) repeated.set(spec.long, [...(repeated.get(spec.long) ?? []), value]);
  };
  const error = (message: string): ExecResult => ({ stdout: '', stderr: `error: ${message}\n${usage}`, exitCode: 1 });
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return { values, repeated, args, afterDash: argv.slice(i + 1) };
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = all.find((s) => s.long === name);
      if (!spec) return error(`unknown flag: --${name}`);
      if (spec.bool) values.set(spec.long, eq < 0 ? 'true' : a.slice(eq + 1));
      else if (eq >= 0) set(spec, a.slice(eq + 1));
      else if (i + 1 < argv.length) set(spec, argv[++i]);
      else return error(`flag needs an argument: --${name}`);
    } else if (a.startsWith('-') && a.length > 1) {
      // Shorthands combine as in pflag: `-it` is `-i -t`; a value may follow its letter (`-nkube-system`).
      for (let j = 1; j < a.length; j++) {
        const letter = a[j];
        const spec = all.find((s) => s.short === letter);
        if (!spec) return error(`unknown shorthand flag: '${letter}' in ${a}`);
        const rest = a.slice(j + 1);
        if (spec.bool) {
          if (rest.startsWith('=')) {
            values.set(spec.long, rest.slice(1));
            break;
          }
          values.set(spec.long, 'true');
          continue;
        }
        if (rest) set(spec, rest.startsWith('=') ? rest.slice(1) : rest);
        else if (i + 1 < argv.length) set(spec, argv[++i]);
        else return error(`flag needs an argument: '${letter}' in -${letter}`);
        break;
      }
    } else args.push(a);
  }
  return { values, repeated, args };
}

export function isError(parsed: ParsedFlags | ExecResult): parsed is ExecResult {
  return 'exitCode' in parsed;
}

/** cmdutil's `exactly one NAME is required, got N` (create_*.go NameFromCommandArgs). */
export function oneName(parsed: ParsedFlags): string | ExecResult {
  if (parsed.args.length !== 1) return kubectlError(`exactly one NAME is required, got ${parsed.args.length}`);
  return parsed.args[0];
}
