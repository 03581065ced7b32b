import type { ComponentContext } from '../core/component';
import type { KubeObject } from './types';
import { parseManifests, type ManifestProblem } from './manifest';
import { planApply, type ApplyPlan } from './apply-plan';
import { ApiError } from '../core/api-error';

/** One document of a file, as the API server would write it. */
export interface DryRunDocument extends ApplyPlan {
  /** 1-based position among the file's documents. */
  document: number;
  /** The object as the store holds it now, when there is one. */
  live?: KubeObject;
}

export interface DryRunResult {
  /** Every problem of every document; when there is any, `kubectl apply` writes nothing. */
  problems: ManifestProblem[];
  /** The documents that passed, in file order, with what applying them would write. */
  documents: DryRunDocument[];
}

/**
 * A server-side dry run of every document of a file, for a widget that must not half-apply: every
 * document is decoded, defaulted, merged with the live object, validated and admitted as the API
 * server would, and nothing is written. Apply only when `problems` is empty. A
 * document creating a Namespace counts for the documents after it, as it would when applied.
 */
export function dryRunManifests(cluster: Pick<ComponentContext, 'store'>, text: string, source: string): DryRunResult {
  const { manifests, problems } = parseManifests(text, source);
  const documents: DryRunDocument[] = [];
  const namespaces = new Set<string>();
  for (const m of manifests) {
    const { plan, problems: found } = planApply(cluster, m, namespaces);
    problems.push(...found);
    if (!plan) continue;
    // The API server's admission (a Service's ClusterIP and NodePorts, …) runs too, storing nothing.
    try {
      cluster.store.dryRun(plan.object);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const answer = e.withSource(plan.outcome === 'created' ? 'creating' : 'patching', source);
      problems.push({ ...m.problem('', answer.toString()), listed: answer.listed(), fromServer: true });
      continue;
    }
    const { kind, metadata } = plan.object;
    documents.push({ ...plan, document: m.index, live: cluster.store.get(kind, metadata.namespace ?? '', metadata.name) });
    if (plan.info.kind === 'Namespace') namespaces.add(metadata.name);
  }
  return { problems, documents };
}
