import type { Cluster } from '../cluster';
import type { KubeObject } from './types';
import { kindInfo, type KindInfo } from './kinds';
import { schemaFor } from './schema';
import { decodeProblems } from './decode';
import type { Manifest, ManifestProblem } from './manifest';
import { setDefaults } from './defaults';
import { validateObject, validateObjectUpdate, invalidMessage } from './validation/validate';
import { lastApplied, withLastApplied } from './last-applied';
import { sortedJson, threeWayMerge } from './three-way-merge';
import { isTerminating, terminatingError } from './namespace-registry';

/** What `kubectl apply` will do with one document. */
export interface ApplyPlan {
  info: KindInfo;
  /** The object to write: the manifest (create) or the three-way merge with the live object (update). */
  object: KubeObject;
  outcome: 'created' | 'configured' | 'unchanged';
  /** Warnings for stderr: the API server's deprecation notice, kubectl's missing-annotation notice. */
  warnings: string[];
}

/**
 * The API server's warning for a deprecated kind, on every request that touches it (Kubernetes
 * 1.33 deprecated v1 Endpoints, KEP-4974).
 */
export const deprecations: Record<string, string> = {
  Endpoints: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
};

/** `deployment.apps`, `service`: how kubectl names a kind in its output lines. */
export function kubectlKind(info: KindInfo): string {
  const group = info.apiVersion.includes('/') ? `.${info.apiVersion.split('/')[0]}` : '';
  return info.kind.toLowerCase() + group;
}

/**
 * Checks one document as kubectl and the API server would, without writing anything, and works out
 * the write. Every problem becomes one message in kubectl's words, with where it is written.
 * `namespacesBefore` are the Namespaces created by earlier documents of the same file.
 */
export function planApply(cluster: Cluster, m: Manifest, namespacesBefore: Set<string>): { plan?: ApplyPlan; problems: ManifestProblem[] } {
  const raw = m.object as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  const src = m.source;
  const missing = [typeof raw.apiVersion === 'string' && raw.apiVersion ? '' : 'apiVersion not set', typeof raw.kind === 'string' && raw.kind ? '' : 'kind not set'].filter(Boolean);
  if (missing.length) {
    // kubectl's schema validation (k8s.io/kubectl/pkg/validation): an aggregate, bracketed when plural.
    const detail = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    const msg = `error: error validating "${src}": error validating data: ${detail}; if you choose to ignore these errors, turn validation off with --validate=false`;
    return { problems: [m.problem(missing.length === 1 ? missing[0].split(' ')[0] : '', msg)] };
  }
  const apiVersion = raw.apiVersion as string;
  const kind = raw.kind as string;
  const name = typeof raw.metadata?.name === 'string' ? raw.metadata.name : '';
  const info = kindInfo(kind);
  const schema = schemaFor(kind);
  if (!info || info.apiVersion !== apiVersion || !schema) {
    // k8s.io/cli-runtime pkg/resource/mapper.go and meta.NoKindMatchError.
    const ns = typeof raw.metadata?.namespace === 'string' ? raw.metadata.namespace : '';
    const msg = `error: resource mapping not found for name: "${name}" namespace: "${ns}" from "${src}": no matches for kind "${kind}" in version "${apiVersion}"`;
    return { problems: [m.problem(info && info.apiVersion !== apiVersion ? 'apiVersion' : 'kind', msg, 'value', 'ensure CRDs are installed first')] };
  }
  const namespace = info.namespaced ? (typeof raw.metadata?.namespace === 'string' && raw.metadata.namespace) || 'default' : '';
  const live = name ? cluster.store.get(kind, namespace, name) : undefined;
  const verb = live ? 'patching' : 'creating';
  const problems = decodeProblems(m.root, schema);
  if (problems.length) {
    // The API server's decoder (apiserver handlers: transformDecodeError) behind kubectl's AddSourceToErr.
    const version = apiVersion.split('/').pop();
    return {
      problems: problems.map((p) =>
        m.problem(p.path, `Error from server (BadRequest): error when ${verb} "${src}": ${kind} in version "${version}" cannot be handled as a ${kind}: ${p.detail}`, p.at),
      ),
    };
  }
  if (!name) {
    // kubectl apply's lookup of the live object (k8s.io/kubectl/pkg/cmd/apply).
    const resource = `${info.apiVersion.includes('/') ? info.apiVersion : `/${info.apiVersion}`}, Resource=${info.plural}`;
    const gvk = `${info.apiVersion.includes('/') ? info.apiVersion : `/${info.apiVersion}`}, Kind=${kind}`;
    const msg = `error: error when retrieving current configuration of:\nResource: "${resource}", GroupVersionKind: "${gvk}"\nName: "", Namespace: "${namespace}"\nfrom server for: "${src}": resource name may not be empty`;
    return { problems: [m.problem('metadata.name', msg)] };
  }
  if (namespace && !cluster.store.get('Namespace', '', namespace) && !namespacesBefore.has(namespace)) {
    const msg = `Error from server (NotFound): error when creating "${src}": namespaces "${namespace}" not found`;
    return { problems: [m.problem('metadata.namespace', msg)] };
  }
  const manifest = structuredClone(m.object) as unknown as KubeObject;
  if (namespace) manifest.metadata.namespace = namespace;
  if (!live && namespace && isTerminating(cluster, namespace)) {
    const msg = `Error from server (Forbidden): error when creating "${src}": ${terminatingError(manifest).message}`;
    return { problems: [m.problem('metadata.namespace', msg)] };
  }
  const modified = withLastApplied(manifest);
  const original = live && lastApplied(live);
  const object = live ? (threeWayMerge(original ?? {}, modified, live, schema) as KubeObject) : structuredClone(modified);
  setDefaults(object);
  const invalid = [...validateObject(object), ...(live ? validateObjectUpdate(object, live) : [])];
  if (invalid.length) {
    return {
      problems: invalid.map((e) => m.problem(e.field, invalidMessage(object, e))),
    };
  }
  const outcome = !live ? 'created' : sortedJson(object) === sortedJson(live) ? 'unchanged' : 'configured';
  const warnings = [
    ...(deprecations[kind] ? [`Warning: ${deprecations[kind]}`] : []),
    ...(live && !original
      ? [`Warning: resource ${info.plural}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`]
      : []),
  ];
  return { plan: { info, object, outcome, warnings }, problems: [] };
}
