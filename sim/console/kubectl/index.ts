import type { ExecResult } from '../../node/programs';
import type { CommandContext } from '../context';
import { kubectlError } from '../result';
import { kubectlApiResources } from './api-resources';
import { kubectlApply } from './apply';
import { kubectlClusterInfo, kubectlVersion } from './cluster-info';
import { kubectlCreate } from './create';
import { kubectlDebug } from './debug';
import { kubectlDelete } from './delete';
import { kubectlDescribe } from './describe';
import { kubectlExec } from './exec';
import { kubectlExpose } from './expose';
import { kubectlGet } from './get';
import { kubectlAnnotate, kubectlLabel } from './label';
import { kubectlLogs } from './logs';
import { kubectlPatch } from './patch';
import { kubectlCordon, kubectlDrain, kubectlUncordon } from './node-maintenance';
import { kubectlRollout } from './rollout';
import { kubectlRun } from './run';
import { kubectlScale } from './scale';
import { kubectlSet } from './set';
import { kubectlWait } from './wait';
import type { Stepped } from '../../shell/interpreter';

/** A subcommand's result, or its work in steps when it pauses between commands of a script (`exec`). */
type Subcommand = (ctx: CommandContext, argv: string[]) => ExecResult | Stepped<ExecResult>;

/** The kubectl subcommands the simulator runs. */
const subcommands = new Map<string, Subcommand>([
  ['annotate', kubectlAnnotate],
  ['api-resources', kubectlApiResources],
  ['apply', kubectlApply],
  ['cluster-info', kubectlClusterInfo],
  ['cordon', kubectlCordon],
  ['create', kubectlCreate],
  ['debug', kubectlDebug],
  ['delete', kubectlDelete],
  ['describe', kubectlDescribe],
  ['drain', kubectlDrain],
  ['exec', kubectlExec],
  ['expose', kubectlExpose],
  ['get', kubectlGet],
  ['label', kubectlLabel],
  ['logs', kubectlLogs],
  ['patch', kubectlPatch],
  ['rollout', kubectlRollout],
  ['run', kubectlRun],
  ['scale', kubectlScale],
  ['set', kubectlSet],
  ['uncordon', kubectlUncordon],
  ['version', kubectlVersion],
  ['wait', kubectlWait],
]);

/**
 * Every command of a real kubectl (`kubectl --help`), so that a real command the simulator does not
 * run is told apart from a typo, and typos get cobra's "Did you mean this?" suggestions.
 */
const realCommands = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events',
  'exec', 'explain', 'expose', 'get', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward',
  'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
];

/**
 * Runs `kubectl ARGS…`. Flags before the subcommand (`kubectl -n ns get pods`) are moved after it.
 * It pauses where `kubectl exec`'s script does (see Stepped).
 */
export function* kubectl(ctx: CommandContext, argv: string[]): Stepped<ExecResult> {
  const lead: string[] = [];
  let i = 0;
  while (i < argv.length && argv[i].startsWith('-')) {
    lead.push(argv[i]);
    if ((argv[i] === '-n' || argv[i] === '--namespace') && i + 1 < argv.length) lead.push(argv[++i]);
    i++;
  }
  const name = argv[i];
  if (name === undefined) {
    return {
      stdout:
        'kubectl controls the Kubernetes cluster manager.\n\n' +
        ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n' +
        `Commands run by this simulator: ${[...subcommands.keys()].join(', ')}\n`,
      stderr: '',
      exitCode: 0,
    };
  }
  const run = subcommands.get(name);
  if (run) {
    const result = run(ctx, [...argv.slice(i + 1), ...lead]);
    return 'next' in result ? yield* result : result;
  }
  if (realCommands.includes(name)) return kubectlError(`"kubectl ${name}" is not simulated here; the simulator runs: ${[...subcommands.keys()].join(', ')}`);
  const suggestions = realCommands.filter((c) => levenshtein(c, name) <= 2 || c.startsWith(name.toLowerCase()));
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return { stdout: '', stderr: `error: unknown command "${name}" for "kubectl"${hint}${hint ? '' : '\n'}`, exitCode: 1 };
}

/** cobra's suggestion distance (SuggestionsMinimumDistance = 2, case-insensitive Levenshtein). */
function levenshtein(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}
