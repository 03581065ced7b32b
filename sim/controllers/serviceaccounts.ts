import type { ComponentContext } from '../core/component';
import type { Namespace, ServiceAccount } from '../api/types';
import { Controller } from '../core/controller';

/** The account every Pod runs as unless it names another. Source: plugin/pkg/admission/serviceaccount (DefaultServiceAccountName). */
export const DefaultServiceAccountName = 'default';

/**
 * The serviceaccounts controller (kube-controller-manager): keeps a `default` ServiceAccount in
 * every active namespace, and creates it again when it is deleted. Source: kubernetes/kubernetes
 * pkg/controller/serviceaccount/serviceaccounts_controller.go (syncNamespace; the default
 * ServiceAccountsControllerOptions name only `default`).
 */
export class ServiceAccountsController extends Controller {
  readonly name = 'serviceaccount-controller';

  constructor(cluster: ComponentContext) {
    super(cluster);
    cluster.store.watch<Namespace>('Namespace', (e) => {
      if (e.type !== 'DELETED') this.enqueue(e.object.metadata.name);
    });
    cluster.store.watch<ServiceAccount>('ServiceAccount', (e) => {
      if (e.type === 'DELETED' && e.object.metadata.name === DefaultServiceAccountName) this.enqueue(e.object.metadata.namespace ?? '');
    });
    for (const ns of cluster.store.list<Namespace>('Namespace')) this.enqueue(ns.metadata.name);
  }

  protected reconcile(namespace: string): void {
    const store = this.cluster.store;
    const ns = store.get<Namespace>('Namespace', '', namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    if (store.get<ServiceAccount>('ServiceAccount', namespace, DefaultServiceAccountName)) return;
    store.create<ServiceAccount>({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DefaultServiceAccountName, namespace } });
    this.log(namespace, `created ServiceAccount ${DefaultServiceAccountName}`);
  }
}
