import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../types';
import { notSupported, type FieldError } from './field-error';
import { validateLabelSelector, validatePortNumOrName, validateProtocol } from './common';

const policyTypes = ['Egress', 'Ingress'];

/**
 * ValidateNetworkPolicySpec, for the fields the engine models.
 * Source: kubernetes/kubernetes pkg/apis/networking/validation/validation.go.
 */
export function validateNetworkPolicySpec(spec: NetworkPolicy['spec']): FieldError[] {
  const errs = validateLabelSelector(spec.podSelector, 'spec.podSelector');
  (spec.policyTypes ?? []).forEach((t, i) => {
    if (!policyTypes.includes(t)) errs.push(notSupported(`spec.policyTypes[${i}]`, t, policyTypes));
  });
  (spec.ingress ?? []).forEach((rule, i) => errs.push(...rulePeers(rule.from, `spec.ingress[${i}].from`), ...rulePorts(rule.ports, `spec.ingress[${i}].ports`)));
  (spec.egress ?? []).forEach((rule, i) => errs.push(...rulePeers(rule.to, `spec.egress[${i}].to`), ...rulePorts(rule.ports, `spec.egress[${i}].ports`)));
  return errs;
}

function rulePeers(peers: NetworkPolicyPeer[] | undefined, field: string): FieldError[] {
  return (peers ?? []).flatMap((p, i) => [
    ...validateLabelSelector(p.podSelector, `${field}[${i}].podSelector`),
    ...validateLabelSelector(p.namespaceSelector, `${field}[${i}].namespaceSelector`),
  ]);
}

function rulePorts(ports: NetworkPolicyPort[] | undefined, field: string): FieldError[] {
  return (ports ?? []).flatMap((p, i) => [...validateProtocol(p.protocol, `${field}[${i}].protocol`), ...validatePortNumOrName(p.port, `${field}[${i}].port`)]);
}
