import { objectWarnings } from './warnings';
import type { ComponentContext } from '../core/component';
import type { KubeObject } from './types';
import { kindInfo, type KindInfo } from '../core/kinds';
import { schemaFor } from './schema';
import { decodeProblems, zeroNullItems } from './decode';
import type { Manifest, ManifestProblem } from './manifest';
import { setDefaults } from './defaults';
import { validateObject, validateObjectUpdate } from './validation/validate';
import { formatFieldError } from './validation/field-error';
import { ApiError } from '../core/api-error';
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

/** The API server's limit on a request's body (apiserver server/config.go MaxRequestBodyBytes, 3 MiB). */
export const maxRequestBodyBytes = 3 * 1024 * 1024;

/**
 * What kubectl's builder says of a document before anything is sent: no apiVersion or kind, or a
 * kind the cluster does not serve. Undefined when the document maps to a kind.
 */
export function mappingProblem(m: Manifest): ManifestProblem | undefined {
  const raw = m.object as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  const src = m.source;
  const missing = [typeof raw.apiVersion === 'string' && raw.apiVersion ? '' : 'apiVersion not set', typeof raw.kind === 'string' && raw.kind ? '' : 'kind not set'].filter(Boolean);
  if (missing.length) {
    // kubectl's schema validation (k8s.io/kubectl/pkg/validation): an aggregate, bracketed when plural.
    const detail = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    const msg = `error: error validating "${src}": error validating data: ${detail}; if you choose to ignore these errors, turn validation off with --validate=false`;
    return m.problem(missing.length === 1 ? missing[0].split(' ')[0] : '', msg);
  }
  const info = kindInfo(raw.kind as string);
  if (info && info.apiVersion === raw.apiVersion && schemaFor(info.kind)) return undefined;
  // k8s.io/cli-runtime pkg/resource/mapper.go and meta.NoKindMatchError; kubectl's checkErr adds the hint.
  const name = typeof raw.metadata?.name === 'string' ? raw.metadata.name : '';
  const ns = typeof raw.metadata?.namespace === 'string' ? raw.metadata.namespace : '';
  const msg = `error: resource mapping not found for name: "${name}" namespace: "${ns}" from "${src}": no matches for kind "${raw.kind}" in version "${raw.apiVersion}"`;
  return m.problem(info && info.apiVersion !== raw.apiVersion ? 'apiVersion' : 'kind', msg, 'value', 'ensure CRDs are installed first');
}

/**
 * Checks one document as kubectl and the API server would, without writing anything, and works out
 * the write. Every problem becomes one message in kubectl's words, with where it is written; an
 * Invalid object gives one problem per cause, sharing their heading.
 * `namespacesBefore` are the Namespaces created by earlier documents of the same file.
 */
export function planApply(cluster: Pick<ComponentContext, 'store'>, m: Manifest, namespacesBefore: Set<string>): { plan?: ApplyPlan; problems: ManifestProblem[] } {
  const mapping = mappingProblem(m);
  if (mapping) return { problems: [mapping] };
  const raw = m.object as { apiVersion: string; kind: string; metadata?: { name?: unknown; namespace?: unknown } };
  const src = m.source;
  const fromServer = (path: string, e: ApiError, at: 'key' | 'value' = 'value'): { problems: ManifestProblem[] } => ({
    problems: [{ ...m.problem(path, e.toString(), at), listed: e.listed(), fromServer: true }],
  });
  const { apiVersion, kind } = raw;
  const name = typeof raw.metadata?.name === 'string' ? raw.metadata.name : '';
  const info = kindInfo(kind)!;
  const schema = schemaFor(kind)!;
  const namespace = info.namespaced ? (typeof raw.metadata?.namespace === 'string' && raw.metadata.namespace) || 'default' : '';
  const live = name ? cluster.store.get(kind, namespace, name) : undefined;
  const verb = live ? 'patching' : 'creating';
  const problems = decodeProblems(m.root, schema);
  if (problems.length) {
    // The API server's decoder (apiserver handlers: transformDecodeError) behind kubectl's
    // AddSourceToErr. encoding/json reports its first type error; only without one do the strict
    // decoder's unknown fields count, all of them in one message.
    const version = apiVersion.split('/').pop();
    const typeError = problems.find((p) => !p.detail.startsWith('strict decoding error: '));
    const detail = typeError?.detail ?? `strict decoding error: ${problems.map((p) => p.detail.slice('strict decoding error: '.length)).join(', ')}`;
    const first = typeError ?? problems[0];
    return fromServer(first.path, new ApiError('BadRequest', `${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`).withSource(verb, src), first.at);
  }
  if (!name) {
    // kubectl apply's lookup of the live object (k8s.io/kubectl/pkg/cmd/apply).
    const resource = `${info.apiVersion.includes('/') ? info.apiVersion : `/${info.apiVersion}`}, Resource=${info.plural}`;
    const gvk = `${info.apiVersion.includes('/') ? info.apiVersion : `/${info.apiVersion}`}, Kind=${kind}`;
    const msg = `error: error when retrieving current configuration of:\nResource: "${resource}", GroupVersionKind: "${gvk}"\nName: "", Namespace: "${namespace}"\nfrom server for: "${src}": resource name may not be empty`;
    return { problems: [{ ...m.problem('metadata.name', msg), fromServer: true }] };
  }
  if (namespace && !cluster.store.get('Namespace', '', namespace) && !namespacesBefore.has(namespace)) {
    return fromServer('metadata.namespace', ApiError.notFound('Namespace', namespace).withSource('creating', src));
  }
  const manifest = zeroNullItems(structuredClone(m.object), schema) as unknown as KubeObject;
  if (namespace) manifest.metadata.namespace = namespace;
  if (!live && namespace && isTerminating(cluster, namespace)) {
    return fromServer('metadata.namespace', terminatingError(manifest).withSource('creating', src));
  }
  const modified = withLastApplied(manifest);
  if (requestBytes(modified) > maxRequestBodyBytes) {
    // apiserver endpoints/handlers/rest.go limitedReadBody: errors.NewRequestEntityTooLargeError.
    return fromServer('', new ApiError('RequestEntityTooLarge', `Request entity too large: limit is ${maxRequestBodyBytes}`).withSource(verb, src));
  }
  const original = live && lastApplied(live);
  const object = live ? (threeWayMerge(original ?? {}, modified, live, schema) as KubeObject) : structuredClone(modified);
  setDefaults(object);
  const invalid = [...validateObject(object), ...(live ? validateObjectUpdate(object, live) : [])];
  if (invalid.length) {
    const causes = invalid.map(formatFieldError);
    const e = ApiError.invalid(object, causes).withSource(verb, src);
    const heading = `The ${kind} "${name}" is invalid: `;
    return { problems: invalid.map((f, i) => ({ ...m.problem(f.field, heading + causes[i]), heading, listed: e.listed(), fromServer: true })) };
  }
  const outcome = !live ? 'created' : sortedJson(object) === sortedJson(live) ? 'unchanged' : 'configured';
  const warnings = [
    ...(deprecations[kind] ? [`Warning: ${deprecations[kind]}`] : []),
    ...objectWarnings(object).map((w) => `Warning: ${w}`),
    ...(live && !original
      ? [`Warning: resource ${info.plural}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`]
      : []),
  ];
  return { plan: { info, object, outcome, warnings }, problems: [] };
}

/** The size of the request body kubectl sends: the object as JSON, in UTF-8 bytes. */
function requestBytes(obj: KubeObject): number {
  const json = JSON.stringify(obj);
  return json.length * 3 <= maxRequestBodyBytes ? json.length : new TextEncoder().encode(json).length;
}
