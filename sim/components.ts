import type { Cluster } from './cluster';

/**
 * Starts every component of the cluster, in the order a real cluster starts them: the API
 * server's admission steps, the control plane's controllers, then the agents on each node.
 * Each component's constructor subscribes to the store (watches) and queues its own work.
 */
export function installComponents(cluster: Cluster): void {
  void cluster;
  // Admission (API server): defaulting, Service IP allocation, …

  // Control plane: controllers, scheduler, …

  // Node agents: kubelet, kube-proxy, CNI, …

  // Add-ons: CoreDNS, …
}
