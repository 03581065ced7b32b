import type { HostEnvironment } from '../node/programs';
import type { EndpointSlice, NetworkPolicy, Service } from '../api/types';
import { formatLabels, matchesSelector } from '../api/labels';
import { LabelServiceName } from '../api/well-known';
import { isPodReady } from '../controllers/pod-util';
import { hasSelector, isHeadless, selectedPods } from '../controllers/service-endpoints';
import { servicePortName, servicePortPolicyClusterChain } from '../node/kube-proxy-chains';

/**
 * The chain of facts from a Service's intent to the rules that carry its traffic, in the order a
 * reader debugs it (claim C17): does the selector pick Pods? are there endpoints? are they Ready?
 * is kube-proxy running and are its rules on every node up to date? does a NetworkPolicy isolate
 * the Pods? Each step says what is missing when traffic would fail. Labels appear only in the
 * first step: from the endpoints on, everything is IPs and ports.
 */
export interface ChainStep {
  step: 'selector' | 'endpoints' | 'ready' | 'kube-proxy' | 'network-policy';
  ok: boolean;
  /** One sentence: what is there, or what is missing. */
  summary: string;
}

export interface SelectedPod {
  name: string;
  ip?: string;
  node?: string;
  ready: boolean;
}

export interface SliceEndpoint {
  slice: string;
  ip: string;
  pod?: string;
  node?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** What one node's kube-proxy wrote for one Service port. */
export interface NodeRules {
  node: string;
  kubeProxyRunning: boolean;
  port: string;
  /** KUBE-SVC-… chain, when the node has it. */
  chain?: string;
  /** Where the chain's KUBE-SEP rules DNAT to, `ip:port`, in rule order. */
  dnatTargets: string[];
  /** The node's filter table rejects this Service (kube-proxy's rule for a Service with no endpoints). */
  rejects: boolean;
  /** The rules do not match the ready endpoints (kube-proxy stopped, or not yet synced). */
  stale: boolean;
}

export interface ServiceChain {
  namespace: string;
  name: string;
  type: string;
  clusterIP?: string;
  selector: string;
  pods: SelectedPod[];
  endpoints: SliceEndpoint[];
  rules: NodeRules[];
  /** NetworkPolicies that select the Service's Pods. */
  policies: string[];
  steps: ChainStep[];
}

/** The chain for a Service; undefined when there is no such Service. */
export function serviceChain(cluster: HostEnvironment, namespace: string, name: string): ServiceChain | undefined {
  const store = cluster.store;
  const svc = store.get<Service>('Service', namespace, name);
  if (!svc) return undefined;
  const selectorDefined = hasSelector(svc);
  const podList = selectorDefined ? selectedPods(store, svc) : [];
  const pods: SelectedPod[] = podList.map((p) => ({ name: p.metadata.name, ip: p.status?.podIP, node: p.spec.nodeName, ready: isPodReady(p) }));

  const slices = store.list<EndpointSlice>('EndpointSlice', namespace).filter((s) => s.metadata.labels?.[LabelServiceName] === name);
  const endpoints: SliceEndpoint[] = slices.flatMap((s) =>
    (s.endpoints ?? []).map((e) => ({
      slice: s.metadata.name,
      ip: e.addresses[0],
      pod: e.targetRef?.name,
      node: e.nodeName,
      ready: e.conditions.ready !== false,
      serving: e.conditions.serving ?? e.conditions.ready !== false,
      terminating: e.conditions.terminating === true,
    })),
  );
  const readyTargets = new Map<string, string[]>();
  for (const s of slices) {
    for (const p of s.ports ?? []) {
      const list = readyTargets.get(p.name ?? '') ?? [];
      for (const e of s.endpoints ?? []) if (e.conditions.ready !== false) list.push(`${e.addresses[0]}:${p.port}`);
      readyTargets.set(p.name ?? '', list);
    }
  }

  const rules: NodeRules[] = [];
  if (!isHeadless(svc) && svc.spec.type !== 'ExternalName') {
    for (const node of cluster.nodes.values()) {
      for (const port of svc.spec.ports ?? []) {
        const protocol = port.protocol ?? 'TCP';
        const chainName = servicePortPolicyClusterChain(servicePortName(namespace, name, port.name), protocol);
        const chain = node.netfilter.nat.chains.get(chainName);
        const dnatTargets = (chain?.rules ?? []).flatMap((r) => {
          if (r.target.t !== 'jump' || !r.target.chain.startsWith('KUBE-SEP-')) return [];
          const sep = node.netfilter.nat.chains.get(r.target.chain);
          return (sep?.rules ?? []).flatMap((sr) => (sr.target.t === 'DNAT' ? [sr.target.to] : []));
        });
        const rejects = [...node.netfilter.filter.chains.values()].some((c) =>
          c.rules.some((r) => r.target.t === 'REJECT' && r.matches.some((m) => m.m === 'dst' && m.cidr.split('/')[0] === svc.spec.clusterIP) && r.matches.some((m) => m.m === 'port' && m.dport === port.port)),
        );
        const wanted = [...(readyTargets.get(port.name ?? '') ?? [])].sort();
        const stale = JSON.stringify([...dnatTargets].sort()) !== JSON.stringify(wanted) || (wanted.length === 0 && !rejects);
        rules.push({ node: node.name, kubeProxyRunning: node.kubeProxy?.running ?? false, port: port.name || String(port.port), chain: chain ? chainName : undefined, dnatTargets, rejects, stale });
      }
    }
  }

  const policies = store
    .list<NetworkPolicy>('NetworkPolicy', namespace)
    .filter((np) => podList.some((p) => matchesSelector(p.metadata.labels, np.spec.podSelector)))
    .map((np) => np.metadata.name);

  const readyCount = endpoints.filter((e) => e.ready).length;
  const staleNodes = rules.filter((r) => r.stale).map((r) => r.node);
  const stoppedNodes = [...new Set(rules.filter((r) => !r.kubeProxyRunning).map((r) => r.node))];
  const steps: ChainStep[] = [
    {
      step: 'selector',
      ok: !selectorDefined || pods.length > 0,
      summary: !selectorDefined
        ? 'The Service has no selector: its endpoints are written by hand.'
        : pods.length
          ? `The selector ${formatLabels(svc.spec.selector)} picks ${pods.length} Pod(s).`
          : `The selector ${formatLabels(svc.spec.selector)} picks no Pod: check the Pods' labels.`,
    },
    {
      step: 'endpoints',
      ok: endpoints.length > 0,
      summary: endpoints.length
        ? `${endpoints.length} endpoint(s) in ${slices.length} EndpointSlice(s).`
        : pods.length && pods.every((p) => !p.ip)
          ? 'No endpoint: the selected Pods have no IP yet.'
          : 'No endpoint: nothing to send traffic to (kube-proxy rejects connections).',
    },
    {
      step: 'ready',
      ok: readyCount > 0,
      summary: readyCount
        ? `${readyCount} of ${endpoints.length} endpoint(s) ready: new connections go only to those.`
        : endpoints.length
          ? 'No endpoint is ready: readiness probes fail, so no new connection is sent.'
          : 'No endpoint to be ready.',
    },
    {
      step: 'kube-proxy',
      ok: isHeadless(svc) || (stoppedNodes.length === 0 && staleNodes.length === 0),
      summary: isHeadless(svc)
        ? 'Headless: no ClusterIP, no kube-proxy rules; clients get Pod IPs from DNS.'
        : stoppedNodes.length
          ? `kube-proxy is stopped on ${stoppedNodes.join(', ')}: rules there are stale.`
          : staleNodes.length
            ? `Rules on ${[...new Set(staleNodes)].join(', ')} do not match the ready endpoints yet.`
            : `Every node's ${rules[0]?.chain ?? 'KUBE-SVC'} chain DNATs to the ready endpoints.`,
    },
    {
      step: 'network-policy',
      ok: policies.length === 0,
      summary: policies.length
        ? `NetworkPolicy ${policies.join(', ')} selects these Pods: only the traffic it allows gets in.`
        : 'No NetworkPolicy selects these Pods: all traffic is allowed in.',
    },
  ];
  return {
    namespace,
    name,
    type: svc.spec.type ?? 'ClusterIP',
    clusterIP: svc.spec.clusterIP,
    selector: formatLabels(svc.spec.selector),
    pods,
    endpoints,
    rules,
    policies,
    steps,
  };
}
