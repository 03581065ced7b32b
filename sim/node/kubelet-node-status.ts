import type { ConfiguredContext } from '../cluster-config';
import type { Lease, Node, NodeCondition } from '../api/types';
import type { NodeHost } from './node-host';

/**
 * The kubelet's node registration, node status and node Lease (its heartbeat).
 * Sources: kubernetes/pkg/kubelet/kubelet_node_status.go (initialNode, registerWithAPIServer),
 * kubernetes/pkg/kubelet/nodestatus/setters.go (conditions, reasons, messages, addresses),
 * kubernetes/pkg/kubelet/kubelet.go and apis/config/v1beta1/defaults.go (Lease timing).
 */

/** nodeLeaseDurationSeconds, the kubelet's default: 40 s. */
export const nodeLeaseDurationSeconds = 40;
/** The Lease is renewed every quarter of its duration (nodeLeaseRenewIntervalFraction = 0.25): 10 s. */
export const nodeLeaseRenewIntervalMs = nodeLeaseDurationSeconds * 0.25 * 1000;
/** The namespace that holds the node Leases (v1.NamespaceNodeLease). */
export const nodeLeaseNamespace = 'kube-node-lease';

/** What the simulated machines run, as `kubectl get nodes -o wide` shows it. */
export const nodeSystem = {
  osImage: 'Ubuntu 24.04.3 LTS',
  kernelVersion: '6.8.0-1039-aws',
  containerRuntimeVersion: 'containerd://2.1.4',
  architecture: 'amd64',
  operatingSystem: 'linux',
};

/** The conditions a healthy kubelet posts, in the order `kubectl describe node` lists them. */
function healthyConditions(previous: NodeCondition[] | undefined, now: string): NodeCondition[] {
  const fresh: [NodeCondition['type'], NodeCondition['status'], string, string][] = [
    ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
  ];
  return fresh.map(([type, status, reason, message]) => {
    const old = previous?.find((c) => c.type === type);
    const lastTransitionTime = old?.status === status ? (old.lastTransitionTime ?? now) : now;
    return { type, status, lastHeartbeatTime: now, lastTransitionTime, reason, message };
  });
}

function initialNode(cluster: ConfiguredContext, host: NodeHost): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: host.name,
      labels: {
        'beta.kubernetes.io/arch': nodeSystem.architecture,
        'beta.kubernetes.io/os': nodeSystem.operatingSystem,
        'kubernetes.io/arch': nodeSystem.architecture,
        'kubernetes.io/hostname': host.name,
        'kubernetes.io/os': nodeSystem.operatingSystem,
        ...host.config.labels,
      },
      annotations: { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { podCIDR: host.podCIDR, podCIDRs: [host.podCIDR] },
    status: {
      addresses: [
        { type: 'InternalIP', address: host.ip },
        { type: 'Hostname', address: host.name },
      ],
      nodeInfo: { kubeletVersion: cluster.config.kubernetesVersion, ...nodeSystem },
    },
  };
}

/**
 * Registers the Node (or finds it registered) and posts a Ready status: what a kubelet does when
 * it starts, with the events it records then.
 */
export function registerNode(cluster: ConfiguredContext, host: NodeHost): void {
  const { store } = cluster;
  const existing = store.get<Node>('Node', '', host.name);
  const wasReady = existing?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  const node = existing ?? store.create(initialNode(cluster, host));
  const event = (reason: string, message: string) => cluster.recordEvent(node, 'Normal', reason, message, 'kubelet', host.name);
  event('Starting', 'Starting kubelet.');
  for (const reason of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
    event(reason, `Node ${host.name} status is now: ${reason}`);
  }
  event('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  postNodeStatus(cluster, host);
  if (!wasReady) event('NodeReady', `Node ${host.name} status is now: NodeReady`);
}

/** Posts the node's conditions if they are not what a healthy kubelet reports (nodeStatusUpdateFrequency). */
export function postNodeStatus(cluster: ConfiguredContext, host: NodeHost): void {
  const node = cluster.store.get<Node>('Node', '', host.name);
  if (!node) return;
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status === 'True' && node.status?.conditions?.length === 4) return;
  const now = cluster.clock.timestamp();
  cluster.store.mutate<Node>('Node', '', host.name, (n) => {
    n.status = { ...n.status, conditions: healthyConditions(n.status?.conditions, now) };
  });
}

/** RFC 3339 with microseconds, as the API writes a MicroTime (Lease.spec.renewTime). */
function microTime(cluster: ConfiguredContext): string {
  return new Date(cluster.clock.epochMs + cluster.clock.now).toISOString().replace('Z', '000Z');
}

/** Creates or renews the node's Lease in kube-node-lease, owned by its Node. */
export function renewLease(cluster: ConfiguredContext, host: NodeHost): void {
  const { store } = cluster;
  const renewTime = microTime(cluster);
  if (store.get<Lease>('Lease', nodeLeaseNamespace, host.name)) {
    store.mutate<Lease>('Lease', nodeLeaseNamespace, host.name, (l) => {
      l.spec.renewTime = renewTime;
    });
    return;
  }
  const node = store.get<Node>('Node', '', host.name);
  const owner = node ? [{ apiVersion: 'v1', kind: 'Node', name: host.name, uid: node.metadata.uid ?? '' }] : undefined;
  store.create<Lease>({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: host.name, namespace: nodeLeaseNamespace, ownerReferences: owner },
    spec: { holderIdentity: host.name, leaseDurationSeconds: nodeLeaseDurationSeconds, renewTime },
  });
}
