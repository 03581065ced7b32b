import type { ComponentContext } from '../core/component';
import type { Node, Pod, Taint } from '../api/types';
import { findToleration, formatTaint, TaintNodeUnschedulable } from '../api/taints';
import { Controller } from '../core/controller';
import { objectKey, splitKey } from '../core/store';
import { controllerOf } from './owner-references';
import { hostPortsConflict, hostPortsOf, type HostPort } from '../api/host-ports';

/** The scheduler's name: Pods with another `spec.schedulerName` are left to that scheduler. */
export const defaultSchedulerName = 'default-scheduler';

/**
 * kube-scheduler: binds each Pod that has no node to one, by setting `spec.nodeName` and the
 * PodScheduled condition (the Binding subresource does this upstream).
 *
 * Filters, in upstream's plugin order (pkg/scheduler/framework/plugins): NodeUnschedulable,
 * TaintToleration (NoSchedule and NoExecute taints), NodeAffinity (nodeSelector), NodePorts
 * (hostPort), NodeResourcesFit (the Pod count). Scoring is the
 * simulator's: fewest Pods of the same owner (spreading replicas, like the default
 * PodTopologySpread constraint on hostname), then fewest Pods, ties broken by the cluster's random
 * source (upstream's selectHost also breaks ties at random). A Pod that fits nowhere stays Pending
 * with a FailedScheduling event, and is tried again whenever a Node changes.
 */
export class Scheduler extends Controller {
  readonly name = defaultSchedulerName;
  /** Pods that fit nowhere at their last attempt (upstream's unschedulable queue). */
  private unschedulable = new Set<string>();
  /** What the scheduler cache knows of each node: its Pods, in all and per owner, and the host ports they hold (NodeInfo). */
  private nodeInfo = new Map<string, { pods: number; byOwner: Map<string, number>; ports: Map<string, HostPort[]> }>();
  /** Where each counted Pod is counted, to uncount it when it changes. */
  private counted = new Map<string, { node: string; owner: string }>();

  constructor(cluster: ComponentContext) {
    super(cluster);
    const store = cluster.store;
    for (const pod of store.list<Pod>('Pod')) if (this.wantsScheduling(pod)) this.enqueue(objectKey(pod));
    for (const pod of store.list<Pod>('Pod')) this.count(pod, objectKey(pod));
    store.watch<Pod>('Pod', (e) => {
      const key = objectKey(e.object);
      this.count(e.type === 'DELETED' ? undefined : e.object, key);
      if (e.type === 'DELETED' || !this.wantsScheduling(e.object)) this.unschedulable.delete(key);
      // An unschedulable Pod waits for a Node to change, unless its own spec changed.
      else if (!this.unschedulable.has(key) || e.old?.metadata.generation !== e.object.metadata.generation) this.enqueue(key);
    });
    // A Node's heartbeat changes nothing a filter reads: only a change that could make room does
    // (upstream's queueing hints for NodeAdd/NodeUpdate events).
    store.watch<Node>('Node', (e) => {
      if (e.type === 'MODIFIED' && e.old && schedulingView(e.old) === schedulingView(e.object)) return;
      this.requeueUnschedulable();
    });
  }

  private requeueUnschedulable(): void {
    for (const key of this.unschedulable) this.enqueue(key);
  }

  /** Keeps the node counts current: a Pod counts on its node until it ends or is removed. */
  private count(pod: Pod | undefined, key: string): void {
    const phase = pod?.status?.phase;
    const node = pod && phase !== 'Succeeded' && phase !== 'Failed' ? pod.spec.nodeName : undefined;
    const owner = (pod && controllerOf(pod)?.uid) ?? '';
    const before = this.counted.get(key);
    if (before?.node === node && before?.owner === owner) return;
    if (before) this.add(before.node, before.owner, key, -1);
    // A Pod gone from a full node makes room there (upstream requeues on AssignedPodDelete).
    if (before && !node && this.unschedulable.size) this.requeueUnschedulable();
    if (node) {
      this.add(node, owner, key, 1, hostPortsOf(pod!));
      this.counted.set(key, { node, owner });
    } else this.counted.delete(key);
  }

  private add(node: string, owner: string, key: string, n: 1 | -1, ports: HostPort[] = []): void {
    let info = this.nodeInfo.get(node);
    if (!info) this.nodeInfo.set(node, (info = { pods: 0, byOwner: new Map(), ports: new Map() }));
    info.pods += n;
    if (owner) info.byOwner.set(owner, (info.byOwner.get(owner) ?? 0) + n);
    if (n < 0) info.ports.delete(key);
    else if (ports.length) info.ports.set(key, ports);
  }

  private wantsScheduling(pod: Pod): boolean {
    return !pod.spec.nodeName && !pod.metadata.deletionTimestamp && (pod.spec.schedulerName ?? defaultSchedulerName) === defaultSchedulerName;
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.cluster.store.get<Pod>('Pod', namespace, name);
    if (!pod || !this.wantsScheduling(pod)) {
      this.unschedulable.delete(key);
      return;
    }
    const nodes = this.cluster.store.list<Node>('Node');
    const reasons = new Map<string, number>();
    const feasible: Node[] = [];
    const wanted = hostPortsOf(pod);
    for (const node of nodes) {
      const reason = filter(pod, node) ?? this.portsInUse(wanted, node) ?? this.tooManyPods(node);
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      else feasible.push(node);
    }
    if (!feasible.length) {
      this.unschedulable.add(key);
      this.fail(pod, nodes.length, reasons);
      return;
    }
    this.unschedulable.delete(key);
    this.bind(pod, this.pick(pod, feasible));
  }

  /**
   * NodePorts: the node already runs a Pod holding one of the Pod's host ports.
   * Source: kubernetes/pkg/scheduler/framework/plugins/nodeports/node_ports.go (ErrReason).
   */
  private portsInUse(wanted: HostPort[], node: Node): string | undefined {
    if (!wanted.length) return undefined;
    for (const ports of this.nodeInfo.get(node.metadata.name)?.ports.values() ?? []) {
      if (ports.some((used) => wanted.some((w) => hostPortsConflict(used, w)))) return portsTaken;
    }
    return undefined;
  }

  /**
   * NodeResourcesFit's pod count: a node takes at most its allocatable Pods, the kubelet's
   * --max-pods (110 by default; pkg/kubelet/apis/config/v1beta1 defaults) unless the Node says otherwise.
   */
  private tooManyPods(node: Node): string | undefined {
    const allocatable = Number((node.status as { allocatable?: Record<string, string> } | undefined)?.allocatable?.pods ?? defaultMaxPods);
    return (this.nodeInfo.get(node.metadata.name)?.pods ?? 0) >= allocatable ? tooManyPods : undefined;
  }

  /** Fewest Pods of the same owner, then fewest Pods; a random one among the best. */
  private pick(pod: Pod, feasible: Node[]): Node {
    const owner = controllerOf(pod)?.uid;
    let best: Node[] = [];
    let bestSiblings = Infinity;
    let bestPods = Infinity;
    for (const node of feasible) {
      const info = this.nodeInfo.get(node.metadata.name);
      const siblings = (owner && info?.byOwner.get(owner)) || 0;
      const pods = info?.pods ?? 0;
      const cmp = siblings - bestSiblings || pods - bestPods;
      if (cmp < 0) {
        best = [node];
        bestSiblings = siblings;
        bestPods = pods;
      } else if (cmp === 0) best.push(node);
    }
    return best.length === 1 ? best[0] : best[this.cluster.rng.stream('scheduler').int(best.length)];
  }

  private bind(pod: Pod, node: Node): void {
    const ns = pod.metadata.namespace ?? '';
    const nodeName = node.metadata.name;
    const now = this.cluster.clock.timestamp();
    const status = { phase: 'Pending' as const, ...pod.status };
    status.conditions = [
      ...(status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
      { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
    ];
    // `pod` is the stored Pod: an update that passes its other parts back costs the store no copy of them.
    this.cluster.store.update<Pod>({ ...pod, spec: { ...pod.spec, nodeName }, status });
    this.log(objectKey(pod), `bound to ${nodeName}`);
    this.cluster.recordEvent(pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${pod.metadata.name} to ${nodeName}`, this.name);
  }

  /**
   * Leaves the Pod Pending with PodScheduled=False and a FailedScheduling event, worded as the
   * scheduler's FitError (pkg/scheduler/framework/types.go): reasons counted and sorted, then what
   * preemption found. None of these filters can be fixed by preempting other Pods.
   */
  private fail(pod: Pod, total: number, reasons: Map<string, number>): void {
    const message =
      total === 0
        ? 'no nodes available to schedule pods'
        : `0/${total} nodes are available: ${[...reasons].map(([r, n]) => `${n} ${r}`).sort().join(', ')}. ` +
          `preemption: 0/${total} nodes are available: ${preemption(reasons)}.`;
    const now = this.cluster.clock.timestamp();
    this.cluster.store.mutate<Pod>('Pod', pod.metadata.namespace ?? '', pod.metadata.name, (d) => {
      d.status = { phase: 'Pending', ...d.status };
      const current = d.status.conditions?.find((c) => c.type === 'PodScheduled');
      const since = current?.status === 'False' ? current.lastTransitionTime : now;
      d.status.conditions = [
        ...(d.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
        { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: since },
      ];
    });
    this.log(objectKey(pod), `no node fits → stays Pending (${message})`);
    this.cluster.recordEvent(pod, 'Warning', 'FailedScheduling', message, this.name);
  }
}

/** The kubelet's default --max-pods, what a Node allocates to Pods when it says nothing. */
export const defaultMaxPods = 110;

/** NodeResourcesFit's reason (pkg/scheduler/framework/plugins/noderesources/fit.go ErrReasonTooManyPods). */
const tooManyPods = 'Too many pods';
/** NodePorts' reason (pkg/scheduler/framework/plugins/nodeports/node_ports.go ErrReason). */
const portsTaken = "node(s) didn't have free ports for the requested pod ports";

/**
 * What the preemption dry run found per node (pkg/scheduler/framework/preemption): a full node,
 * or one whose host port another Pod holds, could take the Pod only by evicting one of equal
 * priority, which it may not; the other filters cannot be helped by evicting anything.
 */
function preemption(reasons: Map<string, number>): string {
  const full = (reasons.get(tooManyPods) ?? 0) + (reasons.get(portsTaken) ?? 0);
  const other = [...reasons.values()].reduce((a, b) => a + b, 0) - full;
  return [full ? `${full} No preemption victims found for incoming pod` : '', other ? `${other} Preemption is not helpful for scheduling` : ''].filter(Boolean).join(', ');
}

/** What of a Node the scheduler's filters read: a change elsewhere (a heartbeat) cannot make room. */
function schedulingView(node: Node): string {
  const status = node.status as { allocatable?: Record<string, string> } | undefined;
  return JSON.stringify([node.spec, node.metadata.labels, status?.allocatable]);
}

/** The taint a cordoned node acts as if it had (NodeUnschedulable's). */
const unschedulableTaint: Taint = { key: TaintNodeUnschedulable, effect: 'NoSchedule' };

/** Why `node` cannot take `pod`, in the scheduler's words; undefined when it can. */
function filter(pod: Pod, node: Node): string | undefined {
  const tolerations = pod.spec.tolerations;
  if (node.spec.unschedulable && !findToleration(tolerations, unschedulableTaint)) return 'node(s) were unschedulable';
  // Loops rather than find() and `?? {}`: this runs for every node for every Pod scheduled.
  for (const t of node.spec.taints ?? noTaints) {
    if ((t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !findToleration(tolerations, t)) return `node(s) had untolerated taint ${formatTaint(t)}`;
  }
  const selector = pod.spec.nodeSelector;
  const labels = node.metadata.labels;
  for (const k in selector) if (labels?.[k] !== selector[k]) return "node(s) didn't match Pod's node affinity/selector";
  return undefined;
}

const noTaints: Taint[] = [];
