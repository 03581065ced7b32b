/**
 * The decision matrix (COURSE.md C29): for each requirement a reader may have, the way to expose
 * (or let out) an app, why, and the commands that show it on the live cluster. The answers and
 * reasons are the course's; every address in a command is read from the cluster as it stands
 * (the Service's ClusterIP, a node's public IP, the load balancer's, the Ingress'), so the commands
 * are what a reader would type on this cluster.
 */
import type { Cluster } from '../../sim/cluster';
import type { Ingress, Service } from '../../sim/api/types';

export type RequirementId = 'internal' | 'lab' | 'simple-external' | 'platform' | 'outbound';

export interface Decision {
  id: RequirementId;
  /** The requirement, in the reader's words. */
  need: string;
  /** The answer: what to use. */
  answer: string;
  /** Why, in two or three sentences. */
  why: string;
  /** Commands that show it on the live cluster, in order. */
  commands: string[];
}

/** The objects the widget's cluster has for each answer (sim/scenarios/who-does-what/web.yaml, the cafe Ingress). */
export interface DecisionObjects {
  clusterIP: string;
  nodePort: string;
  loadBalancer: string;
  ingress: string;
}

export const requirementIds: RequirementId[] = ['internal', 'lab', 'simple-external', 'platform', 'outbound'];

function service(cluster: Cluster, name: string): Service | undefined {
  return cluster.store.get<Service>('Service', 'default', name);
}

/** The decisions, with commands that use this cluster's addresses. */
export function decisions(cluster: Cluster, names: DecisionObjects): Decision[] {
  const internal = service(cluster, names.clusterIP);
  const nodePort = service(cluster, names.nodePort);
  const lb = service(cluster, names.loadBalancer);
  const ingress = cluster.store.get<Ingress>('Ingress', 'default', names.ingress);
  const lbIP = lb?.status?.loadBalancer?.ingress?.[0]?.ip ?? 'EXTERNAL-IP';
  const ingressIP = ingress?.status?.loadBalancer?.ingress?.[0]?.ip ?? 'ADDRESS';
  const hosts = (ingress?.spec.rules ?? []).map((r) => r.host).filter((h): h is string => !!h);
  const firstNode = [...cluster.nodes.values()][0];
  const nodePublicIP = firstNode ? cluster.cloud.gateway?.publicIPs.get(firstNode.ip) : undefined;
  const port = nodePort?.spec.ports?.[0]?.nodePort;
  const echo = cluster.cloud.internet.hosts.find((h) => h.name === 'echo')?.address;
  return [
    {
      id: 'internal',
      need: 'Only other Pods in the cluster call it',
      answer: 'ClusterIP (the default type)',
      why: 'A ClusterIP exists only as rules on the cluster\'s nodes: every Pod reaches it by name, nothing outside can route to it. It costs nothing and needs nothing from the cloud.',
      commands: [`kubectl get svc ${names.clusterIP}`, `kubectl exec client -- curl -s http://${names.clusterIP}`, `curl -sS -m 3 http://${internal?.spec.clusterIP ?? 'CLUSTER-IP'}`],
    },
    {
      id: 'lab',
      need: 'A lab or a demo: reach it from my machine, quickly',
      answer: 'NodePort',
      why: 'It opens one port on every node and needs nothing else. But it is a port, not an endpoint: no stable address, no failover, no TLS, no DNS; if the node you call dies, your traffic dies with it.',
      commands: [`kubectl get svc ${names.nodePort}`, 'kubectl get nodes -o wide', `curl -s -m 3 http://${nodePublicIP ?? firstNode?.ip ?? 'NODE-IP'}:${port ?? 'NODE-PORT'}`],
    },
    {
      id: 'simple-external',
      need: 'One simple app on the internet',
      answer: 'LoadBalancer',
      why: 'Kubernetes asks the cloud, and the cloud creates a load balancer with a public IP, health checks and failover across nodes. One load balancer per Service, with no routing by host or path: fine for one app, costly for twenty.',
      commands: [`kubectl get svc ${names.loadBalancer}`, `curl -s http://${lbIP}`, 'cloud lb list'],
    },
    {
      id: 'platform',
      need: 'Many apps on one address, routed by host and path, with TLS',
      answer: 'Ingress, with an Ingress controller behind one cloud load balancer',
      why: 'One load balancer and one address for every app; the controller routes each request by host and path and terminates TLS. (For a new platform, consider Gateway API, Ingress\'s successor: the same model.)',
      commands: [`kubectl get ingress ${names.ingress}`, ...hosts.slice(0, 2).map((h, i) => `curl -sk --resolve ${h}:443:${ingressIP} https://${h}/${i ? '' : 'tea'}`)],
    },
    {
      id: 'outbound',
      need: 'Pods must call services on the internet',
      answer: 'The cloud\'s NAT: a NAT gateway, or public IPs on the nodes',
      why: 'Kubernetes has no public address of its own: it routes the Pod\'s packet out of its node, and the cloud rewrites the source to a public IP the internet can answer. The echo host on the internet answers with the address it sees.',
      commands: [`kubectl exec client -- curl -s -m 3 http://${echo ?? 'ECHO-HOST'}`, 'cloud ip list'],
    },
  ];
}
