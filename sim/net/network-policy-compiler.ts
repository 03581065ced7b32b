import type { Labels, Namespace, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, Pod } from '../api/types';
import { matchesSelector } from '../api/labels';
import { parseCidr } from './ip';
import type { CompiledPolicies, CompiledRule, IsolatedDirection, PeerSet, PodPolicyRules, PortRange } from './network-policy-rules';

/**
 * The control-plane half of NetworkPolicy: reads labels (Pods, Namespaces, NetworkPolicies) and
 * turns the policies into per-Pod-IP sets of peers and ports that the data plane enforces.
 *
 * Semantics, from the NetworkPolicy concept page and API reference
 * (kubernetes.io/docs/concepts/services-networking/network-policies/,
 *  kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/):
 * - a Pod is isolated for a direction when any policy selecting it has that direction in
 *   policyTypes; policyTypes defaults to Ingress, plus Egress when the policy has egress rules;
 * - policies add up: a connection passes when any rule of any selecting policy allows it;
 * - a rule with no (or an empty) `from`/`to` allows every peer; no (or empty) `ports`, every port;
 * - a peer's podSelector alone selects in the policy's namespace; namespaceSelector alone selects
 *   every Pod of the matching namespaces; both together select Pods matching both (AND);
 * - ipBlock selects addresses in `cidr` but not in `except`;
 * - a port's protocol defaults to TCP; no port number means every port of that protocol; endPort
 *   makes a range; a named port is resolved against the destination Pod's containerPorts.
 */
export interface PolicyInputs {
  pods: readonly Pod[];
  namespaces: readonly Namespace[];
  policies: readonly NetworkPolicy[];
}

const allPorts = { port: 1, endPort: 65535 };

/** Compiles every NetworkPolicy into rules keyed by the IP of each Pod they isolate. */
export function compileNetworkPolicies({ pods, namespaces, policies }: PolicyInputs): CompiledPolicies {
  const live = pods.filter(hasNetwork);
  const nsLabels = new Map<string, Labels>(namespaces.map((ns) => [ns.metadata.name, ns.metadata.labels ?? {}]));
  const result: CompiledPolicies = {};
  for (const policy of policies) {
    const ns = policy.metadata.namespace ?? 'default';
    const name = `${ns}/${policy.metadata.name}`;
    const types = policy.spec.policyTypes ?? (policy.spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress']);
    const selected = live.filter((p) => p.metadata.namespace === ns && matchesSelector(p.metadata.labels, policy.spec.podSelector));
    if (!selected.length) continue;
    const peersOf = (list: NetworkPolicyPeer[] | undefined): PeerSet | 'any' => (list?.length ? compilePeers(list, ns, live, nsLabels) : 'any');
    const ingress = types.includes('Ingress') ? (policy.spec.ingress ?? []).map((r) => ({ peers: peersOf(r.from), ports: r.ports })) : undefined;
    const egress = types.includes('Egress') ? (policy.spec.egress ?? []).map((r) => ({ peers: peersOf(r.to), ports: r.ports })) : undefined;
    for (const pod of selected) {
      const entry = (result[pod.status!.podIP!] ??= {});
      if (ingress) {
        addRules(entry, 'ingress', name, ingress.map((r) => ({ policy: name, peers: r.peers, ports: compileIngressPorts(r.ports, pod) })));
      }
      if (egress) {
        addRules(entry, 'egress', name, egress.map((r) => ({ policy: name, peers: r.peers, ports: compileEgressPorts(r.ports, live) })));
      }
    }
  }
  return result;
}

/**
 * A Pod takes part in policy while it has its own IP and has not finished. A hostNetwork Pod
 * shares its node's IP, so it counts as node traffic and no selector selects it: one of the two
 * behaviours the concept page's section on hostNetwork Pods allows (kubernetes/website#39875).
 */
function hasNetwork(pod: Pod): boolean {
  return !!pod.status?.podIP && !pod.spec.hostNetwork && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

function addRules(entry: PodPolicyRules, direction: 'ingress' | 'egress', policy: string, rules: CompiledRule[]): void {
  const dir: IsolatedDirection = (entry[direction] ??= { isolatedBy: [], rules: [] });
  dir.isolatedBy.push(policy);
  dir.rules.push(...rules);
}

/** The IP set of a rule's peers (the union of its `from`/`to` entries). */
function compilePeers(peers: NetworkPolicyPeer[], policyNs: string, pods: Pod[], nsLabels: Map<string, Labels>): PeerSet {
  const ips = new Set<string>();
  const blocks: PeerSet['blocks'] = [];
  for (const peer of peers) {
    if (peer.ipBlock) {
      // API validation refuses a malformed CIDR; should one get through, it matches nothing.
      if (isCidr(peer.ipBlock.cidr)) blocks.push({ cidr: peer.ipBlock.cidr, except: (peer.ipBlock.except ?? []).filter(isCidr) });
      continue;
    }
    // A peer with neither selector is refused by API validation; it selects nothing here.
    if (!peer.podSelector && !peer.namespaceSelector) continue;
    for (const pod of pods) {
      const ns = pod.metadata.namespace ?? 'default';
      const inNamespace = peer.namespaceSelector ? matchesSelector(nsLabels.get(ns), peer.namespaceSelector) : ns === policyNs;
      if (inNamespace && (!peer.podSelector || matchesSelector(pod.metadata.labels, peer.podSelector))) ips.add(pod.status!.podIP!);
    }
  }
  return { ips: [...ips], blocks };
}

/** Ports of an ingress rule: the destination is the isolated Pod itself, so names resolve against it. */
function compileIngressPorts(ports: NetworkPolicyPort[] | undefined, pod: Pod): PortRange[] | 'any' {
  if (!ports?.length) return 'any';
  return ports.flatMap((p): PortRange[] => {
    const protocol = p.protocol ?? 'TCP';
    if (typeof p.port === 'string') {
      const n = namedPort(pod, p.port, protocol);
      return n === undefined ? [] : [{ protocol, port: n, endPort: n }];
    }
    return [numericRange(protocol, p.port, p.endPort)];
  });
}

/**
 * Ports of an egress rule: a named port becomes, for each number it stands for, the list of
 * destination Pods that declare it (a connection to any other address never matches a name).
 */
function compileEgressPorts(ports: NetworkPolicyPort[] | undefined, pods: Pod[]): PortRange[] | 'any' {
  if (!ports?.length) return 'any';
  return ports.flatMap((p): PortRange[] => {
    const protocol = p.protocol ?? 'TCP';
    if (typeof p.port !== 'string') return [numericRange(protocol, p.port, p.endPort)];
    const byNumber = new Map<number, string[]>();
    for (const pod of pods) {
      const n = namedPort(pod, p.port, protocol);
      if (n !== undefined) byNumber.set(n, [...(byNumber.get(n) ?? []), pod.status!.podIP!]);
    }
    return [...byNumber].map(([n, dstIPs]) => ({ protocol, port: n, endPort: n, dstIPs }));
  });
}

function isCidr(text: string): boolean {
  try {
    parseCidr(text);
    return true;
  } catch {
    return false;
  }
}

function numericRange(protocol: PortRange['protocol'], port: number | undefined, endPort: number | undefined): PortRange {
  if (port === undefined) return { protocol, ...allPorts };
  return { protocol, port, endPort: endPort ?? port };
}

/** The number of a Pod's container port with this name and protocol, if any container declares it. */
function namedPort(pod: Pod, name: string, protocol: PortRange['protocol']): number | undefined {
  for (const c of pod.spec.containers) {
    const found = c.ports?.find((cp) => cp.name === name && (cp.protocol ?? 'TCP') === protocol);
    if (found) return found.containerPort;
  }
  return undefined;
}
