import type { Cluster } from '../cluster';
import type { KubeObject } from './types';
import { parseManifests, type ManifestProblem } from './manifest';
import { planApply, type ApplyPlan } from './apply-plan';

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
 * `kubectl apply --dry-run=server -f SOURCE`: every document of the file is decoded, defaulted,
 * merged with the live object and validated as the API server would, and nothing is written. A
 * document creating a Namespace counts for the documents after it, as it would when applied.
 */
export function dryRunManifests(cluster: Cluster, text: string, source: string): DryRunResult {
  const { manifests, problems } = parseManifests(text, source);
  const documents: DryRunDocument[] = [];
  const namespaces = new Set<string>();
  for (const m of manifests) {
    const { plan, problems: found } = planApply(cluster, m, namespaces);
    problems.push(...found);
    if (!plan) continue;
    const { kind, metadata } = plan.object;
    documents.push({ ...plan, document: m.index, live: cluster.store.get(kind, metadata.namespace ?? '', metadata.name) });
    if (plan.info.kind === 'Namespace') namespaces.add(metadata.name);
  }
  return { problems, documents };
}
