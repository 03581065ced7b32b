import type { Pod } from '../../api/types';
import { podQOSClass } from '../../api/pod-qos';
import type { Store } from '../../core/store';
import { rfc1123z, since } from '../printers/age';
import { writeContainers, writeTolerations } from './containers';
import { eventsFor, writeEvents } from './events';
import { writeVolumes } from './volumes';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer';

/**
 * `kubectl describe pod`, following describePod in k8s.io/kubectl/pkg/describe/describe.go.
 */
export function describePod(store: Store, pod: Pod, nowMs: number): string {
  const w = new PrefixWriter();
  const s = pod.status;
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (pod.spec.priority !== undefined) w.write(0, `Priority:\t${pod.spec.priority}\n`);
  if (pod.spec.priorityClassName) w.write(0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`);
  if (pod.spec.serviceAccountName) w.write(0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
  w.write(0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${s?.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (s?.startTime) w.write(0, `Start Time:\t${rfc1123z(s.startTime)}\n`);
  writeLabels(w, 'Labels', pod.metadata.labels);
  writeAnnotations(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && s?.phase !== 'Failed' && s?.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, nowMs)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s\n`);
  } else w.write(0, `Status:\t${s?.phase ?? 'Pending'}\n`);
  if (s?.reason) w.write(0, `Reason:\t${s.reason}\n`);
  if (s?.message) w.write(0, `Message:\t${s.message}\n`);
  w.write(0, `IP:\t${s?.podIP ?? ''}\n`);
  const ips = s?.podIPs ?? (s?.podIP ? [{ ip: s.podIP }] : []);
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const controller = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  writeContainers(w, 'Containers', pod.spec.containers, s?.containerStatuses ?? [], '', pod);
  // describePod: ephemeral containers (kubectl debug) are described as containers, under their own heading.
  if (pod.spec.ephemeralContainers?.length) writeContainers(w, 'Ephemeral Containers', pod.spec.ephemeralContainers, s?.ephemeralContainerStatuses ?? [], '', pod);
  if (s?.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of s.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  writeVolumes(w, pod.spec.volumes);
  w.write(0, `QoS Class:\t${s?.qosClass || podQOSClass(pod.spec)}\n`);
  writeLabels(w, 'Node-Selectors', pod.spec.nodeSelector);
  writeTolerations(w, 'Tolerations', pod.spec.tolerations);
  writeEvents(w, eventsFor(store, pod), nowMs);
  return w.toString();
}
