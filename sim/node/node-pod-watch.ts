import type { Pod } from '../api/types';
import type { Store, WatchHandler } from '../core/store';

/**
 * Pod watch events routed by node: a node agent (the kubelet, its journal) hears only the events
 * of Pods bound to its node, through one store watch for all nodes instead of one per agent (with
 * 50 nodes, 100 handlers ran on every Pod write, 98 of them to return at once).
 *
 * Handlers run in the order they subscribed. The one store watch is made where the first agent's
 * would be, and the agents subscribe one after another at start-up (components.ts), so every
 * watcher of the store still runs in the same order as with a watch each.
 */
const routers = new WeakMap<Store, Map<string, WatchHandler<Pod>[]>>();

export function watchNodePods(store: Store, nodeName: string, handler: WatchHandler<Pod>): void {
  let byNode = routers.get(store);
  if (!byNode) {
    const handlers = new Map<string, WatchHandler<Pod>[]>();
    routers.set(store, (byNode = handlers));
    // nodeName never changes once set: every event about a Pod of a node names that node.
    store.watch<Pod>('Pod', (e) => {
      const node = e.object.spec.nodeName;
      for (const h of (node !== undefined && handlers.get(node)) || []) h(e);
    });
  }
  const list = byNode.get(nodeName) ?? [];
  list.push(handler);
  byNode.set(nodeName, list);
}
