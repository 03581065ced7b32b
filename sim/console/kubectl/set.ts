import type { Deployment, ReplicaSet } from '../../api/types';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';
import { kubectlError } from '../result';
import { isError, parseFlags } from './flags';
import { kindString, parseResourceArgs } from './resources';

/**
 * `kubectl set image (deployment|replicaset) NAME CONTAINER=IMAGE… | *=IMAGE`: changes the pod
 * template's images, which starts a rollout of a Deployment. Prints
 * `deployment.apps/web image updated`; an object whose images already match prints nothing, as
 * kubectl skips an empty patch. Source: staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go.
 */
export function kubectlSet(ctx: CommandContext, argv: string[]): ExecResult {
  const [what, ...rest] = argv;
  if (what !== 'image') {
    if (['env', 'resources', 'selector', 'serviceaccount', 'subject'].includes(what)) return kubectlError(`"kubectl set ${what}" is not simulated here; the simulator runs: set image`);
    return { stdout: '', stderr: `error: unknown command "${what ?? ''}" for "kubectl set"\n`, exitCode: 1 };
  }
  const parsed = parseFlags(rest, [], 'set image');
  if (isError(parsed)) return parsed;
  const images = parsed.args.filter((a) => a.includes('='));
  const resources = parsed.args.filter((a) => !a.includes('='));
  if (resources.length === 0) {
    return kubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  if (images.length === 0) return kubectlError('at least one image update is required');
  const requests = parseResourceArgs(resources);
  if (!Array.isArray(requests)) return requests;
  const namespace = namespaceOf(parsed.values);
  const out: string[] = [];
  const errors: string[] = [];
  for (const { info, names } of requests) {
    if (names.length === 0) return kubectlError('resource(s) were provided, but no name was specified');
    if (info.kind !== 'Deployment' && info.kind !== 'ReplicaSet') return kubectlError(`"kubectl set image" on ${info.plural} is not simulated here; it changes deployments and replicasets`);
    for (const name of names) {
      const obj = ctx.cluster.store.get<Deployment | ReplicaSet>(info.kind, namespace, name);
      if (!obj) {
        errors.push(ApiError.notFound(info.kind, name).toString());
        continue;
      }
      const containers = obj.spec.template.spec.containers;
      const missing = images.map((a) => a.slice(0, a.indexOf('='))).find((c) => c !== '*' && !containers.some((x) => x.name === c));
      if (missing !== undefined) {
        errors.push(`error: unable to find container named "${missing}"`);
        continue;
      }
      const before = obj.metadata.resourceVersion;
      const after = ctx.cluster.store.mutate<Deployment | ReplicaSet>(info.kind, namespace, name, (d) => {
        for (const image of images) {
          const [container, value] = [image.slice(0, image.indexOf('=')), image.slice(image.indexOf('=') + 1)];
          for (const c of d.spec.template.spec.containers) if (container === '*' || c.name === container) c.image = value;
        }
      });
      if (after && after.metadata.resourceVersion !== before) out.push(`${kindString(info)}/${name} image updated`);
    }
  }
  return { stdout: out.map((l) => l + '\n').join(''), stderr: errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}
