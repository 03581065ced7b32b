import type { Cluster } from './cluster';
import { installApiServer } from './api/apiserver';
import { installDefaultTolerationSeconds } from './api/default-toleration-seconds';
import { startControlPlane } from './controllers/controller-manager';
import { NetworkPolicyController } from './net/network-policy-controller';
import { ServiceAllocator } from './api/service-ip-allocator';
import { EndpointSliceController } from './controllers/endpointslice';
import { EndpointsController } from './controllers/endpoints';
import { installKubernetesService } from './addons/kubernetes-service';
import { installCoreDns } from './addons/coredns';
import { KubeProxy } from './node/kube-proxy';
import './node/programs/host';
import { Kubelet } from './node/kubelet';
import { NamespaceController } from './controllers/namespace';

/**
 * Starts every component of the cluster, in the order a real cluster starts them: the API
 * server's admission steps, the control plane's controllers, then the agents on each node.
 * Each component's constructor subscribes to the store (watches) and queues its own work.
 */
export function installComponents(cluster: Cluster): void {
  void cluster;
  // Admission (API server): defaulting, Service IP allocation, …
  installApiServer(cluster);
  new ServiceAllocator(cluster).install();
  installDefaultTolerationSeconds(cluster.store);

  // Control plane: controllers, scheduler, …
  startControlPlane(cluster);
  cluster.controllers.push(new EndpointSliceController(cluster), new EndpointsController(cluster));
  cluster.controllers.push(new NamespaceController(cluster));

  // Node agents: kubelet, kube-proxy, CNI, …
  for (const node of cluster.nodes.values()) node.kubelet = new Kubelet(cluster, node);
  for (const node of cluster.nodes.values()) node.kubeProxy = new KubeProxy(cluster, node);
  if (cluster.config.cni.enforcesNetworkPolicy) cluster.controllers.push(new NetworkPolicyController(cluster));

  // Add-ons: CoreDNS, …
  installKubernetesService(cluster);
  installCoreDns(cluster);
}
