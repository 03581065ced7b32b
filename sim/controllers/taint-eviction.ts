import type { ComponentContext } from '../core/component';
import type { Node, Pod, Taint } from '../api/types';
import { findToleration } from '../api/taints';
import { Controller } from '../core/controller';
import { objectKey, splitKey, deepEqual } from '../core/store';
import { podsByNode } from './informers';

/**
 * The taint eviction controller: deletes the Pods of a node with a NoExecute taint they do not
 * tolerate, at once, or after the shortest `tolerationSeconds` of the tolerations they use. Every
 * Pod gets 300 s for `unreachable` and `not-ready` from the DefaultTolerationSeconds admission
 * plugin, so a lost node's Pods are deleted five minutes after it is tainted. The deletion is
 * graceful: on a node whose kubelet is gone, the Pods stay Terminating, as on a real cluster,
 * while their ReplicaSets already replace them elsewhere.
 * Modelled on kubernetes/kubernetes pkg/controller/tainteviction/taint_eviction.go
 * (processPodOnNode, getMinTolerationTime).
 */
export class TaintEvictionController extends Controller {
  readonly name = 'taint-eviction-controller';
  private podsOnNode = podsByNode(this.cluster);
  /** When each Pod is due for eviction, once scheduled. */
  private due = new Map<string, number>();

  constructor(cluster: ComponentContext) {
    super(cluster);
    const store = cluster.store;
    store.watch<Node>('Node', (e) => {
      const before = noExecute(e.old?.spec.taints);
      const after = noExecute(e.object.spec.taints);
      if (deepEqual(before, after)) return;
      for (const pod of this.podsOnNode.get(e.object.metadata.name)) this.enqueue(objectKey(pod));
    });
    store.watch<Pod>('Pod', (e) => {
      if (e.type === 'DELETED') this.due.delete(objectKey(e.object));
      else if (e.object.spec.nodeName && e.old?.spec.nodeName !== e.object.spec.nodeName) this.enqueue(objectKey(e.object));
    });
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const store = this.cluster.store;
    const pod = store.get<Pod>('Pod', namespace, name);
    if (!pod || pod.metadata.deletionTimestamp || !pod.spec.nodeName) {
      this.due.delete(key);
      return;
    }
    const taints = noExecute(store.get<Node>('Node', '', pod.spec.nodeName)?.spec.taints);
    if (!taints.length) {
      if (this.due.delete(key)) this.log(key, 'NoExecute taints gone → eviction cancelled');
      return;
    }
    const untolerated = taints.find((t) => !findToleration(pod.spec.tolerations, t));
    const seconds = taints
      .map((t) => findToleration(pod.spec.tolerations, t)?.tolerationSeconds)
      .filter((s): s is number => s !== undefined);
    if (!untolerated && !seconds.length) return; // tolerated forever
    const now = this.cluster.clock.now;
    let at = this.due.get(key);
    if (at === undefined) {
      at = untolerated ? now : now + Math.max(0, Math.min(...seconds)) * 1000;
      this.due.set(key, at);
      const why = untolerated ? `untolerated taint ${untolerated.key}:${untolerated.effect}` : `tolerationSeconds ${Math.min(...seconds)}`;
      if (at > now) this.log(key, `${why} → evict in ${(at - now) / 1000}s`);
    }
    if (at > now) {
      this.enqueueAfter(key, at - now);
      return;
    }
    this.due.delete(key);
    this.log(key, `evict from ${pod.spec.nodeName} (NoExecute taint)`);
    this.cluster.recordEvent(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`, this.name);
    store.delete('Pod', namespace, name);
  }
}

function noExecute(taints: Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}
