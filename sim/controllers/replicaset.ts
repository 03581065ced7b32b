import type { ComponentContext } from '../core/component';
import type { Pod, ReplicaSet } from '../api/types';
import { matchesSelector } from '../api/labels';
import { Controller } from '../core/controller';
import { objectKey, splitKey, deepEqual } from '../core/store';
import { orphan, podsByController } from './informers';
import { controllerOf, ownerReference } from './owner-references';
import { compareActivePods, isPodActive, isPodAvailable, isPodReady, podReadySince } from './pod-util';

/** Does a Pod's change touch what the ReplicaSet controller's sync reads: owner, labels, deletion, phase, readiness? */
function replicaSetViewChanged(old: Pod, pod: Pod): boolean {
  const readyOld = old.status?.conditions?.find((c) => c.type === 'Ready');
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  return (
    !deepEqual(old.metadata.ownerReferences, pod.metadata.ownerReferences) ||
    !deepEqual(old.metadata.labels, pod.metadata.labels) ||
    old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp ||
    old.status?.phase !== pod.status?.phase ||
    readyOld?.status !== ready?.status ||
    readyOld?.lastTransitionTime !== ready?.lastTransitionTime
  );
}

/**
 * How many Pods the ReplicaSet controller creates or deletes in one sync
 * (pkg/controller/replicaset/replica_set.go BurstReplicas).
 */
export const burstReplicas = 500;

/**
 * The ReplicaSet controller: keeps exactly `spec.replicas` active Pods matching each ReplicaSet.
 * It counts the Pods it owns, creates the missing ones from the template or deletes the extra ones
 * (the least useful first), then writes what it saw to the ReplicaSet's status.
 * Modelled on kubernetes/kubernetes pkg/controller/replicaset/replica_set.go (syncReplicaSet,
 * manageReplicas, calculateStatus) and pkg/controller/controller_utils.go (ClaimPods, ActivePods).
 */
export class ReplicaSetController extends Controller {
  readonly name = 'replicaset-controller';
  private pods = podsByController(this.cluster);
  /** The last reconcile-log line per key, so that a key that stays in sync logs once. */
  private lastLine = new Map<string, string>();

  constructor(cluster: ComponentContext) {
    super(cluster);
    const store = cluster.store;
    for (const rs of store.list<ReplicaSet>('ReplicaSet')) this.enqueue(objectKey(rs));
    store.watch<ReplicaSet>('ReplicaSet', (e) => this.enqueue(objectKey(e.object)));
    store.watch<Pod>('Pod', (e) => {
      // A change the ReplicaSet cannot see in its counts (a container's restart count, an IP) is not its business.
      if (e.old && !replicaSetViewChanged(e.old, e.object)) return;
      this.enqueueOwnerOf(e.object);
      if (e.old && controllerOf(e.old)?.uid !== controllerOf(e.object)?.uid) this.enqueueOwnerOf(e.old);
    });
  }

  /** Queues the ReplicaSet that controls `pod`, or, for an orphan, every ReplicaSet that selects it. */
  private enqueueOwnerOf(pod: Pod): void {
    const ref = controllerOf(pod);
    const ns = pod.metadata.namespace ?? '';
    if (ref) {
      if (ref.kind === 'ReplicaSet') this.enqueue(`${ns}/${ref.name}`);
      return;
    }
    if (pod.metadata.deletionTimestamp) return;
    for (const rs of this.cluster.store.list<ReplicaSet>('ReplicaSet', ns)) {
      if (matchesSelector(pod.metadata.labels, rs.spec.selector)) this.enqueue(objectKey(rs));
    }
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const store = this.cluster.store;
    const rs = store.get<ReplicaSet>('ReplicaSet', namespace, name);
    if (!rs) {
      // Its Pods are the garbage collector's now (ownerReferences): nothing of ours is left.
      this.lastLine.delete(key);
      return;
    }
    if (rs.metadata.deletionTimestamp) return;
    const pods = this.claimPods(rs);
    const active = pods.filter(isPodActive);
    const desired = rs.spec.replicas ?? 1;
    // At most burstReplicas creations or deletions per sync; the Pods' events bring the next sync.
    const diff = Math.max(-burstReplicas, Math.min(burstReplicas, desired - active.length));
    if (diff > 0) {
      this.say(key, `desired ${desired}, current ${active.length} → create ${diff}`);
      for (let i = 0; i < diff; i++) this.createPod(rs);
    } else if (diff < 0) {
      const victims = [...active].sort(compareActivePods).slice(0, -diff);
      this.say(key, `desired ${desired}, current ${active.length} → delete ${-diff} (${victims.map((p) => p.metadata.name).join(', ')})`);
      for (const pod of victims) {
        store.delete('Pod', namespace, pod.metadata.name);
        this.cluster.recordEvent(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, this.name);
      }
    } else {
      this.say(key, `desired ${desired}, current ${active.length} → in sync`);
    }
    this.updateStatus(rs);
  }

  /**
   * The Pods this ReplicaSet owns, after adopting orphans its selector matches and releasing owned
   * Pods whose labels no longer match (ClaimPods). A released Pod lives on, unowned.
   */
  private claimPods(rs: ReplicaSet): Pod[] {
    const store = this.cluster.store;
    const ns = rs.metadata.namespace ?? '';
    const uid = rs.metadata.uid!;
    const claimed: Pod[] = [];
    for (const pod of this.pods.get(uid)) {
      if (matchesSelector(pod.metadata.labels, rs.spec.selector) || pod.metadata.deletionTimestamp) {
        claimed.push(pod);
        continue;
      }
      this.say(objectKey(rs), `pod ${pod.metadata.name} no longer matches the selector → release it`);
      store.mutate<Pod>('Pod', ns, pod.metadata.name, (d) => {
        d.metadata.ownerReferences = d.metadata.ownerReferences?.filter((r) => r.uid !== uid);
      });
    }
    for (const pod of this.pods.get(orphan)) {
      if (pod.metadata.namespace !== ns || pod.metadata.deletionTimestamp) continue;
      if (!matchesSelector(pod.metadata.labels, rs.spec.selector)) continue;
      this.say(objectKey(rs), `pod ${pod.metadata.name} matches the selector and has no owner → adopt it`);
      const adopted = store.mutate<Pod>('Pod', ns, pod.metadata.name, (d) => {
        d.metadata.ownerReferences = [...(d.metadata.ownerReferences ?? []), ownerReference(rs)];
      });
      if (adopted) claimed.push(adopted);
    }
    return claimed;
  }

  private createPod(rs: ReplicaSet): void {
    const template = rs.spec.template;
    const pod = this.cluster.store.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: '',
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...template.metadata?.labels },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [ownerReference(rs)],
      },
      spec: template.spec, // the store stores a copy
      status: { phase: 'Pending' },
    });
    this.cluster.recordEvent(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, this.name);
  }

  private updateStatus(rs: ReplicaSet): void {
    const { now, epochMs } = this.cluster.clock;
    const minReady = rs.spec.minReadySeconds ?? 0;
    const active = this.pods.get(rs.metadata.uid!).filter(isPodActive);
    const templateLabels = rs.spec.template.metadata?.labels ?? {};
    const status: NonNullable<ReplicaSet['status']> = {
      replicas: active.length,
      fullyLabeledReplicas: active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: active.filter(isPodReady).length,
      availableReplicas: active.filter((p) => isPodAvailable(p, minReady, now, epochMs)).length,
      observedGeneration: rs.metadata.generation,
    };
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'] as const) if (!status[k]) delete status[k];
    if (!deepEqual(status, rs.status)) {
      this.cluster.store.updateStatus<ReplicaSet>('ReplicaSet', rs.metadata.namespace ?? '', rs.metadata.name, status);
    }
    // A Pod that is Ready but not yet for minReadySeconds becomes available later: look again then.
    const waits = active
      .filter((p) => isPodReady(p) && !isPodAvailable(p, minReady, now, epochMs))
      .map((p) => (podReadySince(p, epochMs) ?? now) + minReady * 1000 - now);
    if (waits.length) this.enqueueAfter(objectKey(rs), Math.max(1, Math.min(...waits)));
  }

  private say(key: string, line: string): void {
    if (this.lastLine.get(key) === line) return;
    this.lastLine.set(key, line);
    this.log(key, line);
  }
}
