import { parse } from 'yaml';
import type { KubeObject } from '../../api/types';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from '../../api/patch';
import { schemaFor } from '../../api/schema';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';
import { kindString, parseResourceArgs } from './resources';

/** The kinds whose API has a status subresource (`kubectl patch --subresource=status`). */
const withStatus = new Set(['Pod', 'Service', 'Namespace', 'Node', 'Deployment', 'ReplicaSet', 'Ingress']);
const patchTypes = ['json', 'merge', 'strategic'];

/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json] [--subresource status]`: the
 * patch, written as JSON or YAML, goes to the API server, which applies it to the stored object
 * (sim/api/patch.ts) and stores the result through the usual admission and validation. On the
 * main resource a status change is dropped (the registry keeps the stored status); with
 * `--subresource=status` only the status changes. Prints `deployment.apps/web patched`, or
 * `… patched (no change)`. Source: staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go.
 */
export function kubectlPatch(ctx: CommandContext, argv: string[]): ExecResult {
  const parsed = parseFlags(argv, [{ long: 'patch', short: 'p' }, { long: 'patch-file' }, { long: 'type' }, { long: 'subresource' }], 'patch');
  if (isError(parsed)) return parsed;
  const { values, args } = parsed;
  const type = values.get('type') ?? 'strategic';
  if (!patchTypes.includes(type)) return kubectlError(`--type must be one of [${patchTypes.join(' ')}], not "${type}"`);
  let text = values.get('patch');
  const file = values.get('patch-file');
  if (text !== undefined && file !== undefined) return kubectlError('cannot specify --patch and --patch-file together');
  if (file !== undefined) {
    text = ctx.readFile(file);
    if (text === undefined) return kubectlError(`unable to read patch file: open ${file}: no such file or directory`);
  }
  if (text === undefined || text === '') return kubectlError('must specify --patch or --patch-file containing the contents of the patch');
  let patch: unknown;
  try {
    patch = parse(text);
  } catch (e) {
    return kubectlError(`unable to parse "${text}": yaml: ${(e as Error).message.split('\n')[0]}`);
  }
  if (args.length === 0) {
    return kubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const requests = parseResourceArgs(args);
  if (!Array.isArray(requests)) return requests;
  const subresource = values.get('subresource');
  if (subresource !== undefined && subresource !== 'status') return kubectlError(`invalid subresource value: "${subresource}". Must be one of [status scale]`);
  const namespace = namespaceOf(values);
  const store = ctx.cluster.store;
  const out: string[] = [];
  const errors: string[] = [];
  for (const { info, names } of requests) {
    if (names.length === 0) return kubectlError('resource(s) were provided, but no name was specified');
    for (const name of names) {
      const ns = info.namespaced ? namespace : '';
      const live = store.get<KubeObject>(info.kind, ns, name);
      if (!live) {
        errors.push(ApiError.notFound(info.kind, name).toString());
        continue;
      }
      if (subresource && !withStatus.has(info.kind)) {
        errors.push('Error from server (NotFound): the server could not find the requested resource');
        continue;
      }
      try {
        const applied = (type === 'json' ? jsonPatch(live, patch) : type === 'merge' ? jsonMergePatch(live, patch) : strategicMergePatch(live, patch, schemaFor(info.kind))) as KubeObject;
        // The registry's strategies: the main resource keeps the stored status, the status subresource the rest.
        const next = subresource ? { ...live, status: applied.status } : { ...applied, ...(withStatus.has(info.kind) ? { status: live.status } : {}), metadata: { ...applied.metadata, name, namespace: live.metadata.namespace } };
        const stored = store.update(next as KubeObject);
        out.push(`${kindString(info)}/${name} patched${stored === live ? ' (no change)' : ''}`);
      } catch (e) {
        if (e instanceof ApiError) errors.push(e.toString());
        else errors.push(`Error from server (BadRequest): ${(e as Error).message}`);
      }
    }
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}
