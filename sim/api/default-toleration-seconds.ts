import type { Store } from '../core/store';
import type { Pod, Toleration } from './types';
import { TaintNodeNotReady, TaintNodeUnreachable } from './taints';

/**
 * The DefaultTolerationSeconds admission plugin: every new Pod that does not already tolerate the
 * NoExecute taints `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable` gets a
 * toleration for each, with tolerationSeconds 300. So when its node is lost, the Pod stays bound for
 * five minutes before the taint eviction controller deletes it.
 * Source: kubernetes/kubernetes plugin/pkg/admission/defaulttolerationseconds/admission.go
 * (--default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds, both 300).
 */
export const defaultTolerationSeconds = 300;

export function installDefaultTolerationSeconds(store: Store): void {
  store.addAdmission('Pod', (obj, old) => {
    if (old) return;
    const spec = (obj as Pod).spec;
    if (!spec) return;
    const tolerations = spec.tolerations ?? [];
    for (const key of [TaintNodeNotReady, TaintNodeUnreachable]) {
      if (tolerations.some((t) => tolerates(t, key))) continue;
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: defaultTolerationSeconds });
    }
    spec.tolerations = tolerations;
  });
}

/** Whether a toleration already covers `key`'s NoExecute taint, as the plugin checks it. */
function tolerates(t: Toleration, key: string): boolean {
  const keyMatches = t.key === key || (!t.key && t.operator === 'Exists');
  return keyMatches && (!t.effect || t.effect === 'NoExecute');
}
