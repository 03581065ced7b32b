/**
 * The cloud controller manager's service controller: it watches Services through the store, like
 * any controller, and for each `type: LoadBalancer` Service asks the cloud for a load balancer
 * whose target group is every node at the Service's NodePorts, then writes the load balancer's
 * public IP to `status.loadBalancer.ingress`. It protects the load balancer with the
 * `service.kubernetes.io/load-balancer-cleanup` finalizer, and deletes it when the Service is
 * deleted or stops being a LoadBalancer. A Service with a `loadBalancerClass` belongs to another
 * controller and is left alone.
 * Source: k8s.io/cloud-provider/controllers/service/controller.go (syncLoadBalancerIfNeeded,
 * needsUpdate, nodeSyncService; the events EnsuringLoadBalancer, EnsuredLoadBalancer,
 * DeletingLoadBalancer, DeletedLoadBalancer, UpdatedLoadBalancer).
 */
import type { ComponentContext } from '../core/component';
import { Controller } from '../core/controller';
import { deepEqual, objectKey, splitKey } from '../core/store';
import type { Node, Service } from '../api/types';
import { Cloud } from './cloud';
import type { Listener } from './load-balancer';
import { proxyHealthzPort } from '../node/kube-proxy-health';

/** servicehelper.LoadBalancerCleanupFinalizer. */
export const LoadBalancerCleanupFinalizer = 'service.kubernetes.io/load-balancer-cleanup';
/** The label that keeps a node out of every load balancer's target group (v1.LabelNodeExcludeBalancers). */
export const LabelNodeExcludeBalancers = 'node.kubernetes.io/exclude-from-external-load-balancers';

const component = 'service-controller';

function wantsLoadBalancer(svc: Service | undefined): svc is Service {
  return !!svc && svc.spec.type === 'LoadBalancer' && !svc.spec.loadBalancerClass && !svc.metadata.deletionTimestamp;
}

/** The parts of a Service its load balancer depends on (needsUpdate): a change elsewhere (status) needs no cloud call. */
function lbFacts(svc: Service): unknown {
  const s = svc.spec;
  return [s.type, s.loadBalancerClass, s.ports, s.externalTrafficPolicy, s.healthCheckNodePort, s.loadBalancerSourceRanges, svc.metadata.deletionTimestamp, svc.metadata.uid];
}

export class ServiceController extends Controller {
  readonly name = component;

  constructor(
    cluster: ComponentContext,
    private readonly cloud: Cloud,
  ) {
    super(cluster);
    cluster.store.watch<Service>('Service', (e) => {
      const involved = e.object.spec.type === 'LoadBalancer' || e.old?.spec.type === 'LoadBalancer' || this.cloud.loadBalancers.has(Cloud.loadBalancerName(e.object.metadata.uid ?? ''));
      if (!involved) return;
      if (e.type === 'MODIFIED' && e.old && deepEqual(lbFacts(e.old), lbFacts(e.object))) return;
      this.enqueue(objectKey(e.object));
    });
    // A node joining or leaving changes every load balancer's target group (nodeSyncLoop).
    cluster.store.watch<Node>('Node', (e) => {
      if (e.type === 'MODIFIED' && e.old && e.old.metadata.labels?.[LabelNodeExcludeBalancers] === e.object.metadata.labels?.[LabelNodeExcludeBalancers]) return;
      for (const svc of cluster.store.list<Service>('Service')) if (wantsLoadBalancer(svc)) this.enqueue(`nodes:${objectKey(svc)}`);
    });
  }

  protected reconcile(key: string): void {
    if (key.startsWith('active:')) return this.whenActive(key.slice(7));
    const nodeSync = key.startsWith('nodes:');
    const { namespace, name } = splitKey(nodeSync ? key.slice(6) : key);
    const svc = this.cluster.store.get<Service>('Service', namespace, name);
    if (nodeSync) return this.syncNodes(svc);
    if (wantsLoadBalancer(svc)) return this.ensure(svc);
    if (svc) this.cleanUp(svc);
  }

  private targets(): { name: string; ip: string }[] {
    return this.cluster.store
      .list<Node>('Node')
      .filter((n) => n.metadata.labels?.[LabelNodeExcludeBalancers] === undefined)
      .map((n) => ({ name: n.metadata.name, ip: n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '' }))
      .filter((t) => t.ip);
  }

  private ensure(svc: Service): void {
    const key = objectKey(svc);
    this.cluster.recordEvent(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', component);
    if (!svc.metadata.finalizers?.includes(LoadBalancerCleanupFinalizer)) {
      svc = this.cluster.store.mutate<Service>('Service', svc.metadata.namespace!, svc.metadata.name, (d) => {
        d.metadata.finalizers = [...(d.metadata.finalizers ?? []), LoadBalancerCleanupFinalizer];
      })!;
    }
    const lb = this.cloud.ensureLoadBalancer(Cloud.loadBalancerName(svc.metadata.uid!), key, listenersOf(svc), this.targets(), healthCheckOf(svc), 'cloud-controller-manager');
    const now = this.cluster.clock.now;
    if (lb.state(now) === 'provisioning') {
      // As a provider's EnsureLoadBalancer waits for its load balancer: the address is written once it is active.
      this.log(key, `load balancer ${lb.name} is provisioning: waiting for the cloud to make it active`);
      this.enqueueAfter(`active:${key}`, lb.activeAt - now);
      return;
    }
    this.ensured(svc, lb);
  }

  /** Asks the cloud whether the load balancer it is waiting for is active yet; then finishes. */
  private whenActive(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.cluster.store.get<Service>('Service', namespace, name);
    if (!wantsLoadBalancer(svc)) return;
    const lb = this.cloud.describeLoadBalancer(Cloud.loadBalancerName(svc.metadata.uid!), 'cloud-controller-manager');
    if (!lb) return this.enqueue(key);
    if (lb.state(this.cluster.clock.now) === 'provisioning') return this.enqueueAfter(`active:${key}`, lb.activeAt - this.cluster.clock.now);
    this.ensured(svc, lb);
  }

  /** The load balancer is active: the event, and its public IP in the Service's status. */
  private ensured(svc: Service, lb: { name: string; publicIP: string }): void {
    const key = objectKey(svc);
    this.cluster.recordEvent(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', component);
    const ingress = [{ ip: lb.publicIP, ipMode: 'VIP' as const }];
    if (!deepEqual(svc.status?.loadBalancer?.ingress, ingress)) {
      this.cluster.store.mutate<Service>('Service', svc.metadata.namespace!, svc.metadata.name, (d) => {
        d.status = { ...d.status, loadBalancer: { ingress } };
      });
      this.log(key, `load balancer ${lb.name} at ${lb.publicIP}: status.loadBalancer.ingress written`);
    }
  }

  private cleanUp(svc: Service): void {
    const lbName = Cloud.loadBalancerName(svc.metadata.uid!);
    if (this.cloud.loadBalancers.has(lbName)) {
      this.cluster.recordEvent(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', component);
      this.cloud.deleteLoadBalancer(lbName, 'cloud-controller-manager');
      this.log(objectKey(svc), `load balancer ${lbName} deleted`);
    }
    const { namespace, name } = { namespace: svc.metadata.namespace!, name: svc.metadata.name };
    if (svc.metadata.finalizers?.includes(LoadBalancerCleanupFinalizer)) {
      const left = this.cluster.store.mutate<Service>('Service', namespace, name, (d) => {
        d.metadata.finalizers = d.metadata.finalizers?.filter((f) => f !== LoadBalancerCleanupFinalizer);
        if (!d.metadata.finalizers?.length) delete d.metadata.finalizers;
        if (d.spec.type !== 'LoadBalancer' && d.status?.loadBalancer?.ingress) d.status = { ...d.status, loadBalancer: {} };
      });
      this.cluster.recordEvent(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', component);
      // The last finalizer gone from an object being deleted: the API server removes it.
      if (left?.metadata.deletionTimestamp && !left.metadata.finalizers?.length) this.cluster.store.remove('Service', namespace, name);
    }
  }

  /** nodeSyncService: the target group follows the nodes. */
  private syncNodes(svc: Service | undefined): void {
    if (!wantsLoadBalancer(svc)) return;
    const lb = this.cloud.loadBalancers.get(Cloud.loadBalancerName(svc.metadata.uid!));
    if (!lb) return;
    const targets = this.targets();
    if (deepEqual(lb.targets.map((t) => t.node), targets.map((t) => t.name))) return;
    this.cloud.ensureLoadBalancer(lb.name, lb.service, lb.listeners, targets, lb.healthCheck, 'cloud-controller-manager');
    this.cluster.recordEvent(svc, 'Normal', 'UpdatedLoadBalancer', 'Updated load balancer with new hosts', component);
  }
}

/** A listener per Service port, to that port's NodePort on every node. */
function listenersOf(svc: Service): Listener[] {
  return (svc.spec.ports ?? []).filter((p) => p.nodePort).map((p) => ({ protocol: (p.protocol ?? 'TCP') as Listener['protocol'], port: p.port, targetPort: p.nodePort! }));
}

/**
 * The health check the cloud runs on each node: kube-proxy's healthCheckNodePort (`/healthz`) for
 * externalTrafficPolicy Local, which only nodes with a local endpoint pass; for Cluster,
 * kube-proxy's own `/healthz` on port 10256, which every node with a working kube-proxy passes
 * (KEP-3836; a TCP check of the NodePort would fail whenever its DNAT picks a Pod on a dead node).
 */
function healthCheckOf(svc: Service): { protocol: 'TCP' | 'HTTP'; port?: number; path?: string } {
  if (svc.spec.externalTrafficPolicy === 'Local' && svc.spec.healthCheckNodePort) return { protocol: 'HTTP', port: svc.spec.healthCheckNodePort, path: '/healthz' };
  return { protocol: 'HTTP', port: proxyHealthzPort, path: '/healthz' };
}
