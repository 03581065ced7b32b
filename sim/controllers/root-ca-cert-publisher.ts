import type { ComponentContext } from '../core/component';
import type { ConfigMap, Namespace } from '../api/types';
import { clusterCACertificate } from '../api/cluster-ca';
import { Controller } from '../core/controller';

/**
 * The name, key and description of the ConfigMap every namespace gets. Source: kubernetes/kubernetes
 * pkg/controller/certificates/rootcacertpublisher/publisher.go (RootCACertConfigMapName,
 * DescriptionAnnotation, Description) and the `ca.crt` key the projected service-account volume reads.
 */
export const RootCACertConfigMapName = 'kube-root-ca.crt';
const descriptionAnnotation = 'kubernetes.io/description';
const description =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * The root-ca-cert-publisher controller (kube-controller-manager): keeps a `kube-root-ca.crt`
 * ConfigMap with the cluster CA's certificate in every active namespace; recreates it when it is
 * deleted and puts it back when it is changed.
 */
export class RootCACertPublisher extends Controller {
  readonly name = 'root-ca-cert-publisher';

  constructor(cluster: ComponentContext) {
    super(cluster);
    cluster.store.watch<Namespace>('Namespace', (e) => {
      if (e.type !== 'DELETED') this.enqueue(e.object.metadata.name);
    });
    cluster.store.watch<ConfigMap>('ConfigMap', (e) => {
      if (e.object.metadata.name === RootCACertConfigMapName) this.enqueue(e.object.metadata.namespace ?? '');
    });
    for (const ns of cluster.store.list<Namespace>('Namespace')) this.enqueue(ns.metadata.name);
  }

  protected reconcile(namespace: string): void {
    const store = this.cluster.store;
    const ns = store.get<Namespace>('Namespace', '', namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    const data = { 'ca.crt': clusterCACertificate };
    const cm = store.get<ConfigMap>('ConfigMap', namespace, RootCACertConfigMapName);
    if (!cm) {
      store.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: RootCACertConfigMapName, namespace, annotations: { [descriptionAnnotation]: description } }, data });
      this.log(namespace, `created ConfigMap ${RootCACertConfigMapName}`);
      return;
    }
    if (cm.data?.['ca.crt'] === clusterCACertificate && cm.metadata.annotations?.[descriptionAnnotation] === description) return;
    store.update<ConfigMap>({ ...cm, data, metadata: { ...cm.metadata, annotations: { ...cm.metadata.annotations, [descriptionAnnotation]: description } } });
  }
}
