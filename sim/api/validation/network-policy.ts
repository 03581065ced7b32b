import type { IPBlock, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../types';
import { forbidden, invalid, notSupported, required, type FieldError } from './field-error';
import { validateLabelSelector } from './common';
import { isValidPortName, isValidPortNum } from './names';
import { cidrContainsNetwork, isValidCIDR, parseCIDRSloppy } from './ip';

const policyTypes = ['Ingress', 'Egress'];
/** The protocols, in the order this validation lists them. */
const protocols = ['TCP', 'UDP', 'SCTP'];

/**
 * ValidateNetworkPolicySpec: the pod selector, then each rule's ports and peers (ingress rules,
 * then egress rules), then policyTypes. Source: kubernetes/kubernetes
 * pkg/apis/networking/validation/validation.go (ValidateNetworkPolicySpec,
 * ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer, ValidateIPBlock).
 */
export function validateNetworkPolicySpec(spec: NetworkPolicy['spec']): FieldError[] {
  const errs = validateLabelSelector(spec.podSelector, 'spec.podSelector');
  (spec.ingress ?? []).forEach((rule, i) => errs.push(...validateRule(rule.ports, rule.from, `spec.ingress[${i}]`, 'from')));
  (spec.egress ?? []).forEach((rule, i) => errs.push(...validateRule(rule.ports, rule.to, `spec.egress[${i}]`, 'to')));
  const types = spec.policyTypes ?? [];
  if (types.length > policyTypes.length) return [...errs, invalid('spec.policyTypes', types, 'may not specify more than two policyTypes')];
  types.forEach((t, i) => {
    if (!policyTypes.includes(t)) errs.push(notSupported(`spec.policyTypes[${i}]`, t, policyTypes));
  });
  return errs;
}

function validateRule(ports: NetworkPolicyPort[] | undefined, peers: NetworkPolicyPeer[] | undefined, at: string, peersField: string): FieldError[] {
  return [
    ...(ports ?? []).flatMap((p, i) => validatePort(p, `${at}.ports[${i}]`)),
    ...(peers ?? []).flatMap((p, i) => validatePeer(p, `${at}.${peersField}[${i}]`)),
  ];
}

/** A port is a number (with an optional endPort ≥ port) or an IANA_SVC_NAME (no endPort). */
function validatePort(p: NetworkPolicyPort, at: string): FieldError[] {
  const errs = p.protocol !== undefined && !protocols.includes(p.protocol) ? [notSupported(`${at}.protocol`, p.protocol, protocols)] : [];
  const end = p.endPort;
  if (typeof p.port === 'number') {
    for (const m of isValidPortNum(p.port)) errs.push(invalid(`${at}.port`, p.port, m));
    if (end !== undefined) {
      if (end < p.port) errs.push(invalid(`${at}.endPort`, end, 'must be greater than or equal to `port`'));
      for (const m of isValidPortNum(end)) errs.push(invalid(`${at}.endPort`, end, m));
    }
  } else if (p.port !== undefined) {
    if (end !== undefined) errs.push(invalid(`${at}.endPort`, end, 'may not be specified when `port` is non-numeric'));
    for (const m of isValidPortName(p.port)) errs.push(invalid(`${at}.port`, p.port, m));
  } else if (end !== undefined) {
    errs.push(invalid(`${at}.endPort`, end, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

/** A peer sets podSelector and/or namespaceSelector, or ipBlock alone. */
function validatePeer(peer: NetworkPolicyPeer, at: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  if (peer.podSelector) {
    count++;
    errs.push(...validateLabelSelector(peer.podSelector, `${at}.podSelector`));
  }
  if (peer.namespaceSelector) {
    count++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, `${at}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    count++;
    errs.push(...validateIPBlock(peer.ipBlock, `${at}.ipBlock`));
  }
  if (count === 0) errs.push(required(at, 'must specify a peer'));
  else if (count > 1 && peer.ipBlock) errs.push(forbidden(at, 'may not specify both ipBlock and another peer'));
  return errs;
}

/** cidr and each except must be CIDRs; each except a strict subset of cidr. */
function validateIPBlock(block: IPBlock, at: string): FieldError[] {
  if (!block.cidr) return [required(`${at}.cidr`)];
  const errs = isValidCIDR(`${at}.cidr`, block.cidr);
  const outer = parseCIDRSloppy(block.cidr);
  if (!outer) return errs;
  (block.except ?? []).forEach((except, i) => {
    const field = `${at}.except[${i}]`;
    errs.push(...isValidCIDR(field, except));
    const inner = parseCIDRSloppy(except);
    if (inner && (!cidrContainsNetwork(outer, inner) || outer.prefix >= inner.prefix)) {
      errs.push(invalid(field, except, 'must be a strict subset of `cidr`'));
    }
  });
  return errs;
}
