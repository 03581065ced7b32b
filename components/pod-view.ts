import type { Node, Pod } from '../sim/api/types';

/** What a widget draws for one Pod: only facts the store holds, already put into words. */
export interface PodView {
  /** `namespace/name`, stable across renders (keyed `{#each}`). */
  key: string;
  name: string;
  /** The app the Pod belongs to (its `app` label, else its owner's name): picks its colour. */
  app: string;
  nodeName?: string;
  /** The Pod IP, once the CNI has given the sandbox one. */
  podIP?: string;
  /** The word kubectl's STATUS column prints: Pending, ContainerCreating, Running, Terminating, … */
  status: string;
  /** The Pod's Ready condition is True: it may receive traffic. */
  ready: boolean;
  /** deletionTimestamp is set: the kubelet is stopping it. */
  terminating: boolean;
}

/** What a widget draws for one Node: its name, its InternalIP and the Pods bound to it. */
export interface NodeView {
  name: string;
  internalIP?: string;
  podCIDR?: string;
  /** The Node's Ready condition is True. */
  ready: boolean;
  pods: PodView[];
}

/**
 * The STATUS word `kubectl get pods` prints: the Pod's reason or phase, overridden by a waiting
 * or terminated container's reason (the first container's wins), and "Terminating" once deletion
 * has begun.
 * Source: kubernetes/kubernetes pkg/printers/internalversion/printers.go, printPod.
 */
export function podStatusWord(pod: Pod): string {
  let reason: string = pod.status?.reason ?? pod.status?.phase ?? 'Pending';
  for (const c of [...(pod.status?.containerStatuses ?? [])].reverse()) {
    if (c.state.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state.terminated?.reason) reason = c.state.terminated.reason;
  }
  if (pod.metadata.deletionTimestamp) return pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

/** Reduces a Pod object to what the widget shows. */
export function podView(pod: Pod): PodView {
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  return {
    key: `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`,
    name: pod.metadata.name,
    app: pod.metadata.labels?.app ?? owner?.name ?? pod.metadata.name,
    nodeName: pod.spec.nodeName,
    podIP: pod.status?.podIP,
    status: podStatusWord(pod),
    ready: pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    terminating: pod.metadata.deletionTimestamp !== undefined,
  };
}

/** Reduces a Node object and the Pods bound to it to what the widget shows. */
export function nodeView(node: Node, pods: PodView[]): NodeView {
  return {
    name: node.metadata.name,
    internalIP: node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address,
    podCIDR: node.spec.podCIDR,
    ready: node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    pods: pods.filter((p) => p.nodeName === node.metadata.name),
  };
}
