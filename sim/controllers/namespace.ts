import type { ComponentContext } from '../core/component';
import type { KubeObject, Namespace, NamespaceCondition, Pod } from '../api/types';
import { kinds } from '../core/kinds';
import { resourceName } from '../core/api-error';
import { Controller } from '../core/controller';
import { finalizeNamespace, namespaceFinalizer } from '../api/namespace-registry';

/** What is left in a namespace after one pass of deletion. */
interface Remaining {
  /** Seconds the controller expects the rest to take; 0 when the namespace is empty. */
  estimate: number;
  /** `pods.` → 2: objects still there, by resource. */
  byResource: Map<string, number>;
  /** Finalizer → objects still carrying it. */
  byFinalizer: Map<string, number>;
}

/** Seconds to allow for objects that wait on a finalizer (deletion's finalizerEstimateSeconds). */
const finalizerEstimateSeconds = 15;

/**
 * The namespace controller: empties a Namespace that is being deleted, then releases it. Each pass
 * deletes every object in the namespace (Pods gracefully, with their own grace period), writes the
 * deletion conditions to the Namespace's status, and, while content remains, looks again after
 * estimate/2 + 1 seconds. Once nothing is left it removes its `kubernetes` finalizer, and the
 * Namespace goes. Modelled on kubernetes/kubernetes pkg/controller/namespace (namespace_controller.go
 * and deletion/namespaced_resources_deleter.go, deletion/status_condition_utils.go).
 */
export class NamespaceController extends Controller {
  readonly name = 'namespace-controller';

  constructor(cluster: ComponentContext) {
    super(cluster);
    cluster.store.watch<Namespace>('Namespace', (e) => {
      if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp && !e.old?.metadata.deletionTimestamp) this.enqueue(e.object.metadata.name);
    });
    for (const ns of cluster.store.list<Namespace>('Namespace')) if (ns.metadata.deletionTimestamp) this.enqueue(ns.metadata.name);
  }

  protected reconcile(name: string): void {
    const store = this.cluster.store;
    const ns = store.get<Namespace>('Namespace', '', name);
    if (!ns?.metadata.deletionTimestamp) return;
    if (ns.status?.phase !== 'Terminating') store.mutate<Namespace>('Namespace', '', name, (d) => void (d.status = { ...d.status, phase: 'Terminating' }));
    const remaining = this.deleteAllContent(name);
    this.updateConditions(name, remaining);
    if (remaining.estimate > 0) {
      const wait = Math.floor(remaining.estimate / 2) + 1;
      this.log(name, `content remains (${describe(remaining.byResource)}) → look again in ${wait}s`);
      this.enqueueAfter(name, wait * 1000);
      return;
    }
    if (!ns.spec?.finalizers?.includes(namespaceFinalizer)) return;
    const gone = finalizeNamespace(this.cluster, name, namespaceFinalizer);
    this.log(name, gone ? 'namespace is empty → finalizer kubernetes removed, namespace deleted' : 'namespace is empty → finalizer kubernetes removed');
  }

  /** Deletes every object of every namespaced kind in `namespace`, and counts what is left. */
  private deleteAllContent(namespace: string): Remaining {
    const store = this.cluster.store;
    const remaining: Remaining = { estimate: 0, byResource: new Map(), byFinalizer: new Map() };
    let deleted = 0;
    for (const { kind, namespaced } of kinds) {
      if (!namespaced) continue;
      const before = store.list(kind, namespace);
      if (!before.length) continue;
      const podEstimate = kind === 'Pod' ? podGraceEstimate(before as Pod[]) : 0;
      for (const obj of before) {
        if (obj.metadata.deletionTimestamp) continue;
        store.delete(kind, namespace, obj.metadata.name);
        deleted++;
      }
      const left = store.list(kind, namespace);
      if (!left.length) continue;
      remaining.byResource.set(resourceName(kind).includes('.') ? resourceName(kind) : `${resourceName(kind)}.`, left.length);
      for (const f of left.flatMap((o: KubeObject) => o.metadata.finalizers ?? [])) remaining.byFinalizer.set(f, (remaining.byFinalizer.get(f) ?? 0) + 1);
      // Anything left with neither a grace period nor a finalizer is retried soon (upstream: an error, requeued).
      const estimate = podEstimate || (remaining.byFinalizer.size ? finalizerEstimateSeconds : 1);
      remaining.estimate = Math.max(remaining.estimate, estimate);
    }
    if (deleted) this.log(namespace, `namespace is Terminating → ${deleted} object(s) deleted`);
    return remaining;
  }

  /** Writes the five deletion conditions, keeping lastTransitionTime where the status holds. */
  private updateConditions(name: string, remaining: Remaining): void {
    const now = this.cluster.clock.timestamp();
    const wanted = desiredConditions(remaining);
    this.cluster.store.mutate<Namespace>('Namespace', '', name, (d) => {
      const old = d.status?.conditions ?? [];
      const conditions = wanted.map((c) => {
        const before = old.find((o) => o.type === c.type);
        const lastTransitionTime = before && before.status === c.status ? before.lastTransitionTime : now;
        return { type: c.type, status: c.status, lastTransitionTime, reason: c.reason, message: c.message };
      });
      d.status = { phase: d.status?.phase ?? 'Terminating', conditions };
    });
  }
}

/**
 * The conditions and their words (deletion/status_condition_utils.go): the three failure
 * conditions are always False here (discovery, parsing and deletion cannot fail in the engine).
 */
function desiredConditions(remaining: Remaining): NamespaceCondition[] {
  const ok = (type: NamespaceCondition['type'], reason: string, message: string): NamespaceCondition => ({ type, status: 'False', reason, message });
  const resources = [...remaining.byResource].map(([r, n]) => `${r} has ${n} resource instances`).sort();
  const finalizers = [...remaining.byFinalizer].map(([f, n]) => `${f} in ${n} resource instances`).sort();
  return [
    ok('NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'),
    ok('NamespaceDeletionGroupVersionParsingFailure', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
    ok('NamespaceDeletionContentFailure', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
    resources.length
      ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${resources.join(', ')}` }
      : ok('NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'),
    finalizers.length
      ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizerRemain', message: `Some finalizers are remaining: ${finalizers.join(', ')}` }
      : ok('NamespaceFinalizersRemaining', 'ContentRemoved', 'All content successfully removed'),
  ];
}

/** The longest grace period among Pods not yet finished (estimateGracefulTerminationForPods). */
function podGraceEstimate(pods: Pod[]): number {
  const active = pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  return Math.max(0, ...active.map((p) => p.spec.terminationGracePeriodSeconds ?? 0));
}

function describe(byResource: Map<string, number>): string {
  return [...byResource].map(([r, n]) => `${n} ${r.replace(/\.$/, '')}`).join(', ');
}
