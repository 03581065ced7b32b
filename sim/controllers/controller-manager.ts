import type { ComponentContext } from '../core/component';
import type { Controller } from '../core/controller';
import { DeploymentController } from './deployment';
import { GarbageCollector } from './garbage-collector';
import { NodeLifecycleController } from './node-lifecycle';
import { ReplicaSetController } from './replicaset';
import { Scheduler } from './scheduler';
import { TaintEvictionController } from './taint-eviction';

/**
 * The workload controllers of kube-controller-manager (deployment, replicaset, garbage
 * collector, node lifecycle, taint eviction) and kube-scheduler, each watching the store.
 */
export function controlPlaneControllers(context: ComponentContext): Controller[] {
  return [
    new NodeLifecycleController(context),
    new TaintEvictionController(context),
    new DeploymentController(context),
    new ReplicaSetController(context),
    new GarbageCollector(context),
    new Scheduler(context),
  ];
}
