import { kindInfo, resolveResource, type KindInfo } from '../../core/kinds';
import { matchesSelector, parseSelector } from '../../api/labels';
import type { KubeObject, LabelSelector } from '../../api/types';
import { ApiError } from '../../core/api-error';
import type { Store } from '../../core/store';
import { kubectlError } from '../result';
import type { ExecResult } from '../../node/programs';
import { namespaceOf, type CommandContext } from '../context';

/**
 * What `kubectl get pods web`, `kubectl get pod/web svc/web` or `kubectl get pods,svc` asks for:
 * resource types in the order given, each with the names asked for (none means "list them").
 */
export interface ResourceRequest {
  info: KindInfo;
  names: string[];
}

/**
 * The types `kubectl get all` expands to (the "all" category of the built-in resources that the
 * engine serves: pods, services, deployments, replicasets).
 */
const allCategory = ['Pod', 'Service', 'Deployment', 'ReplicaSet'];

/**
 * Reads the resource arguments as kubectl's resource builder does; unknown types get the API
 * discovery error `the server doesn't have a resource type "x"`.
 */
export function parseResourceArgs(args: string[]): ResourceRequest[] | ExecResult {
  if (args[0].includes('/')) {
    const requests: ResourceRequest[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0) {
        return kubectlError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
      }
      const info = resolveType(arg.slice(0, slash));
      if (!info) return unknownType(arg.slice(0, slash));
      const existing = requests.find((r) => r.info === info);
      if (existing) existing.names.push(arg.slice(slash + 1));
      else requests.push({ info, names: [arg.slice(slash + 1)] });
    }
    return requests;
  }
  const infos: KindInfo[] = [];
  for (const type of args[0].split(',')) {
    if (type === 'all') {
      for (const k of allCategory) if (!infos.includes(kindInfo(k)!)) infos.push(kindInfo(k)!);
      continue;
    }
    const info = resolveType(type);
    if (!info) return unknownType(type);
    if (!infos.includes(info)) infos.push(info);
  }
  return infos.map((info) => ({ info, names: args.slice(1) }));
}

function resolveType(type: string): KindInfo | undefined {
  const info = resolveResource(type);
  if (!info) return undefined;
  // A group suffix must be the kind's own group: `deployments.apps`, not `deployments.foo`.
  const dot = type.indexOf('.');
  if (dot >= 0) {
    const group = info.apiVersion.includes('/') ? info.apiVersion.split('/')[0] : '';
    if (type.slice(dot + 1).toLowerCase() !== group) return undefined;
  }
  return info;
}

function unknownType(type: string): ExecResult {
  return kubectlError(`the server doesn't have a resource type "${type}"`);
}

/** `pod`, `deployment.apps`, `endpointslice.discovery.k8s.io`: how kubectl names a kind in `-o name` and messages. */
export function kindString(info: KindInfo): string {
  const group = info.apiVersion.includes('/') ? info.apiVersion.split('/')[0] : '';
  return group ? `${info.kind.toLowerCase()}.${group}` : info.kind.toLowerCase();
}

/** Objects of a kind in the API server's list order: sorted by namespace, then name (etcd key order). */
export function listSorted<T extends KubeObject>(store: Store, info: KindInfo, namespace: string | undefined): T[] {
  const objects = store.list<T>(info.kind, info.namespaced ? namespace : undefined);
  return objects.sort((a, b) => compare(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || compare(a.metadata.name, b.metadata.name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `-l SELECTOR` read as kubectl reads it; an ExecResult with kubectl's message when it does not parse. */
export function selectorFlag(values: Map<string, string>): LabelSelector | undefined | ExecResult {
  if (!values.has('selector')) return undefined;
  try {
    return parseSelector(values.get('selector')!);
  } catch (e) {
    return kubectlError((e as Error).message);
  }
}

/** One object a command acts on, with the request (type) that named it. */
export interface Target {
  request: ResourceRequest;
  obj: KubeObject;
}

/** How a command picks objects besides `TYPE NAME…`, `TYPE -l SELECTOR` and `TYPE --all`. */
export interface TargetOptions {
  /** `TYPE` alone selects every object of the type (describe); otherwise it needs names, -l or --all. */
  listWithoutNames?: boolean;
  /** A name matching no object exactly selects every object whose name starts with it (describe). */
  prefixMatch?: boolean;
  /** `-A`: look in every namespace. */
  allNamespaces?: boolean;
}

/**
 * The front half that delete, label, annotate, wait and describe share, as kubectl's resource
 * builder does it: reads `-l`, resolves the resource arguments and collects the objects named,
 * in argument order (listed types in the API server's order). A name that does not exist is a
 * NotFound line in `errors`; a bad type, selector or a type with nothing to select is an ExecResult.
 */
export function collectTargets(
  ctx: CommandContext,
  args: string[],
  values: Map<string, string>,
  opts: TargetOptions = {},
): { requests: ResourceRequest[]; targets: Target[]; errors: string[] } | ExecResult {
  const requests = parseResourceArgs(args);
  if (!Array.isArray(requests)) return requests;
  const selector = selectorFlag(values);
  if (selector && 'exitCode' in selector) return selector;
  const namespace = namespaceOf(values);
  const store = ctx.cluster.store;
  const targets: Target[] = [];
  const errors: string[] = [];
  for (const request of requests) {
    const { info, names } = request;
    if (names.length === 0) {
      if (!selector && !opts.listWithoutNames && values.get('all') !== 'true') return kubectlError('resource(s) were provided, but no name was specified');
      for (const obj of listSorted(store, info, opts.allNamespaces ? undefined : namespace)) {
        if (!selector || matchesSelector(obj.metadata.labels, selector)) targets.push({ request, obj });
      }
      continue;
    }
    for (const name of names) {
      const exact = store.get(info.kind, info.namespaced ? namespace : '', name);
      const matches = exact ? [exact] : opts.prefixMatch ? listSorted(store, info, opts.allNamespaces ? undefined : namespace).filter((o) => o.metadata.name.startsWith(name)) : [];
      if (matches.length === 0) errors.push(ApiError.notFound(info.kind, name).toString());
      for (const obj of matches) targets.push({ request, obj });
    }
  }
  return { requests, targets, errors };
}
