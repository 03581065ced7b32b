import type { LabelSelector, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../../api/types';
import { formatLabelSelector } from '../printers/selector-format';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer';

/**
 * `kubectl describe networkpolicy`, following describeNetworkPolicy / describeNetworkPolicySpec
 * in k8s.io/kubectl/pkg/describe/describe.go. It shows no Events (that describer never lists them).
 */
export function describeNetworkPolicy(np: NetworkPolicy): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${np.metadata.name}\n`);
  w.write(0, `Namespace:\t${np.metadata.namespace}\n`);
  w.write(0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', np.metadata.labels);
  writeAnnotations(w, 'Annotations', np.metadata.annotations);
  const spec = np.spec;
  w.write(0, 'Spec:\n');
  // "PodSelector: " at level 1, then the value written at level 2: its indentation lands mid-line.
  w.write(1, 'PodSelector: ');
  w.write(2, isEmpty(spec.podSelector) ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatLabelSelector(spec.podSelector)}\n`);
  const types = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    writeRules(w, spec.ingress ?? [], 'ingress', 'From', 'source');
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    writeRules(w, (spec.egress ?? []).map((r) => ({ ports: r.ports, from: r.to })), 'egress', 'To', 'destination');
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`);
  return w.toString();
}

/** The rules under "Allowing … traffic:" (printNetworkPolicySpecIngressFrom / EgressTo), indented four spaces. */
function writeRules(w: PrefixWriter, rules: { ports?: NetworkPolicyPort[]; from?: NetworkPolicyPeer[] }[], direction: string, peerTitle: string, peerNoun: string): void {
  const indent = '    ';
  if (rules.length === 0) {
    w.write(0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    if (!rule.ports?.length) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of rule.ports ?? []) {
      const port = p.port === undefined ? '<nil>' : String(p.port);
      const proto = p.protocol ?? 'TCP';
      w.write(0, p.endPort === undefined ? `${indent}To Port: ${port}/${proto}\n` : `${indent}To Port Range: ${port}-${p.endPort}/${proto}\n`);
    }
    if (!rule.from?.length) w.write(0, `${indent}${peerTitle}: <any> (traffic not restricted by ${peerNoun})\n`);
    for (const peer of rule.from ?? []) {
      w.write(0, `${indent}${peerTitle}:\n`);
      if (peer.namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      if (peer.podSelector) w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      if (!peer.namespaceSelector && !peer.podSelector && peer.ipBlock) {
        w.write(1, `${indent}IPBlock:\n`);
        w.write(2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
        w.write(2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(0, `${indent}----------\n`);
  });
}

function isEmpty(selector: LabelSelector | undefined): boolean {
  return !Object.keys(selector?.matchLabels ?? {}).length && !selector?.matchExpressions?.length;
}

/**
 * Go's time.Time.String() for a UTC instant, as `%s` prints a metav1.Time:
 * `2006-01-02 15:04:05.999999999 +0000 UTC` (fraction only when non-zero, trailing zeros cut).
 */
function goTimeString(timestamp: string | undefined): string {
  if (!timestamp) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(Date.parse(timestamp));
  const fraction = /\.(\d+)/.exec(timestamp)?.[1].replace(/0+$/, '') ?? '';
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${fraction ? '.' + fraction : ''}`;
  return `${date} ${time} +0000 UTC`;
}
