import type { Cluster } from '../cluster';
import { DeploymentController } from './deployment';
import { GarbageCollector } from './garbage-collector';
import { NodeLifecycleController } from './node-lifecycle';
import { ReplicaSetController } from './replicaset';
import { Scheduler } from './scheduler';
import { TaintEvictionController } from './taint-eviction';

/**
 * Starts the workload controllers of kube-controller-manager (deployment, replicaset, garbage
 * collector, node lifecycle, taint eviction) and kube-scheduler, each watching the store.
 */
export function startControlPlane(cluster: Cluster): void {
  cluster.controllers.push(
    new NodeLifecycleController(cluster),
    new TaintEvictionController(cluster),
    new DeploymentController(cluster),
    new ReplicaSetController(cluster),
    new GarbageCollector(cluster),
    new Scheduler(cluster),
  );
}
