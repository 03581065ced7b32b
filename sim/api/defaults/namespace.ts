import type { Namespace } from '../types';

/** The label every Namespace carries with its own name (Kubernetes ≥ 1.21). */
export const namespaceNameLabel = 'kubernetes.io/metadata.name';

/**
 * Namespace defaults. Source: kubernetes/kubernetes pkg/apis/core/v1/defaults.go —
 * SetDefaults_Namespace (the immutable label kubernetes.io/metadata.name=<name>) and
 * SetDefaults_NamespaceStatus (phase Active).
 */
export function setNamespaceDefaults(ns: Namespace): void {
  ns.metadata.labels = { ...ns.metadata.labels, [namespaceNameLabel]: ns.metadata.name };
  ns.status ??= { phase: 'Active' };
}
