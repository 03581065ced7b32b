/**
 * A reachability matrix, as the upstream NetworkPolicy e2e suite keeps it
 * (kubernetes/kubernetes test/e2e/network/netpol/reachability.go and truthtable.go): one row per
 * client Pod, one column per server Pod, each cell the fate of a real connection the data plane
 * carried from the row's Pod IP to the column's Pod IP. Nothing is computed from the policies: the
 * cells are what the packets met.
 */
import type { Cluster } from '../../sim/cluster';
import type { Pod, Service } from '../../sim/api/types';
import type { Outcome } from '../../sim/net/dataplane';
import type { Protocol } from '../../sim/net/packet';

/** One Pod of the matrix: `x/a`, as upstream names them. */
export interface MatrixPod {
  namespace: string;
  name: string;
}

/** Upstream's nine Pods, x, y, z × a, b, c (netpol/model.go): the matrix's rows and columns by default. */
export const upstreamPods: MatrixPod[] = ['x', 'y', 'z'].flatMap((namespace) => ['a', 'b', 'c'].map((name) => ({ namespace, name })));

/** A Service as a column beside the Pods, reached at its ClusterIP: `kube-system/kube-dns` on UDP 53. */
export interface MatrixService {
  /** The column's short heading: `DNS`. */
  label: string;
  namespace: string;
  name: string;
  port: number;
  protocol: Protocol;
}

export interface ReachabilityMatrix {
  /** `namespace/name` of each Pod, rows and columns in the same order. */
  pods: string[];
  port: number;
  /** `cells[from][to]`: how the connection ended; undefined when either Pod has no IP yet. */
  cells: (Outcome | undefined)[][];
  /** Extra columns: `namespace/name:port/protocol` of each Service. */
  services: string[];
  /** `serviceCells[from][i]`: each row Pod's connection to the i-th Service's ClusterIP. */
  serviceCells: (Outcome | undefined)[][];
}

/**
 * Opens one TCP connection from every Pod to every Pod on `port`, and one from every Pod to each
 * Service's ClusterIP (closing each established one at once), and records how each ended. Takes no virtual time; the connections leave conntrack
 * entries, as any client's would.
 */
export function probeReachability(cluster: Cluster, pods: MatrixPod[], port: number, services: MatrixService[] = []): ReachabilityMatrix {
  const ips = pods.map((p) => cluster.store.get<Pod>('Pod', p.namespace, p.name)?.status?.podIP);
  const clusterIPs = services.map((s) => cluster.store.get<Service>('Service', s.namespace, s.name)?.spec.clusterIP);
  const cells = ips.map((from) => ips.map((to) => probe(cluster, from, to, port, 'TCP')));
  const serviceCells = ips.map((from) => services.map((s, i) => probe(cluster, from, clusterIPs[i], s.port, s.protocol)));
  return {
    pods: pods.map((p) => `${p.namespace}/${p.name}`),
    port,
    cells,
    services: services.map((s) => `${s.namespace}/${s.name}:${s.port}/${s.protocol}`),
    serviceCells,
  };
}

function probe(cluster: Cluster, from: string | undefined, to: string | undefined, port: number, protocol: Protocol): Outcome | undefined {
  if (!from || !to) return undefined;
  try {
    const result = cluster.dataplane.connect({ fromIP: from, protocol, dstIP: to, dstPort: port });
    result.connection?.close();
    return result.outcome;
  } catch {
    // The Pod has an IP in the store but no network namespace on a node (yet, or any more).
    return undefined;
  }
}

/** `.` connected, `X` blocked, `?` not probed: truthtable.go's marks. */
export function mark(outcome: Outcome | undefined): '.' | 'X' | '?' {
  return outcome === undefined ? '?' : outcome === 'established' ? '.' : 'X';
}

/** The grid as upstream's PrettyPrint logs it: tab-separated, `-` in the corner. */
export function prettyPrint(m: ReachabilityMatrix): string {
  return [['-', ...m.pods].join('\t'), ...m.pods.map((from, i) => [from, ...m.cells[i].map(mark)].join('\t'))].join('\n');
}
