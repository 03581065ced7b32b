import type { ComponentContext } from '../core/component';
import { ApiError } from '../core/api-error';
import { formatProblem, parseManifests, type ManifestProblem } from './manifest';
import { kubectlKind, mappingProblem, planApply } from './apply-plan';
import { kindInfo } from '../core/kinds';
import { printProblems, type FileProblem } from './kubectl-problem';

export { parseManifests } from './manifest';

/** What `kubectl apply -f` / `kubectl delete -f` print: stdout lines, stderr errors and warnings. */
export interface ManifestResult {
  /** `deployment.apps/web created`, one per object, in file order. */
  lines: string[];
  /**
   * What kubectl prints to stderr for the errors, one message each; applyManifests adds where in
   * the file each one is (`(web.yaml:9:3, document 2)`), which the console leaves out.
   */
  errors: string[];
  /** kubectl's warnings (stderr), which do not stop the apply. */
  warnings: string[];
}

/** One line kubectl printed, on stdout or stderr (the console's programs call it a Write). */
interface Printed {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** One file's apply: what it printed and the problems, to be printed with the other files'. */
export interface FileApply {
  /**
   * What kubectl printed as each object was applied: its warnings (stderr) as the API's answer
   * arrived, then its `deployment.apps/web created` line (stdout).
   */
  printed: Printed[];
  problems: FileProblem[];
  /** Documents that held an object (none in any file: kubectl says `no objects passed to apply`). */
  objects: number;
}

/**
 * `kubectl apply -f SOURCE` with one file's text, as kubectl does it: each document is created,
 * configured or left unchanged on its own with client-side apply (the last-applied-configuration
 * annotation and a three-way merge), or refused with its error while the others go on. Reading
 * stops at the first document that does not parse (kubectl's stream visitor), the documents
 * before it still apply. `dryRun` is `--dry-run=server`: every document goes through the API
 * server's checks and admission, nothing is stored, and each line ends `(server dry run)`.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (Run, applyOneObject).
 */
export function applyFile(cluster: Pick<ComponentContext, 'store'>, text: string, source: string, opts: { dryRun?: boolean; warned?: Set<string> } = {}): FileApply {
  const parsed = parseManifests(text, source);
  const problems: ManifestProblem[] = [...parsed.problems];
  // kubectl maps every document to a kind before it sends any.
  const mapped = parsed.manifests.filter((m) => {
    const problem = mappingProblem(m);
    if (problem) problems.push(problem);
    return !problem;
  });
  const printed: Printed[] = [];
  // kubectl prints each distinct warning once per command (its warning handler deduplicates).
  const warned = opts.warned ?? new Set<string>();
  const namespaces = new Set<string>();
  for (const m of mapped) {
    const { plan, problems: found } = planApply(cluster, m, namespaces);
    problems.push(...found);
    if (!plan) continue;
    const { object, info } = plan;
    for (const w of plan.warnings) {
      if (!warned.has(w)) printed.push({ stream: 'stderr', text: `${w}\n` });
      warned.add(w);
    }
    try {
      if (opts.dryRun) cluster.store.dryRun(object);
      else if (plan.outcome === 'created') cluster.store.create(object);
      else if (plan.outcome === 'configured') cluster.store.update(object);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const answer = e.withSource(plan.outcome === 'created' ? 'creating' : 'patching', source);
      problems.push({ ...m.problem('', answer.toString()), listed: answer.listed(), fromServer: true });
      continue;
    }
    if (info.kind === 'Namespace') namespaces.add(object.metadata.name);
    printed.push({ stream: 'stdout', text: `${kubectlKind(info)}/${object.metadata.name} ${plan.outcome}${opts.dryRun ? ' (server dry run)' : ''}\n` });
  }
  return { printed, problems: problems.map((problem) => ({ problem, source })), objects: parsed.manifests.length };
}

/** What kubectl prints for the errors of the files one command applied; `where` adds each one's position in its file. */
export function applyErrors(files: FileApply[], where = true): string[] {
  const problems = files.flatMap((f) => f.problems);
  if (problems.length === 0 && files.every((f) => f.objects === 0)) return ['error: no objects passed to apply'];
  return printProblems(problems, where);
}

/** `kubectl apply -f SOURCE` with the file's text: what kubectl prints. */
export function applyManifests(cluster: Pick<ComponentContext, 'store'>, text: string, source: string): ManifestResult {
  const result = applyFile(cluster, text, source);
  const texts = (stream: Printed['stream']) => result.printed.filter((w) => w.stream === stream).map((w) => w.text.slice(0, -1));
  return { lines: texts('stdout'), errors: applyErrors([result]), warnings: texts('stderr') };
}

/**
 * `kubectl delete -f SOURCE`: asks for the deletion of each object of the file, printing
 * `deployment.apps "web" deleted from default namespace` (kubectl ≥ 1.33 names the namespace), or
 * kubectl's NotFound error for an object that is not there. A file that does not parse, or names an
 * unknown kind, deletes nothing.
 */
export function deleteManifests(cluster: Pick<ComponentContext, 'store'>, text: string, source: string): ManifestResult {
  const parsed = parseManifests(text, source);
  const { manifests } = parsed;
  const errors = parsed.problems.map((p) => formatProblem(p, source, false));
  const targets: { kind: string; namespace: string; name: string }[] = [];
  for (const m of manifests) {
    const raw = m.object as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };
    const info = raw.kind ? kindInfo(raw.kind) : undefined;
    const name = raw.metadata?.name ?? '';
    if (!info || info.apiVersion !== raw.apiVersion) {
      const msg = `error: resource mapping not found for name: "${name}" namespace: "${raw.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${raw.kind ?? ''}" in version "${raw.apiVersion ?? ''}"`;
      errors.push(formatProblem(m.problem('kind', msg, 'value', 'ensure CRDs are installed first'), source, false));
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
