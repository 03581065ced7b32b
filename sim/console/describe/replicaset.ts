import type { Pod, ReplicaSet } from '../../api/types';
import type { Store } from '../../core/store';
import { formatLabelSelector } from '../printers/selector-format';
import { writePodTemplate } from './containers';
import { eventsFor, writeEvents } from './events';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer';

/** `kubectl describe replicaset`, following describeReplicaSet in k8s.io/kubectl/pkg/describe/describe.go. */
export function describeReplicaSet(store: Store, rs: ReplicaSet, nowMs: number): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const controller = rs.metadata.ownerReferences?.find((o) => o.controller);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  const pods = store.list<Pod>('Pod', rs.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((o) => o.controller && o.uid === rs.metadata.uid));
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  w.write(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  writePodTemplate(w, rs.spec.template);
  writeEvents(w, eventsFor(store, rs), nowMs);
  return w.toString();
}
