/**
 * What "Who does what" draws: the layers between the internet and a Pod, each with who provides
 * it and what implements it right now in the engine, on the Kubernetes side (API objects, node
 * agents' state) and on the cloud's side (the simulated cloud's resources). Read from the live
 * cluster every time: nothing here is typed by hand but the layers' names and who provides them
 * (COURSE.md C20, after the seed's table).
 */
import type { Cluster } from '../../sim/cluster';
import type { EndpointSlice, Ingress, IngressClass, Pod, Service } from '../../sim/api/types';

export type LayerId = 'pod-network' | 'service' | 'load-balancer' | 'ingress' | 'ingress-controller' | 'egress';

/** Who provides a layer; the words are what the reader sees beside the colour. */
export type Provider = 'kubernetes' | 'cloud' | 'both';

export interface LayerItem {
  /** What kind of thing it is, as an engineer would name it: `Service`, `load balancer`, `NAT gateway`. */
  kind: string;
  name: string;
  /** One line of live facts: addresses, counts, health. */
  detail: string;
}

export interface Layer {
  id: LayerId;
  name: string;
  provider: Provider;
  /** How the provider provides it, in words, after the provider's name. */
  providedBy: string;
  /** One sentence: what the layer does. */
  does: string;
  /** What implements it in Kubernetes: objects in the API and the agents' state on the nodes. */
  kubernetes: LayerItem[];
  /** What implements it in the cloud, outside the cluster. */
  cloud: LayerItem[];
  /** Console commands that show the layer for yourself. */
  commands: string[];
}

/** The layers, from the Pod up to the internet and back out. */
export const layerIds: LayerId[] = ['pod-network', 'service', 'load-balancer', 'ingress', 'ingress-controller', 'egress'];

const key = (o: { metadata: { namespace?: string; name: string } }) => `${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;

/** Every layer, as the cluster stands now. */
export function whoDoesWhat(cluster: Cluster): Layer[] {
  const store = cluster.store;
  const pods = store.list<Pod>('Pod').filter((p) => p.status?.podIP && !p.metadata.deletionTimestamp);
  const services = store.list<Service>('Service');
  const slices = store.list<EndpointSlice>('EndpointSlice');
  const ingresses = store.list<Ingress>('Ingress');
  const classes = store.list<IngressClass>('IngressClass');
  const cloud = cluster.cloud;
  const lbIP = (s: Service) => s.status?.loadBalancer?.ingress?.map((i) => i.ip ?? i.hostname).filter(Boolean).join(',') ?? '';

  const readyEndpoints = (svc: Service) =>
    slices
      .filter((s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)
      .flatMap((s) => s.endpoints ?? [])
      .filter((e) => e.conditions?.ready !== false).length;

  const podNetwork: Layer = {
    id: 'pod-network',
    name: 'Pod networking',
    provider: 'kubernetes',
    providedBy: `the CNI plugin (${cluster.config.cni.name}) on every node`,
    does: 'Gives every Pod a real IP from its node\'s Pod CIDR and carries packets between Pods, on one node or across nodes, with no NAT.',
    kubernetes: [...cluster.nodes.values()].map((n) => {
      const here = pods.filter((p) => p.spec.nodeName === n.name && !p.spec.hostNetwork);
      return { kind: 'node', name: n.name, detail: `Pod CIDR ${n.podCIDR}: ${here.length ? here.map((p) => `${p.metadata.name} ${p.status!.podIP}`).join(', ') : 'no Pods'}` };
    }),
    cloud: [{ kind: 'VPC', name: cluster.config.vpcCIDR, detail: `the network the nodes sit on (${[...cluster.nodes.values()].map((n) => `${n.name} ${n.ip}`).join(', ')}); it carries node-to-node packets and knows nothing of Pods` }],
    commands: ['kubectl get pods -A -o wide', 'ssh node-1 ip route'],
  };

  const service: Layer = {
    id: 'service',
    name: 'Services (ClusterIP)',
    provider: 'kubernetes',
    providedBy: 'the API server allocates the ClusterIP, the EndpointSlice controller lists the Pods, kube-proxy writes the rules',
    does: 'One stable virtual address in front of changing Pods; each node\'s rules rewrite it to a Pod IP, once per connection.',
    kubernetes: [
      ...services.map((s) => ({ kind: `Service (${s.spec.type ?? 'ClusterIP'})`, name: key(s), detail: `ClusterIP ${s.spec.clusterIP ?? 'None'}, ${readyEndpoints(s)} ready endpoint(s)` })),
      ...[...cluster.nodes.values()].map((n) => ({ kind: 'kube-proxy', name: n.name, detail: n.kubeProxy?.running ? `running: ${[...n.netfilter.nat.chains.keys()].filter((c) => c.startsWith('KUBE-SVC-')).length} KUBE-SVC chains in the nat table` : 'stopped: the rules stay as last written' })),
    ],
    cloud: [],
    commands: ['kubectl get svc -A', 'kubectl get endpointslices -A', 'ssh node-1 iptables-save -t nat | grep -c KUBE-SEP'],
  };

  const lbServices = services.filter((s) => s.spec.type === 'LoadBalancer');
  const loadBalancer: Layer = {
    id: 'load-balancer',
    name: 'Load balancer',
    provider: 'cloud',
    providedBy: 'Kubernetes only asks, through the cloud controller manager, and keeps the targets up to date',
    does: 'A public IP, health checks and high availability in front of the nodes, for one Service of type LoadBalancer.',
    kubernetes: [
      ...lbServices.map((s) => ({ kind: 'Service (LoadBalancer)', name: key(s), detail: `EXTERNAL-IP ${lbIP(s) || '<pending>'}; node ports ${(s.spec.ports ?? []).map((p) => p.nodePort).join(', ')}` })),
      { kind: 'cloud controller manager', name: 'service controller', detail: `${cloud.calls.filter((c) => c.caller === 'cloud-controller-manager').length} call(s) to the cloud's API so far` },
    ],
    cloud: [...cloud.loadBalancers.values()].map((lb) => ({
      kind: 'load balancer',
      name: lb.name,
      detail: `public IP ${lb.publicIP}; listeners ${lb.listeners.map((l) => `${l.protocol}:${l.port}→${l.targetPort}`).join(', ')}; targets ${lb.targets.map((t) => `${t.node} ${t.health}`).join(', ')}`,
    })),
    commands: ['kubectl get svc -A -o wide', 'kubectl describe svc -n nginx-ingress nginx-ingress'],
  };

  const ingress: Layer = {
    id: 'ingress',
    name: 'Ingress rules',
    provider: 'kubernetes',
    providedBy: 'configuration: objects the API server stores; nothing runs them by itself',
    does: 'HTTP routing rules: which host and path go to which Service, and which certificate to use.',
    kubernetes: [
      ...ingresses.map((i) => ({ kind: 'Ingress', name: key(i), detail: `class ${i.spec.ingressClassName ?? '<none>'}; hosts ${(i.spec.rules ?? []).map((r) => r.host ?? '*').join(', ')}; ADDRESS ${(i.status?.loadBalancer?.ingress ?? []).map((a) => a.ip ?? a.hostname).join(',') || '(empty)'}` })),
      ...classes.map((c) => ({ kind: 'IngressClass', name: c.metadata.name, detail: `served by ${c.spec.controller}` })),
    ],
    cloud: [],
    commands: ['kubectl get ingress -A', 'kubectl get ingressclass', 'kubectl describe ingress cafe'],
  };

  // The controller is whatever serves the Ingresses' address: the LoadBalancer Service holding that
  // address, and the Pods behind it.
  const addresses = new Set(ingresses.flatMap((i) => (i.status?.loadBalancer?.ingress ?? []).map((a) => a.ip ?? a.hostname)));
  const fronts = lbServices.filter((s) => (s.status?.loadBalancer?.ingress ?? []).some((a) => addresses.has(a.ip ?? a.hostname)));
  const selects = (s: Service, p: Pod) => p.metadata.namespace === s.metadata.namespace && !!s.spec.selector && Object.entries(s.spec.selector).every(([k, v]) => p.metadata.labels?.[k] === v);
  const controller: Layer = {
    id: 'ingress-controller',
    name: 'Ingress controller',
    provider: 'kubernetes',
    providedBy: 'Pods you install (here F5\'s NGINX Ingress Controller), behind a LoadBalancer Service',
    does: 'Reads the Ingress rules, terminates TLS, and sends each HTTP request to a Pod IP of the right Service.',
    kubernetes: [
      ...fronts.map((s) => ({ kind: 'Service (LoadBalancer)', name: key(s), detail: `holds the Ingress address ${lbIP(s)}` })),
      ...fronts.flatMap((s) => pods.filter((p) => selects(s, p)).map((p) => ({ kind: 'Pod', name: key(p), detail: `${p.status!.podIP} on ${p.spec.nodeName}, ${p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? 'Ready' : 'not Ready'}` }))),
    ],
    cloud: [...cloud.loadBalancers.values()].filter((lb) => fronts.some((s) => lbIP(s) === lb.publicIP)).map((lb) => ({ kind: 'load balancer', name: lb.name, detail: `in front of the controller: ${lb.publicIP}` })),
    commands: ['kubectl get pods,svc -n nginx-ingress -o wide', 'kubectl get events -A --field-selector reason=AddedOrUpdated'],
  };

  const gateway = cloud.gateway;
  const egress: Layer = {
    id: 'egress',
    name: 'Egress to the internet',
    provider: 'both',
    providedBy: 'Kubernetes routes and the CNI forwards; the cloud\'s internet gateway or NAT gateway gives the public source address',
    does: 'Traffic leaving the cluster: a Pod\'s packet leaves its node, and the cloud rewrites its source to a public IP the internet can answer.',
    kubernetes: [...cluster.nodes.values()].map((n) => {
      const masq = n.netfilter.nat.chains.has('IP-MASQ-AGENT');
      return { kind: 'node', name: n.name, detail: masq ? `IP-MASQ-AGENT: Pod traffic to outside the cluster leaves with ${n.ip}` : `routes Pod traffic for outside the cluster to the VPC (${n.ip})` };
    }),
    cloud: [
      ...(gateway ? [{ kind: 'internet gateway', name: gateway.name, detail: [...gateway.publicIPs].map(([priv, pub]) => `${priv} ↔ ${pub}`).join(', ') || 'no public IPs mapped' }] : []),
      ...(cloud.natGateway ? [{ kind: 'NAT gateway', name: cloud.natGateway.name, detail: `${cloud.natGateway.address}, public IP ${cloud.natGateway.publicIP}` }] : []),
      ...cluster.dataplane.vpc.routes.filter((r) => r.target !== 'local').map((r) => ({ kind: 'VPC route', name: r.destination, detail: `→ ${typeof r.target === 'string' ? r.target : r.target.name}` })),
    ],
    commands: ['ssh node-1 ip route', 'kubectl exec client -- curl -s -m 3 http://198.51.100.20'],
  };

  return [podNetwork, service, loadBalancer, ingress, controller, egress];
}
