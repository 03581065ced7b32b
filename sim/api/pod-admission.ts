import type { Store } from '../core/store';
import { ApiError } from '../core/api-error';
import type { Pod } from './types';

/**
 * Two of the API server's admission plugins that fill in every new Pod:
 * - Priority: `priority` from the Pod's priorityClassName (0 without one, as no PriorityClass is
 *   the global default) and `preemptionPolicy: PreemptLowerPriority`; a class that does not exist
 *   is refused. The two system classes exist in every cluster. Sources:
 *   plugin/pkg/admission/priority/admission.go (admitPod), pkg/apis/scheduling/types.go
 *   (SystemCriticalPriority = 2000000000; system-node-critical is 1000 above it).
 * - ServiceAccount: `serviceAccountName: default` when none is named, and the deprecated
 *   `serviceAccount` kept equal to it (plugin/pkg/admission/serviceaccount/admission.go). The
 *   token volume the plugin also mounts (kube-api-access-…) is not modelled.
 */
const systemPriorityClasses: Record<string, number> = {
  'system-cluster-critical': 2_000_000_000,
  'system-node-critical': 2_000_001_000,
};

export function installPodAdmission(store: Store): void {
  store.addAdmission('Pod', (obj, old) => {
    if (old) return;
    const pod = obj as Pod;
    const spec = pod.spec;
    if (!spec) return;
    spec.serviceAccountName ||= spec.serviceAccount || 'default';
    spec.serviceAccount = spec.serviceAccountName;
    const className = spec.priorityClassName;
    const forbidden = (why: string) => new ApiError('Forbidden', `pods "${pod.metadata.name}" is forbidden: ${why}`);
    if (className && systemPriorityClasses[className] === undefined) throw forbidden(`no PriorityClass with name ${className} was found`);
    const priority = className ? systemPriorityClasses[className] : 0;
    if (spec.priority !== undefined && spec.priority !== priority) {
      throw forbidden(`the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
    }
    if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== 'PreemptLowerPriority') {
      throw forbidden(`the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name`);
    }
    spec.priority = priority;
    spec.preemptionPolicy = 'PreemptLowerPriority';
  });
}
