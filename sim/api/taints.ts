import type { Taint, Toleration } from './types';

/**
 * The taints the control plane puts on Nodes, and how a toleration matches a taint.
 * Names: k8s.io/api/core/v1 well_known_taints.go. Matching: Toleration.ToleratesTaint in
 * k8s.io/api/core/v1/toleration.go (empty effect matches every effect; `Exists` with an empty key
 * matches every taint; `Equal`, the default operator, compares values).
 */
export const TaintNodeNotReady = 'node.kubernetes.io/not-ready';
export const TaintNodeUnreachable = 'node.kubernetes.io/unreachable';
export const TaintNodeUnschedulable = 'node.kubernetes.io/unschedulable';

/** Does this toleration let a Pod ignore this taint? */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
}

/** The first toleration of `tolerations` that tolerates `taint`, if any. */
export function findToleration(tolerations: Toleration[] | undefined, taint: Taint): Toleration | undefined {
  return (tolerations ?? []).find((t) => toleratesTaint(t, taint));
}

/** Taints as the scheduler names them in its messages: `{node.kubernetes.io/unreachable: }`. */
export function formatTaint(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ''}}`;
}
