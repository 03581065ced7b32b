import { Cluster, type ClusterOptions } from '../../../sim/cluster';
import type { Namespace, NetworkPolicy, Pod } from '../../../sim/api/types';

/**
 * The upstream e2e "netpol" model (kubernetes/kubernetes test/e2e/network/netpol/model.go):
 * namespaces x, y, z labelled `ns: <name>` (and `kubernetes.io/metadata.name`), each with Pods a, b,
 * c labelled `pod: <name>`; each Pod has one container per served port, `cont-80-tcp` declaring the
 * port `serve-80-tcp`, and so on. Here the ports are TCP 80 and 81.
 */
export const namespaces = ['x', 'y', 'z'] as const;
export const podNames = ['a', 'b', 'c'] as const;
export const ports = [80, 81] as const;

/** `x/a`, as the upstream tests name a Pod. */
export type PodString = `${(typeof namespaces)[number]}/${(typeof podNames)[number]}`;
export const allPods: PodString[] = namespaces.flatMap((ns) => podNames.map((p) => `${ns}/${p}` as PodString));

export function namespaceObject(name: string): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ns: name, 'kubernetes.io/metadata.name': name } },
  };
}

export function podObject(ns: string, name: string, nodeName: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { pod: name } },
    spec: {
      nodeName,
      terminationGracePeriodSeconds: 0,
      containers: ports.map((port) => ({
        name: `cont-${port}-tcp`,
        // The image and version of test/utils/image/manifest.go (Agnhost).
        image: 'registry.k8s.io/e2e-test-images/agnhost:2.52',
        command: ['/agnhost', 'serve-hostname', '--tcp', '--http=false', '--port', String(port)],
        ports: [{ name: `serve-${port}-tcp`, containerPort: port, protocol: 'TCP' as const }],
      })),
    },
  };
}

/** A NetworkPolicy object, as the tests write them. */
export function policy(namespace: string, name: string, spec: NetworkPolicy['spec']): NetworkPolicy {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

/** The model running in a cluster: Pods spread over the nodes, each with its IP. */
export interface NetpolModel {
  cluster: Cluster;
  pod(p: PodString): Pod;
  ip(p: PodString): string;
  /** Creates policies and lets the cluster reconcile. */
  apply(...policies: NetworkPolicy[]): void;
}

/** Builds the x, y, z × a, b, c model in a new cluster and waits until every Pod runs with an IP. */
export function buildModel(opts: ClusterOptions = {}): NetpolModel {
  const cluster = new Cluster(opts);
  const nodes = [...cluster.nodes.values()];
  for (const ns of namespaces) cluster.store.create(namespaceObject(ns));
  allPods.forEach((p, i) => {
    const [ns, name] = p.split('/');
    cluster.store.create(podObject(ns, name, nodes[i % nodes.length].name));
  });
  // The kubelets start the Pods: sandboxes, IPs from each node's IPAM, servers listening.
  cluster.advance(60_000);
  const pod = (p: PodString) => {
    const [ns, name] = p.split('/');
    return cluster.store.get<Pod>('Pod', ns, name)!;
  };
  const waiting = allPods.filter((p) => pod(p).status?.phase !== 'Running' || !pod(p).status?.podIP);
  if (waiting.length) throw new Error(`netpol model: Pods not running with an IP after 60 s: ${waiting.join(', ')}`);
  return {
    cluster,
    pod,
    ip: (p) => pod(p).status!.podIP!,
    apply: (...policies) => {
      for (const pol of policies) cluster.store.create(pol);
      cluster.settle();
    },
  };
}
