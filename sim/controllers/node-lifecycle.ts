import type { ComponentContext } from '../core/component';
import type { Lease, Node, NodeCondition, Pod, Taint } from '../api/types';
import { TaintNodeNotReady, TaintNodeUnreachable, TaintNodeUnschedulable } from '../api/taints';
import { Controller } from '../core/controller';
import { objectKey } from '../core/store';
import { podsByNode } from './informers';
import { isPodReady } from './pod-util';

/**
 * --node-monitor-grace-period: how long a node may go without renewing its Lease (or posting
 * status) before its Ready condition turns Unknown. 50 s since v1.32 (kubernetes/kubernetes PR
 * #126287, "The default value for node-monitor-grace-period has been increased to 50s").
 */
export const nodeMonitorGracePeriodMs = 50_000;
/** --node-startup-grace-period: the same, for a node that has never posted a status (60 s). */
export const nodeStartupGracePeriodMs = 60_000;
/** --node-monitor-period: how often the controller looks at every node (5 s). */
export const nodeMonitorPeriodMs = 5_000;

/** The namespace of the node Leases (v1.NamespaceNodeLease). */
const nodeLeaseNamespace = 'kube-node-lease';

interface Probe {
  /** When the controller last saw the node's Lease renewed or its status posted (probeTimestamp). */
  observedAt: number;
  renewTime?: string;
  heartbeat?: string;
  /** The Ready status seen at the last reconcile, to record a change once. */
  ready?: string;
}

/**
 * The node lifecycle controller: watches each node's heartbeat (its Lease in kube-node-lease and
 * its status). When a node falls silent for the grace period, it sets the node's conditions to
 * Unknown ("Kubelet stopped posting node status."), marks its Pods not Ready, and taints it
 * `node.kubernetes.io/unreachable` (NoSchedule and NoExecute; `not-ready` when the kubelet itself
 * reports Ready=False). The taint eviction controller then evicts the Pods. When the kubelet posts
 * Ready again, the taints go.
 * Modelled on kubernetes/kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go
 * (monitorNodeHealth, tryUpdateNodeHealth, doNoScheduleTaintingPass, doNoExecuteTaintingPass)
 * and pkg/controller/util/node (MarkPodsNotReady, RecordNodeStatusChange).
 */
export class NodeLifecycleController extends Controller {
  readonly name = 'node-controller';
  private probes = new Map<string, Probe>();
  /** The instant of the health check already queued per node, so a node has at most one. */
  private checkAt = new Map<string, number>();
  private podsOnNode = podsByNode(this.cluster);

  constructor(cluster: ComponentContext) {
    super(cluster);
    const store = cluster.store;
    for (const node of store.list<Node>('Node')) this.enqueue(node.metadata.name);
    store.watch<Node>('Node', (e) => this.enqueue(e.object.metadata.name));
    store.watch<Lease>('Lease', (e) => {
      if (e.object.metadata.namespace === nodeLeaseNamespace) this.enqueue(e.object.metadata.name);
    });
  }

  protected reconcile(name: string): void {
    const store = this.cluster.store;
    const now = this.cluster.clock.now;
    let node = store.get<Node>('Node', '', name);
    if (!node) {
      this.probes.delete(name);
      this.checkAt.delete(name);
      return;
    }
    const renewTime = store.get<Lease>('Lease', nodeLeaseNamespace, name)?.spec.renewTime;
    let ready = readyCondition(node);
    let probe = this.probes.get(name);
    if (!probe || probe.renewTime !== renewTime || probe.heartbeat !== ready?.lastHeartbeatTime) {
      probe = { observedAt: now, renewTime, heartbeat: ready?.lastHeartbeatTime, ready: probe?.ready };
      this.probes.set(name, probe);
    }
    const grace = ready ? nodeMonitorGracePeriodMs : nodeStartupGracePeriodMs;
    if (ready?.status !== 'Unknown') {
      if (now > probe.observedAt + grace) {
        node = this.markUnknown(node, !ready, now - probe.observedAt);
        ready = readyCondition(node);
      } else {
        this.checkAfter(name, probe.observedAt + grace);
      }
    }
    if (ready?.status !== 'True' && probe.ready === 'True') {
      this.cluster.recordEvent(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, this.name);
    }
    if (ready && ready.status !== 'True') this.markPodsNotReady(name);
    probe.ready = ready?.status;
    this.syncTaints(node, ready?.status);
  }

  /** Queues a health check at the first tick of the monitor period after `deadline`. */
  private checkAfter(name: string, deadline: number): void {
    const at = (Math.floor(deadline / nodeMonitorPeriodMs) + 1) * nodeMonitorPeriodMs;
    if (this.checkAt.get(name) === at) return;
    this.checkAt.set(name, at);
    this.enqueueAfter(name, at - this.cluster.clock.now);
  }

  /** Sets every condition the kubelet posts to Unknown, keeping its last heartbeat (tryUpdateNodeHealth). */
  private markUnknown(node: Node, neverPosted: boolean, silentMs: number): Node {
    const now = this.cluster.clock.timestamp();
    const reason = neverPosted ? 'NodeStatusNeverUpdated' : 'NodeStatusUnknown';
    const message = neverPosted ? 'Kubelet never posted node status.' : 'Kubelet stopped posting node status.';
    const types: NodeCondition['type'][] = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];
    this.log(node.metadata.name, `no heartbeat for ${Math.round(silentMs / 1000)}s (grace period ${nodeMonitorGracePeriodMs / 1000}s) → Ready=Unknown`);
    return this.cluster.store.mutate<Node>('Node', '', node.metadata.name, (d) => {
      const conditions = d.status?.conditions ?? [];
      for (const type of types) {
        const current = conditions.find((c) => c.type === type);
        const unknown: NodeCondition = { type, status: 'Unknown', reason, message, lastHeartbeatTime: current?.lastHeartbeatTime, lastTransitionTime: now };
        if (current) Object.assign(current, unknown);
        else conditions.push(unknown);
      }
      d.status = { ...d.status, conditions };
    })!;
  }

  /** Sets the Ready condition of every Pod on the node to False (MarkPodsNotReady). */
  private markPodsNotReady(nodeName: string): void {
    const now = this.cluster.clock.timestamp();
    for (const pod of this.podsOnNode.get(nodeName)) {
      if (!isPodReady(pod)) continue;
      this.log(nodeName, `node not ready → pod ${objectKey(pod)} not Ready`);
      this.cluster.store.mutate<Pod>('Pod', pod.metadata.namespace ?? '', pod.metadata.name, (d) => {
        for (const c of d.status?.conditions ?? []) {
          if (c.type === 'Ready') Object.assign(c, { status: 'False', lastTransitionTime: now });
        }
      });
      this.cluster.recordEvent(pod, 'Warning', 'NodeNotReady', 'Node is not ready', this.name);
    }
  }

  /**
   * The taints that follow from the node's state (doNoScheduleTaintingPass, doNoExecuteTaintingPass):
   * Ready=False → not-ready, Ready=Unknown → unreachable, each NoSchedule and NoExecute;
   * spec.unschedulable → unschedulable:NoSchedule. Other taints are left alone.
   */
  private syncTaints(node: Node, ready: string | undefined): void {
    const key = ready === 'False' ? TaintNodeNotReady : ready === 'Unknown' ? TaintNodeUnreachable : undefined;
    const wanted: Taint[] = key ? [{ key, effect: 'NoSchedule' }, { key, effect: 'NoExecute' }] : [];
    if (node.spec.unschedulable) wanted.push({ key: TaintNodeUnschedulable, effect: 'NoSchedule' });
    const managed = [TaintNodeNotReady, TaintNodeUnreachable, TaintNodeUnschedulable];
    const current = node.spec.taints ?? [];
    const now = this.cluster.clock.timestamp();
    const taints = [
      ...current.filter((t) => !managed.includes(t.key)),
      ...wanted.map((w) => current.find((t) => t.key === w.key && t.effect === w.effect) ?? (w.effect === 'NoExecute' ? { ...w, timeAdded: now } : w)),
    ];
    const same = taints.length === current.length && taints.every((t) => current.some((c) => c.key === t.key && c.effect === t.effect));
    if (same) return;
    const added = taints.filter((t) => !current.includes(t)).map((t) => `${t.key}:${t.effect}`);
    const removed = current.filter((t) => !taints.includes(t)).map((t) => `${t.key}:${t.effect}`);
    this.log(node.metadata.name, [added.length ? `taint ${added.join(', ')}` : '', removed.length ? `untaint ${removed.join(', ')}` : ''].filter(Boolean).join('; '));
    this.cluster.store.mutate<Node>('Node', '', node.metadata.name, (d) => {
      if (taints.length) d.spec.taints = taints;
      else delete d.spec.taints;
    });
  }
}

function readyCondition(node: Node): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready');
}
