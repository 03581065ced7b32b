/**
 * The cloud controller manager's node controller, the part that gives each Node the addresses the
 * cloud knows: a node with a public IP gets an `ExternalIP` beside the kubelet's InternalIP and
 * Hostname (in the order GCE's provider lists them), which `kubectl get nodes -o wide` shows in
 * its EXTERNAL-IP column. Labels, the providerID and the uninitialized taint are not modelled.
 * Source: k8s.io/cloud-provider/controllers/node/node_controller.go (syncNode, updateNodeAddress).
 */
import type { ComponentContext } from '../core/component';
import { Controller } from '../core/controller';
import type { Node } from '../api/types';
import type { Cloud } from './cloud';

export class CloudNodeController extends Controller {
  readonly name = 'cloud-node-controller';

  constructor(
    cluster: ComponentContext,
    private readonly cloud: Cloud,
  ) {
    super(cluster);
    cluster.store.watch<Node>('Node', (e) => {
      if (e.type !== 'DELETED') this.enqueue(e.object.metadata.name);
    });
  }

  protected reconcile(name: string): void {
    const node = this.cluster.store.get<Node>('Node', '', name);
    const addresses = node?.status?.addresses ?? [];
    const internal = addresses.find((a) => a.type === 'InternalIP')?.address;
    const external = internal && this.cloud.gateway?.publicIPs.get(internal);
    if (!node || !external || addresses.some((a) => a.type === 'ExternalIP' && a.address === external)) return;
    this.cluster.store.mutate<Node>('Node', '', name, (draft) => {
      const rest = (draft.status!.addresses ?? []).filter((a) => a.type !== 'ExternalIP');
      const at = rest.findIndex((a) => a.type === 'InternalIP') + 1;
      draft.status!.addresses = [...rest.slice(0, at), { type: 'ExternalIP', address: external }, ...rest.slice(at)];
    });
  }
}
