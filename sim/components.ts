import type { ComponentContext } from './core/component';
import type { Controller } from './core/controller';
import type { ClusterConfig } from './cluster-config';
import type { NodeHost } from './node/node-host';
import type { Dataplane } from './net/dataplane';
import type { Cloud } from './cloud/cloud';
import { ServiceController } from './cloud/service-controller';
import { CloudNodeController } from './cloud/node-controller';
import { installApiServer } from './api/apiserver';
import { installDefaultTolerationSeconds } from './api/default-toleration-seconds';
import { installPodAdmission } from './api/pod-admission';
import { controlPlaneControllers } from './controllers/controller-manager';
import { NetworkPolicyController } from './net/network-policy-controller';
import { ServiceAllocator } from './api/service-ip-allocator';
import { EndpointSliceController } from './controllers/endpointslice';
import { EndpointsController } from './controllers/endpoints';
import { installKubernetesService } from './addons/kubernetes-service';
import { CoreDnsImage, installCoreDns } from './addons/coredns';
import { KubeProxy } from './node/kube-proxy';
import './node/programs/host';
// The ingress controller's image: nodes can run it once it is installed (sim/scenarios/ingress/nginx-ingress.yaml).
import './addons/ingress/nginx-ingress-image';
import './addons/dns/coredns-program';
import { Kubelet } from './node/kubelet';
import { KubeletLog } from './node/kubelet-log';
import { IpMasqAgent } from './node/ip-masq-agent';
import { NamespaceController } from './controllers/namespace';
import { RootCACertPublisher } from './controllers/root-ca-cert-publisher';
import { kubeApiServerHttps } from './node/kube-apiserver-https';
import { ApiServerPort, apiServerAddress } from './api/well-known';
import { ServiceAccountsController } from './controllers/serviceaccounts';

/**
 * The images every node has before it runs a Pod: kubeadm pulls the control plane's images, the
 * pause image and kube-proxy's before the cluster starts, and CoreDNS's on the nodes that run it
 * (the simulator puts them on every node). Source: kubeadm's constants (PauseVersion 3.10.1) and
 * `kubeadm config images list`.
 */
function preloadedImages(config: ClusterConfig): string[] {
  return ['registry.k8s.io/pause:3.10.1', `registry.k8s.io/kube-proxy:${config.kubernetesVersion}`, CoreDnsImage];
}

/** The parts of a cluster a component may be given: each entry below takes only what it needs. */
export interface ClusterParts {
  /** The store, the clock, the random source, the event recorder and the reconcile log. */
  context: ComponentContext;
  config: ClusterConfig;
  nodes: ReadonlyMap<string, NodeHost>;
  dataplane: Dataplane;
  /** The provider outside the cluster (disabled on bare metal). */
  cloud: Cloud;
}

/** One component of the cluster: where it runs, and how it starts. Controllers it starts are returned. */
export interface ComponentEntry {
  /** The component as a Kubernetes engineer names it. */
  name: string;
  /** Control-plane components and add-ons start once; a node agent starts on every node with that node. */
  runsOn: 'control-plane' | 'each-node' | 'add-on';
  install(parts: ClusterParts, node?: NodeHost): Controller[] | void;
}

/**
 * Every component of the cluster, in the order a real cluster starts them: the API server's
 * admission steps, the control plane's controllers, the agents on each node, the add-ons.
 * Each component subscribes to the store (watches) and queues its own work.
 */
export const components: readonly ComponentEntry[] = [
  // Admission (API server): defaulting, Service IP allocation, …
  { name: 'kube-apiserver', runsOn: 'control-plane', install: ({ context }) => installApiServer(context) },
  { name: 'service-ip-allocator', runsOn: 'control-plane', install: ({ context, config }) => new ServiceAllocator({ ...context, config }).install() },
  { name: 'DefaultTolerationSeconds', runsOn: 'control-plane', install: ({ context }) => installDefaultTolerationSeconds(context.store) },
  { name: 'Priority and ServiceAccount', runsOn: 'control-plane', install: ({ context }) => installPodAdmission(context.store, context.rng) },

  // Control plane: kube-controller-manager's controllers and kube-scheduler.
  { name: 'kube-controller-manager', runsOn: 'control-plane', install: ({ context }) => controlPlaneControllers(context) },
  { name: 'endpointslice-controller', runsOn: 'control-plane', install: ({ context }) => [new EndpointSliceController(context), new EndpointsController(context)] },
  { name: 'namespace-controller', runsOn: 'control-plane', install: ({ context }) => [new NamespaceController(context)] },
  { name: 'root-ca-cert-publisher', runsOn: 'control-plane', install: ({ context }) => [new RootCACertPublisher(context)] },
  { name: 'serviceaccount-controller', runsOn: 'control-plane', install: ({ context }) => [new ServiceAccountsController(context)] },

  // The cloud controller manager's service and node controllers, when the cluster runs on a cloud.
  { name: 'cloud-controller-manager', runsOn: 'control-plane', install: ({ context, cloud }) => (cloud.enabled ? [new ServiceController(context, cloud), new CloudNodeController(context, cloud)] : []) },

  // Node agents: kubelet, kube-proxy.
  {
    name: 'kubelet',
    runsOn: 'each-node',
    install: ({ context, config, nodes, dataplane }, node) => {
      node!.kubelet = new Kubelet({ ...context, config, nodes, dataplane }, node!, preloadedImages(config));
      // What it writes to the node's journal (journalctl -u kubelet).
      new KubeletLog({ ...context, config }, node!);
    },
  },
  // The API server's HTTPS port, on the node that plays the control plane (see apiServerAddress).
  {
    name: 'kube-apiserver',
    runsOn: 'each-node',
    install: ({ context, config }, node) => void (node!.ip === apiServerAddress(config) && node!.hostServers.set(`TCP/${ApiServerPort}`, kubeApiServerHttps({ ...context, config }))),
  },
  { name: 'kube-proxy', runsOn: 'each-node', install: ({ context, config }, node) => void (node!.kubeProxy = new KubeProxy({ ...context, config }, node!)) },
  // On a cloud, Pods' traffic to the internet leaves with the node's address.
  { name: 'ip-masq-agent', runsOn: 'each-node', install: ({ context, config, cloud }, node) => void (cloud.enabled && new IpMasqAgent({ ...context, config }, node!)) },
  // The CNI's policy agent, when the CNI enforces NetworkPolicy.
  {
    name: 'network-policy-controller',
    runsOn: 'control-plane',
    install: ({ context, config, nodes }) => (config.cni.enforcesNetworkPolicy ? [new NetworkPolicyController({ ...context, config }, nodes.values())] : []),
  },

  // Add-ons: the `kubernetes` Service, CoreDNS.
  { name: 'kubernetes-service', runsOn: 'add-on', install: ({ context, config }) => installKubernetesService({ ...context, config }) },
  { name: 'coredns', runsOn: 'add-on', install: ({ context, config }) => installCoreDns({ ...context, config }) },
];

/** Starts every component; returns the controllers, for the widgets and tests that look at them. */
export function installComponents(parts: ClusterParts): Controller[] {
  const controllers: Controller[] = [];
  for (const entry of components) {
    const targets = entry.runsOn === 'each-node' ? [...parts.nodes.values()] : [undefined];
    for (const node of targets) controllers.push(...(entry.install(parts, node) ?? []));
  }
  return controllers;
}
