import type { Deployment } from '../../api/types';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';
import { kindString, parseResourceArgs } from './resources';

/**
 * `kubectl scale (deployment/web | deployment web) --replicas=N`: sets spec.replicas and prints
 * `deployment.apps/web scaled`. Source: staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go.
 */
export function kubectlScale(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'replicas' }], 'scale');
  if (isError(parsed)) return parsed;
  const { values, args } = parsed;
  if (!values.has('replicas')) return kubectlError('required flag(s) "replicas" not set');
  const replicas = Number(values.get('replicas'));
  if (!Number.isInteger(replicas) || replicas < 0) return kubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (args.length === 0) {
    return kubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const requests = parseResourceArgs(args);
  if (!Array.isArray(requests)) return requests;
  const namespace = namespaceOf(values);
  const out: string[] = [];
  const errors: string[] = [];
  for (const { info, names } of requests) {
    if (names.length === 0) return kubectlError('resource(s) were provided, but no name was specified');
    for (const name of names) {
      if (info.kind !== 'Deployment' && info.kind !== 'ReplicaSet') {
        errors.push(`Error from server (NotFound): the server could not find the requested resource`);
        continue;
      }
      const scaled = ctx.cluster.store.mutate<Deployment>(info.kind, namespace, name, (d) => {
        d.spec.replicas = replicas;
      });
      if (scaled) out.push(`${kindString(info)}/${name} scaled`);
      else errors.push(ApiError.notFound(info.kind, name).toString());
    }
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}
