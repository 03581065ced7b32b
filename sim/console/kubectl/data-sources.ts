import type { ExecResult } from '../../node/programs';
import type { CommandContext } from '../context';
import { kubectlError } from '../result';
import type { ParsedFlags } from './flags';

/**
 * The keys and values `--from-literal=KEY=VALUE` and `--from-file=[KEY=]PATH` give a ConfigMap or
 * a Secret (kubectl's create_configmap.go and create_secret.go, handleFromLiteralSources and
 * handleFromFileSources): a file's key is its base name unless given. Files are read from the
 * console's folder. `kind` names the object in the duplicate-key message.
 */
export function dataFromSources(ctx: CommandContext, parsed: ParsedFlags, kind: 'ConfigMap' | 'Secret', name: string): { data: Record<string, string> } | { error: ExecResult } {
  const data: Record<string, string> = {};
  const add = (key: string, value: string): ExecResult | undefined => {
    if (key in data) return kubectlError(`cannot add key "${key}", another key by that name already exists in Data for ${kind} "${name}"`);
    data[key] = value;
    return undefined;
  };
  for (const literal of parsed.repeated.get('from-literal') ?? []) {
    const eq = literal.indexOf('=');
    if (eq <= 0) return { error: kubectlError(`invalid literal source ${literal}, expected key=value`) };
    const failed = add(literal.slice(0, eq), literal.slice(eq + 1));
    if (failed) return { error: failed };
  }
  for (const source of parsed.repeated.get('from-file') ?? []) {
    const eq = source.indexOf('=');
    const path = eq < 0 ? source : source.slice(eq + 1);
    const text = ctx.readFile(path);
    if (text === undefined) return { error: kubectlError(`error reading ${path}: no such file or directory`) };
    const failed = add(eq < 0 ? path.slice(path.lastIndexOf('/') + 1) : source.slice(0, eq), text);
    if (failed) return { error: failed };
  }
  return { data };
}
