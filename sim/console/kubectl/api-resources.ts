import { kinds } from '../../core/kinds';
import type { ExecResult } from '../../node/programs';
import type { CommandContext } from '../context';
import { renderTable } from '../printers/table';
import { isError, parseFlags } from './flags';

/**
 * `kubectl api-resources [--namespaced=true|false] [--no-headers] [-o name]`: the resource types the
 * simulated API server serves, sorted by API group (the core group first) then name, in kubectl's
 * NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND table.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go (sortableResource).
 */
export function kubectlApiResources(_ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'namespaced', bool: true }, { long: 'no-headers', bool: true }, { long: 'output', short: 'o' }], 'api-resources');
  if (isError(parsed)) return parsed;
  const { values } = parsed;
  const group = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
  const listed = kinds
    .filter((k) => !values.has('namespaced') || String(k.namespaced) === values.get('namespaced'))
    .sort((a, b) => group(a.apiVersion).localeCompare(group(b.apiVersion)) || (a.plural < b.plural ? -1 : 1));
  if (values.get('output') === 'name') {
    return { stdout: listed.map((k) => (group(k.apiVersion) ? `${k.plural}.${group(k.apiVersion)}` : k.plural) + '\n').join(''), stderr: '', exitCode: 0 };
  }
  const rows = listed.map((k) => [k.plural, k.shortNames.join(','), k.apiVersion, String(k.namespaced), k.kind]);
  return { stdout: renderTable(['Name', 'Shortnames', 'Apiversion', 'Namespaced', 'Kind'], rows, values.get('no-headers') === 'true'), stderr: '', exitCode: 0 };
}
