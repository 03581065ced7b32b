import type { Deployment, ReplicaSet } from '../../api/types';
import type { Store } from '../../core/store';
import { rfc1123z } from '../printers/age';
import { formatLabelSelector } from '../printers/selector-format';
import { writePodTemplate } from './containers';
import { eventsFor, writeEvents } from './events';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer';

/** `kubectl describe deployment`, following describeDeployment in k8s.io/kubectl/pkg/describe/describe.go. */
export function describeDeployment(store: Store, d: Deployment, nowMs: number): string {
  const w = new PrefixWriter();
  const s = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelSelector(d.spec.selector)}\n`);
  w.write(0, `Replicas:\t${d.spec.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`);
  const strategy = d.spec.strategy?.type ?? 'RollingUpdate';
  w.write(0, `StrategyType:\t${strategy}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  if (strategy === 'RollingUpdate') {
    const ru = d.spec.strategy?.rollingUpdate;
    w.write(0, `RollingUpdateStrategy:\t${ru?.maxUnavailable ?? '25%'} max unavailable, ${ru?.maxSurge ?? '25%'} max surge\n`);
  }
  writePodTemplate(w, d.spec.template);
  if (s.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of s.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const owned = store.list<ReplicaSet>('ReplicaSet', d.metadata.namespace).filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid));
  const newRS = owned.filter((rs) => sameTemplate(rs, d));
  const oldRSs = owned.filter((rs) => !newRS.includes(rs));
  if (owned.length) {
    w.write(0, `OldReplicaSets:\t${byLabels(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${byLabels(newRS.slice(0, 1))}\n`);
  }
  writeEvents(w, eventsFor(store, d), nowMs);
  return w.toString();
}

/** The new ReplicaSet is the one whose pod template is the Deployment's (hash label aside). */
function sameTemplate(rs: ReplicaSet, d: Deployment): boolean {
  const labels = { ...(rs.spec.template.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return JSON.stringify(rs.spec.template.spec) === JSON.stringify(d.spec.template.spec) && JSON.stringify(labels) === JSON.stringify(d.spec.template.metadata?.labels ?? {});
}

/** printReplicaSetsByLabels: `web-7d4b9c8f6d (3/3 replicas created)`, `<none>` when empty. */
function byLabels(list: ReplicaSet[]): string {
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`).join(', ') || '<none>';
}
