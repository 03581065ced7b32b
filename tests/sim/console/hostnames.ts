import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import type { Pod, Service } from '../../../sim/api/types';

/**
 * The Debug Services tutorial's Deployment and Service on the default three nodes, after running
 * `more` console lines; kube-proxy has had its second to sync (minSyncPeriod).
 */
export function hostnames(replicas = 3, ...more: string[]) {
  const cluster = new Cluster({ seed: 1 }).boot();
  const c = new Console(cluster);
  c.run(`kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname --replicas=${replicas}`);
  c.run('kubectl expose deployment hostnames --port=80 --target-port=9376');
  for (const line of more) c.run(line);
  c.run('kubectl rollout status deployment/hostnames');
  c.run('sleep 1');
  const pods = cluster.store.list<Pod>('Pod').filter((p) => p.metadata.labels?.app === 'hostnames');
  const clusterIP = cluster.store.get<Service>('Service', 'default', 'hostnames')!.spec.clusterIP!;
  return { cluster, c, pods, clusterIP };
}
