import type { Cluster } from '../cluster';
import { ApiError } from '../core/api-error';
import { formatProblem, parseManifests } from './manifest';
import { kubectlKind } from './apply-plan';
import { kindInfo } from './kinds';
import { dryRunManifests } from './dry-run';

export { parseManifests } from './manifest';

/** What `kubectl apply -f` / `kubectl delete -f` print: stdout lines, stderr errors and warnings. */
export interface ManifestResult {
  /** `deployment.apps/web created`, one per object, in file order. */
  lines: string[];
  /** One message per problem, kubectl's words plus where in the file (`(web.yaml:9:3, document 2)`). */
  errors: string[];
  /** kubectl's warnings (stderr), which do not stop the apply. */
  warnings: string[];
}

/**
 * `kubectl apply -f SOURCE` with the file's text: creates, configures or leaves unchanged each
 * object, with kubectl's client-side apply (the last-applied-configuration annotation and a
 * three-way merge). All or nothing: when any document has a problem, nothing of the file is
 * applied and every problem is reported.
 */
export function applyManifests(cluster: Cluster, text: string, source: string): ManifestResult {
  const { problems, documents } = dryRunManifests(cluster, text, source);
  if (problems.length) return { lines: [], errors: problems.map((p) => formatProblem(p, source)), warnings: [] };
  const lines: string[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const plan of documents) {
    const { object, info } = plan;
    // kubectl prints each distinct warning once (its warning handler deduplicates).
    for (const w of plan.warnings) if (!warnings.includes(w)) warnings.push(w);
    try {
      if (plan.outcome === 'created') cluster.store.create(object);
      else if (plan.outcome === 'configured') cluster.store.update(object);
      lines.push(`${kubectlKind(info)}/${object.metadata.name} ${plan.outcome}`);
    } catch (e) {
      const verb = plan.outcome === 'created' ? 'creating' : 'patching';
      errors.push(e instanceof ApiError ? `Error from server (${e.reason}): error when ${verb} "${source}": ${e.message}` : String(e));
    }
  }
  return { lines, errors, warnings };
}

/**
 * `kubectl delete -f SOURCE`: asks for the deletion of each object of the file, printing
 * `deployment.apps "web" deleted from default namespace` (kubectl ≥ 1.33 names the namespace), or
 * kubectl's NotFound error for an object that is not there. A file that does not parse, or names an
 * unknown kind, deletes nothing.
 */
export function deleteManifests(cluster: Cluster, text: string, source: string): ManifestResult {
  const parsed = parseManifests(text, source);
  const { manifests } = parsed;
  const errors = parsed.problems.map((p) => formatProblem(p, source));
  const targets: { kind: string; namespace: string; name: string }[] = [];
  for (const m of manifests) {
    const raw = m.object as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };
    const info = raw.kind ? kindInfo(raw.kind) : undefined;
    const name = raw.metadata?.name ?? '';
    if (!info || info.apiVersion !== raw.apiVersion) {
      const msg = `error: resource mapping not found for name: "${name}" namespace: "${raw.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${raw.kind ?? ''}" in version "${raw.apiVersion ?? ''}"`;
      errors.push(formatProblem(m.problem('kind', msg, 'value', 'ensure CRDs are installed first'), source));
      continue;
    }
    targets.push({ kind: info.kind, namespace: info.namespaced ? raw.metadata?.namespace || 'default' : '', name });
  }
  if (errors.length) return { lines: [], errors, warnings: [] };
  const lines: string[] = [];
  for (const t of targets) {
    const info = kindInfo(t.kind)!;
    try {
      cluster.store.delete(t.kind, t.namespace, t.name);
      lines.push(`${kubectlKind(info)} "${t.name}" deleted${t.namespace ? ` from ${t.namespace} namespace` : ''}`);
    } catch (e) {
      errors.push(e instanceof ApiError ? `Error from server (${e.reason}): error when deleting "${source}": ${e.message}` : String(e));
    }
  }
  return { lines, errors, warnings: [] };
}
