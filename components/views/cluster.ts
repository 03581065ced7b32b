/**
 * What widgets draw of Pods, Nodes and Services: plain data computed from the engine's state.
 * Every word `kubectl get` also prints (READY, STATUS, RESTARTS, CLUSTER-IP, PORT(S)) comes from
 * the engine's own printers, so a widget and `kubectl get` never disagree.
 */
import type { Cluster } from '../../sim/cluster';
import type { Deployment, Node, Pod, Service } from '../../sim/api/types';
import { nowMs } from '../../sim/console/context';
import { nodePrinter } from '../../sim/console/printers/node';
import { podPrinter } from '../../sim/console/printers/pod';
import { servicePrinter } from '../../sim/console/printers/service';
import { isPodReady } from '../../sim/controllers/pod-util';

/** One Pod as a widget draws it. */
export interface PodView {
  /** `namespace/name`: stable across renders (keyed `{#each}`). */
  key: string;
  name: string;
  namespace: string;
  /** The app the Pod belongs to (its `app` label, else its owner's name): picks its colour. */
  app: string;
  labels: Record<string, string>;
  nodeName?: string;
  podIP?: string;
  /** kubectl's READY column: `1/1`. */
  readyColumn: string;
  /** kubectl's STATUS column: Running, ContainerCreating, NotReady, ExitCode:2, Terminating, … */
  status: string;
  /** kubectl's RESTARTS column: `0`, `1 (4s ago)`. */
  restartsColumn: string;
  /** The sum of the containers' restartCount. */
  restarts: number;
  /** The Pod's Ready condition is True: it may receive traffic. */
  ready: boolean;
  /** deletionTimestamp is set. */
  terminating: boolean;
  /** The TCP containerPorts its containers declare. */
  ports: number[];
}

export interface NodeView {
  name: string;
  internalIP?: string;
  podCIDR?: string;
  /** The Node's Ready condition is True. */
  ready: boolean;
  /** kubectl's STATUS column of `kubectl get nodes`: Ready, NotReady, Ready,SchedulingDisabled… */
  status: string;
  /** The machine is switched on (`sim stop node` switches it off). */
  running: boolean;
  /** kube-proxy runs on the node. */
  kubeProxyRunning: boolean;
  pods: PodView[];
}

export interface ServiceView {
  key: string;
  name: string;
  type: string;
  /** kubectl's CLUSTER-IP column. */
  clusterIP: string;
  /** kubectl's PORT(S) column. */
  ports: string;
  /** The selector as kubectl prints it: `app=web`. */
  selector: Record<string, string>;
}

/** The Pods of a namespace, in creation order. */
export function podViews(cluster: Cluster, namespace: string): PodView[] {
  const ctx = { nowMs: nowMs(cluster), wide: false };
  return cluster.store.list<Pod>('Pod', namespace).map((pod) => {
    const [, readyColumn, status, restartsColumn] = podPrinter.row(pod, ctx);
    const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
    return {
      key: `${namespace}/${pod.metadata.name}`,
      name: pod.metadata.name,
      namespace,
      app: pod.metadata.labels?.app ?? owner?.name ?? pod.metadata.name,
      labels: { ...(pod.metadata.labels ?? {}) },
      nodeName: pod.spec.nodeName,
      podIP: pod.status?.podIP,
      readyColumn,
      status,
      restartsColumn,
      restarts: (pod.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
      ready: isPodReady(pod),
      terminating: pod.metadata.deletionTimestamp !== undefined,
      ports: pod.spec.containers.flatMap((c) => (c.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => p.containerPort)),
    };
  });
}

/** The Nodes, in name order, each with its Pods among `pods`. */
export function nodeViews(cluster: Cluster, pods: PodView[]): NodeView[] {
  const ctx = { nowMs: nowMs(cluster), wide: false };
  return cluster.store
    .list<Node>('Node')
    .map((node) => {
      const condition = node.status?.conditions?.find((c) => c.type === 'Ready');
      const host = cluster.nodes.get(node.metadata.name);
      return {
        name: node.metadata.name,
        internalIP: node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address,
        podCIDR: node.spec.podCIDR,
        ready: condition?.status === 'True',
        status: nodePrinter.row(node, ctx)[1],
        running: host?.running ?? false,
        kubeProxyRunning: host?.kubeProxy?.running ?? false,
        pods: pods.filter((p) => p.nodeName === node.metadata.name),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The Services of a namespace with a ClusterIP (headless and ExternalName Services have none). */
export function serviceViews(cluster: Cluster, namespace: string): ServiceView[] {
  const ctx = { nowMs: nowMs(cluster), wide: false };
  return cluster.store
    .list<Service>('Service', namespace)
    .filter((svc) => svc.spec.clusterIP && svc.spec.clusterIP !== 'None')
    .map((svc) => {
      const [, type, clusterIP, , ports] = servicePrinter.row(svc, ctx);
      return { key: `${namespace}/${svc.metadata.name}`, name: svc.metadata.name, type, clusterIP, ports, selector: { ...(svc.spec.selector ?? {}) } };
    });
}

/** Everything a map of the cluster draws, computed once per cluster change. */
export interface ClusterView {
  now: number;
  nodes: NodeView[];
  /** Pods the scheduler has not placed yet. */
  unscheduled: PodView[];
  services: ServiceView[];
  /** The namespace's Deployments and their spec.replicas. */
  deployments: { name: string; replicas: number }[];
}

export function clusterView(cluster: Cluster, namespace: string): ClusterView {
  const pods = podViews(cluster, namespace);
  return {
    now: cluster.clock.now,
    nodes: nodeViews(cluster, pods),
    unscheduled: pods.filter((p) => !p.nodeName),
    // The Services that pick Pods (the `kubernetes` Service's endpoints are the API server, no Pod).
    services: serviceViews(cluster, namespace).filter((s) => Object.keys(s.selector).length > 0),
    deployments: cluster.store.list<Deployment>('Deployment', namespace).map((d) => ({ name: d.metadata.name, replicas: d.spec.replicas ?? 1 })),
  };
}
