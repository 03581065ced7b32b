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
  const flag = values.get('replicas')!;
  // pflag's IntVar reads the value with strconv.ParseInt(s, 0, 64).
  const parsedInt = parseGoInt(flag);
  if (typeof parsedInt === 'string') {
    return { stdout: '', stderr: `error: invalid argument "${flag}" for "--replicas" flag: strconv.ParseInt: parsing "${flag}": ${parsedInt}\nSee 'kubectl scale --help' for usage.\n`, exitCode: 1 };
  }
  if (parsedInt < 0n) return kubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const replicas = Number(parsedInt);
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
      const current = ctx.cluster.store.get<Deployment>(info.kind, namespace, name);
      if (!current) {
        errors.push(ApiError.notFound(info.kind, name).toString());
        continue;
      }
      if (replicas > int32Max) {
        errors.push(scaleOverflow(current, replicas));
        continue;
      }
      ctx.cluster.store.mutate<Deployment>(info.kind, namespace, name, (d) => {
        d.spec.replicas = replicas;
      });
      out.push(`${kindString(info)}/${name} scaled`);
    }
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}

const int32Max = 2 ** 31 - 1;

/** strconv.ParseInt(s, 0, 64): the value, or Go's reason it is not one. */
function parseGoInt(text: string): bigint | string {
  const m = text.match(/^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/);
  if (!m) return 'invalid syntax';
  const digits = m[2].replace(/^0([0-7])/, '0o$1').replace(/^0[oO]/, '0o');
  const n = (m[1] === '-' ? -1n : 1n) * BigInt(digits);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : 'value out of range';
}

/**
 * kubectl scale sends `{"spec":{"replicas":N}}` as a merge patch to the scale subresource; the API
 * server applies it to the autoscaling/v1 Scale and decodes the result, whose replicas are an
 * int32: the decode error comes back as an Invalid error on the whole patched object, which
 * kubectl prints as `The request is invalid: patch: …` (apiserver endpoints/handlers/patch.go
 * applyPatchToCurrentObject; kubectl/pkg/scale ScaleSimple). The JSON is the merge patch's output,
 * keys sorted.
 */
function scaleOverflow(obj: Deployment, replicas: number): string {
  const selector = Object.entries(obj.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const scale = {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { creationTimestamp: obj.metadata.creationTimestamp, name: obj.metadata.name, namespace: obj.metadata.namespace, resourceVersion: obj.metadata.resourceVersion, uid: obj.metadata.uid },
    spec: { replicas },
    status: { replicas: obj.status?.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
  const goStruct = 'ScaleSpec.spec.replicas';
  return `The request is invalid: patch: Invalid value: ${JSON.stringify(JSON.stringify(scale))}: json: cannot unmarshal number ${replicas} into Go struct field ${goStruct} of type int32`;
}
