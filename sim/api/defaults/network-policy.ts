import type { NetworkPolicy } from '../types';

/**
 * NetworkPolicy defaults. Source: kubernetes/kubernetes pkg/apis/networking/v1/defaults.go
 * SetDefaults_NetworkPolicy: every port's protocol TCP; with no policyTypes, Ingress always, plus
 * Egress when the policy has egress rules.
 */
export function setNetworkPolicyDefaults(np: NetworkPolicy): void {
  const spec = np.spec;
  if (!spec) return;
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) for (const p of rule.ports ?? []) p.protocol ??= 'TCP';
  if (!spec.policyTypes?.length) spec.policyTypes = spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
}
