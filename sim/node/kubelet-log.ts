import type { ConfiguredContext } from '../cluster-config';
import type { Pod } from '../api/types';
import type { WatchEvent } from '../core/store';
import type { NodeHost } from './node-host';
import { bootServices } from './host-processes';
import { UnitJournal } from './unit-journal';
import { watchNodePods } from './node-pod-watch';

/**
 * What the kubelet writes to its node's journal (it runs there as kubelet.service, `--v=2`): a
 * subset of its real lines. At each boot, its version and the node's registration; then, from its
 * watch of the API, each Pod bound to the node as the sync loop receives it: `SyncLoop ADD` when
 * the Pod arrives, `SyncLoop DELETE` when its deletion is asked (graceful termination starts),
 * `SyncLoop REMOVE` once the API object is gone.
 * Sources: cmd/kubelet/app/server.go ("Kubelet version", "Golang settings"),
 * pkg/kubelet/kubelet_node_status.go (registerWithAPIServer), pkg/kubelet/kubelet.go
 * (syncLoopIteration); file:line positions as a v1.3x kubelet prints them, approximately.
 */
export class KubeletLog {
  private readonly journal: UnitJournal;

  constructor(
    private readonly cluster: ConfiguredContext,
    private readonly node: NodeHost,
  ) {
    this.journal = new UnitJournal(node, cluster.clock, 'kubelet.service', 'Kubernetes Kubelet', 'kubelet');
    this.started();
    node.bootHooks.push(() => this.started());
    watchNodePods(cluster.store, node.name, (e) => this.onPod(e));
  }

  private started(): void {
    const j = this.journal;
    j.pid = bootServices.kubelet;
    j.started();
    j.info('server.go:525', 'Kubelet version', [['kubeletVersion', this.cluster.config.kubernetesVersion]]);
    j.info('server.go:527', 'Golang settings', [['GOGC', ''], ['GOMAXPROCS', ''], ['GOTRACEBACK', '']]);
    j.info('kubelet_node_status.go:75', 'Attempting to register node', [['node', this.node.name]]);
    j.info('kubelet_node_status.go:78', 'Successfully registered node', [['node', this.node.name]]);
  }

  private onPod(e: WatchEvent<Pod>): void {
    if (!this.node.running) return;
    const bound = e.type === 'ADDED' || (e.type === 'MODIFIED' && e.old?.spec.nodeName !== this.node.name);
    const deleting = e.type === 'MODIFIED' && !!e.object.metadata.deletionTimestamp && !e.old?.metadata.deletionTimestamp;
    const what = bound ? 'ADD' : deleting ? 'DELETE' : e.type === 'DELETED' ? 'REMOVE' : undefined;
    if (!what) return;
    const where = { ADD: 'kubelet.go:2425', DELETE: 'kubelet.go:2441', REMOVE: 'kubelet.go:2435' }[what];
    this.journal.info(where, `SyncLoop ${what}`, [['source', 'api'], ['pods', [`${e.object.metadata.namespace ?? 'default'}/${e.object.metadata.name}`]]]);
  }
}
