import type { Cluster } from '../cluster';
import type { ExecResult } from '../node/programs';
import { curl } from '../node/programs/curl';

/**
 * The console's plain `curl` (outside `kubectl exec`): it runs on the reader's laptop, a host on
 * the internet (on bare metal, a machine on the nodes' LAN), so it reaches the cluster only as the
 * world does: a node's public IP and NodePort, or a load balancer's public IP. The laptop's
 * resolver knows no cluster names: address it by IP.
 */
export function laptopCurl(cluster: Cluster, args: string[]): ExecResult {
  const fs = new Map([
    ['/etc/hosts', '127.0.0.1\tlocalhost\n'],
    ['/etc/resolv.conf', ''],
  ]);
  return curl({ cluster, address: cluster.cloud.laptop.address, fs, tty: true }, args);
}
