import type { ComponentContext } from '../core/component';
import type { Deployment, DeploymentCondition, Pod, ReplicaSet } from '../api/types';
import { matchesSelector } from '../api/labels';
import { Controller } from '../core/controller';
import { cloneJson, objectKey, splitKey, deepEqual } from '../core/store';
import { orphan, podsByController, replicaSetsByController } from './informers';
import { controllerOf, ownerReference } from './owner-references';
import { computeHash } from './pod-template-hash';
import { newReplicaSetSize, oldReplicaSetSizes, proportionalSizes } from './deployment-rollout';
import {
  availableReplicas, defaultProgressDeadlineSeconds, defaultRevisionHistoryLimit, desiredReplicas, DesiredReplicasAnnotation,
  equalIgnoreHash, getCondition, MaxReplicasAnnotation, maxUnavailable, PodTemplateHashLabel, readyReplicas, resolveFenceposts,
  RevisionAnnotation, revisionOf, setCondition, specReplicas, statusReplicas,
} from './deployment-util';

type DeploymentStatus = NonNullable<Deployment['status']>;

/**
 * The Deployment controller: one ReplicaSet per Pod template, named `<deployment>-<pod-template-hash>`.
 * A changed template gets a new ReplicaSet; the rolling update grows it and shrinks the old ones
 * within maxSurge and maxUnavailable; Recreate empties the old ones first. It keeps the revision
 * annotation, deletes ReplicaSets beyond revisionHistoryLimit and reports progress in conditions.
 * Modelled on kubernetes/kubernetes pkg/controller/deployment (deployment_controller.go syncDeployment,
 * rolling.go, recreate.go, sync.go, progress.go).
 */
export class DeploymentController extends Controller {
  readonly name = 'deployment-controller';
  private replicaSets = replicaSetsByController(this.cluster);
  private pods = podsByController(this.cluster);

  constructor(cluster: ComponentContext) {
    super(cluster);
    const store = cluster.store;
    for (const d of store.list<Deployment>('Deployment')) this.enqueue(objectKey(d));
    store.watch<Deployment>('Deployment', (e) => this.enqueue(objectKey(e.object)));
    store.watch<ReplicaSet>('ReplicaSet', (e) => this.enqueueOwnerOf(e.object));
    // Recreate waits until the old Pods are gone: a Pod's removal may be what it waits for.
    store.watch<Pod>('Pod', (e) => {
      const ref = e.type === 'DELETED' ? controllerOf(e.object) : undefined;
      const rs = ref?.kind === 'ReplicaSet' ? store.get<ReplicaSet>('ReplicaSet', e.object.metadata.namespace ?? '', ref.name) : undefined;
      if (rs) this.enqueueOwnerOf(rs);
    });
  }

  private enqueueOwnerOf(rs: ReplicaSet): void {
    const ns = rs.metadata.namespace ?? '';
    const ref = controllerOf(rs);
    if (ref) {
      if (ref.kind === 'Deployment') this.enqueue(`${ns}/${ref.name}`);
      return;
    }
    for (const d of this.cluster.store.list<Deployment>('Deployment', ns)) {
      if (matchesSelector(rs.metadata.labels, d.spec.selector)) this.enqueue(objectKey(d));
    }
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const d = this.cluster.store.get<Deployment>('Deployment', namespace, name);
    if (!d || d.metadata.deletionTimestamp) return; // its ReplicaSets are the garbage collector's
    const all = this.claimReplicaSets(d);
    const newRS = all.find((rs) => equalIgnoreHash(rs, d));
    const old = all.filter((rs) => rs !== newRS);
    if (this.isScalingEvent(d, all)) {
      this.scale(d, newRS, old);
    } else if (d.spec.strategy?.type === 'Recreate') {
      this.rolloutRecreate(d, newRS, old);
    } else {
      this.rolloutRolling(d, newRS, old);
    }
    this.syncStatus(key, newRS?.metadata.name);
  }

  /** Owned ReplicaSets, oldest first, after adopting orphans the selector matches (ClaimReplicaSets). */
  private claimReplicaSets(d: Deployment): ReplicaSet[] {
    const ns = d.metadata.namespace ?? '';
    for (const rs of this.replicaSets.get(orphan)) {
      if (rs.metadata.namespace !== ns || rs.metadata.deletionTimestamp || !matchesSelector(rs.metadata.labels, d.spec.selector)) continue;
      this.log(objectKey(d), `replica set ${rs.metadata.name} matches the selector and has no owner → adopt it`);
      this.cluster.store.mutate<ReplicaSet>('ReplicaSet', ns, rs.metadata.name, (draft) => {
        draft.metadata.ownerReferences = [...(draft.metadata.ownerReferences ?? []), ownerReference(d)];
      });
    }
    return this.replicaSets
      .get(d.metadata.uid!)
      .filter((rs) => !rs.metadata.deletionTimestamp)
      .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
  }

  /** The desired replicas changed since the ReplicaSets were last sized (isScalingEvent). */
  private isScalingEvent(d: Deployment, all: ReplicaSet[]): boolean {
    return all.some((rs) => (rs.spec.replicas ?? 0) > 0 && rs.metadata.annotations?.[DesiredReplicasAnnotation] !== String(desiredReplicas(d)));
  }

  private scale(d: Deployment, newRS: ReplicaSet | undefined, old: ReplicaSet[]): void {
    const active = [...(newRS ? [newRS] : []), ...old].filter((rs) => (rs.spec.replicas ?? 0) > 0);
    const replicas = desiredReplicas(d);
    if (active.length <= 1) {
      const target = active[0] ?? newRS ?? old[old.length - 1];
      if (target) this.scaleReplicaSet(d, target, replicas, `scaled to ${replicas}`);
      return;
    }
    if (newRS && newRS.spec.replicas === replicas && newRS.status?.availableReplicas === replicas) {
      for (const rs of old) this.scaleReplicaSet(d, rs, 0, 'the new replica set is saturated');
      return;
    }
    const sizes = proportionalSizes(d, active);
    for (const rs of active) this.scaleReplicaSet(d, rs, sizes.get(rs.metadata.name) ?? rs.spec.replicas ?? 0, `proportional scaling to ${replicas}`);
  }

  private rolloutRolling(d: Deployment, newRS: ReplicaSet | undefined, old: ReplicaSet[]): void {
    const { maxSurge, maxUnavailable: unavailable } = resolveFenceposts(d);
    const why = `rolling update, maxSurge ${maxSurge}, maxUnavailable ${unavailable}`;
    newRS = this.syncNewReplicaSet(d, newRS, old, true)!;
    const replicas = desiredReplicas(d);
    const current = newRS.spec.replicas ?? 0;
    const target = current > replicas ? replicas : newReplicaSetSize(d, [...old, newRS], newRS);
    if (target !== current) {
      this.scaleReplicaSet(d, newRS, target, why);
      return;
    }
    const sizes = oldReplicaSetSizes(d, newRS, old);
    if (sizes.size) {
      for (const rs of old) if (sizes.has(rs.metadata.name)) this.scaleReplicaSet(d, rs, sizes.get(rs.metadata.name)!, why);
      return;
    }
    if (this.isComplete(d, newRS, old)) this.cleanup(d, old);
  }

  private rolloutRecreate(d: Deployment, newRS: ReplicaSet | undefined, old: ReplicaSet[]): void {
    const active = old.filter((rs) => (rs.spec.replicas ?? 0) > 0);
    if (active.length) {
      for (const rs of active) this.scaleReplicaSet(d, rs, 0, 'recreate: stop the old pods first');
      return;
    }
    if (old.some((rs) => this.pods.get(rs.metadata.uid!).some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'))) {
      this.log(objectKey(d), 'recreate: waiting for the old pods to terminate');
      return;
    }
    newRS = this.syncNewReplicaSet(d, newRS, old, true)!;
    this.scaleReplicaSet(d, newRS, desiredReplicas(d), 'recreate');
    if (this.isComplete(d, newRS, old)) this.cleanup(d, old);
  }

  /**
   * Finds or creates the ReplicaSet of the current template (getNewReplicaSet) and gives it the
   * next revision number; the Deployment carries the same revision annotation.
   */
  private syncNewReplicaSet(d: Deployment, newRS: ReplicaSet | undefined, old: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const store = this.cluster.store;
    const ns = d.metadata.namespace ?? '';
    const revision = Math.max(0, ...old.map(revisionOf)) + 1;
    if (newRS) {
      if (revisionOf(newRS) < revision) {
        newRS = store.mutate<ReplicaSet>('ReplicaSet', ns, newRS.metadata.name, (rs) => {
          rs.metadata.annotations = { ...rs.metadata.annotations, [RevisionAnnotation]: String(revision) };
        })!;
      }
      if (!getCondition(d.status, 'Progressing')) {
        this.setProgressing(d, 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`);
      }
    } else {
      if (!create) return undefined;
      newRS = this.createReplicaSet(d, old, revision);
    }
    if (d.metadata.annotations?.[RevisionAnnotation] !== newRS.metadata.annotations?.[RevisionAnnotation]) {
      store.mutate<Deployment>('Deployment', ns, d.metadata.name, (draft) => {
        draft.metadata.annotations = { ...draft.metadata.annotations, [RevisionAnnotation]: newRS.metadata.annotations![RevisionAnnotation] };
      });
    }
    return newRS;
  }

  private createReplicaSet(d: Deployment, old: ReplicaSet[], revision: number): ReplicaSet {
    const store = this.cluster.store;
    const ns = d.metadata.namespace ?? '';
    let collisions = 0;
    let hash = computeHash(d.spec.template);
    while (store.get('ReplicaSet', ns, `${d.metadata.name}-${hash}`)) hash = computeHash(d.spec.template, ++collisions);
    const template = cloneJson(d.spec.template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [PodTemplateHashLabel]: hash } };
    const selector = cloneJson(d.spec.selector);
    selector.matchLabels = { ...selector.matchLabels, [PodTemplateHashLabel]: hash };
    const shell: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${d.metadata.name}-${hash}`, namespace: ns, labels: template.metadata.labels, ownerReferences: [ownerReference(d)] },
      spec: { replicas: 0, selector, template, ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}) },
    };
    const replicas = newReplicaSetSize(d, old, shell);
    shell.spec.replicas = replicas;
    shell.metadata.annotations = { ...replicaAnnotations(d), [RevisionAnnotation]: String(revision) };
    const rs = store.create(shell);
    this.log(objectKey(d), `template changed → new replica set ${rs.metadata.name} (revision ${revision}) with ${replicas} replica${replicas === 1 ? '' : 's'}`);
    if (replicas > 0) {
      this.cluster.recordEvent(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} from 0 to ${replicas}`, this.name);
    }
    this.setProgressing(d, 'True', 'NewReplicaSetCreated', `Created new replica set "${rs.metadata.name}"`);
    return rs;
  }

  /** Sets a ReplicaSet's size and the replica annotations; records ScalingReplicaSet when the size changes. */
  private scaleReplicaSet(d: Deployment, rs: ReplicaSet, size: number, why: string): void {
    const from = rs.spec.replicas ?? 0;
    const annotations = replicaAnnotations(d);
    const current = rs.metadata.annotations ?? {};
    if (from === size && Object.entries(annotations).every(([k, v]) => current[k] === v)) return;
    this.cluster.store.mutate<ReplicaSet>('ReplicaSet', rs.metadata.namespace ?? '', rs.metadata.name, (draft) => {
      draft.spec.replicas = size;
      draft.metadata.annotations = { ...draft.metadata.annotations, ...annotations };
    });
    if (from === size) return;
    const direction = size > from ? 'up' : 'down';
    this.log(objectKey(d), `scale ${direction} ${rs.metadata.name} ${from} → ${size} (${why})`);
    this.cluster.recordEvent(d, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${size}`, this.name);
  }

  private isComplete(d: Deployment, newRS: ReplicaSet, old: ReplicaSet[]): boolean {
    const replicas = desiredReplicas(d);
    const all = [newRS, ...old];
    return (newRS.status?.replicas ?? 0) === replicas && statusReplicas(all) === replicas && availableReplicas(all) === replicas;
  }

  /** Deletes the oldest empty ReplicaSets beyond revisionHistoryLimit (cleanupDeployment). */
  private cleanup(d: Deployment, old: ReplicaSet[]): void {
    const limit = d.spec.revisionHistoryLimit ?? defaultRevisionHistoryLimit;
    const cleanable = old
      .filter((rs) => (rs.spec.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of cleanable.slice(0, Math.max(0, cleanable.length - limit))) {
      this.log(objectKey(d), `revisionHistoryLimit ${limit} → delete old replica set ${rs.metadata.name}`);
      this.cluster.store.delete('ReplicaSet', rs.metadata.namespace ?? '', rs.metadata.name);
    }
  }

  private setProgressing(d: Deployment, status: DeploymentCondition['status'], reason: string, message: string): void {
    const now = this.cluster.clock.timestamp();
    const ns = d.metadata.namespace ?? '';
    const current = this.cluster.store.get<Deployment>('Deployment', ns, d.metadata.name);
    if (!current) return;
    const next = { ...current.status };
    setCondition(next, { type: 'Progressing', status, reason, message, lastUpdateTime: now, lastTransitionTime: now });
    this.cluster.store.updateStatus<Deployment>('Deployment', ns, d.metadata.name, next);
  }

  /** Writes replicas counts and the Available and Progressing conditions (calculateStatus, syncRolloutStatus). */
  private syncStatus(key: string, newRSName: string | undefined): void {
    const { namespace, name } = splitKey(key);
    const store = this.cluster.store;
    const d = store.get<Deployment>('Deployment', namespace, name);
    if (!d) return;
    const all = this.replicaSets.get(d.metadata.uid!).filter((rs) => !rs.metadata.deletionTimestamp);
    const newRS = all.find((rs) => rs.metadata.name === newRSName);
    const replicas = desiredReplicas(d);
    const now = this.cluster.clock.timestamp();
    const available = availableReplicas(all);
    const status: DeploymentStatus = omitZeros({
      observedGeneration: d.metadata.generation,
      replicas: statusReplicas(all),
      updatedReplicas: newRS?.status?.replicas ?? 0,
      readyReplicas: readyReplicas(all),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, specReplicas(all) - available),
    });
    status.conditions = d.status?.conditions ? cloneJson(d.status.conditions) : undefined;
    if (available >= replicas - maxUnavailable(d)) {
      setCondition(status, { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: now, lastTransitionTime: now });
    } else {
      setCondition(status, { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: now, lastTransitionTime: now });
    }
    this.syncProgressing(d, status, newRS, now);
    if (!status.conditions?.length) delete status.conditions;
    if (deepEqual(status, d.status)) return;
    store.updateStatus<Deployment>('Deployment', namespace, name, status);
  }

  private syncProgressing(d: Deployment, status: DeploymentStatus, newRS: ReplicaSet | undefined, now: string): void {
    const current = getCondition(status, 'Progressing');
    const rsName = newRS?.metadata.name;
    const replicas = desiredReplicas(d);
    if ((status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === 'NewReplicaSetAvailable') return;
    const old = d.status ?? {};
    const complete =
      (status.updatedReplicas ?? 0) === replicas && (status.replicas ?? 0) === replicas && (status.availableReplicas ?? 0) === replicas;
    const progressing =
      (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
      (status.replicas ?? 0) - (status.updatedReplicas ?? 0) < (old.replicas ?? 0) - (old.updatedReplicas ?? 0) ||
      (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
      (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
    const deadlineMs = (d.spec.progressDeadlineSeconds ?? defaultProgressDeadlineSeconds) * 1000;
    const epoch = this.cluster.clock.epochMs;
    const lastUpdate = current?.lastUpdateTime ? Date.parse(current.lastUpdateTime) - epoch : this.cluster.clock.now;
    if (complete) {
      setCondition(status, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : 'Deployment has successfully progressed.', lastUpdateTime: now, lastTransitionTime: now });
    } else if (progressing) {
      const condition: DeploymentCondition = { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: rsName ? `ReplicaSet "${rsName}" is progressing.` : 'Deployment is progressing.', lastUpdateTime: now, lastTransitionTime: current?.status === 'True' ? current.lastTransitionTime : now };
      status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'Progressing'), condition];
      this.enqueueAfter(objectKey(d), deadlineMs + 1000);
    } else if (current && current.reason !== 'ProgressDeadlineExceeded' && this.cluster.clock.now > lastUpdate + deadlineMs) {
      setCondition(status, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : 'Deployment has timed out progressing.', lastUpdateTime: now, lastTransitionTime: now });
    }
  }
}

/** The annotations that record what a ReplicaSet was sized for (SetReplicasAnnotations). */
function replicaAnnotations(d: Deployment): Record<string, string> {
  const replicas = desiredReplicas(d);
  return { [DesiredReplicasAnnotation]: String(replicas), [MaxReplicasAnnotation]: String(replicas + resolveFenceposts(d).maxSurge) };
}

/** Drops zero counts, as the API's `omitempty` fields do. */
function omitZeros<T extends object>(status: T): T {
  return Object.fromEntries(Object.entries(status).filter(([, v]) => v !== 0 && v !== undefined)) as T;
}
