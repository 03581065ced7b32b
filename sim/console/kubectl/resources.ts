import { kindInfo, resolveResource, type KindInfo } from '../../api/kinds';
import type { KubeObject } from '../../api/types';
import type { Store } from '../../core/store';
import { kubectlError } from '../result';
import type { ExecResult } from '../../node/programs';

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
