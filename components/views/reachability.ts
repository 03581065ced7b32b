/**
 * A reachability matrix, as the upstream NetworkPolicy e2e suite keeps it
 * (kubernetes/kubernetes test/e2e/network/netpol/reachability.go and truthtable.go): one row per
 * client Pod, one column per server Pod, each cell the fate of a real connection the data plane
 * carried from the row's Pod IP to the column's Pod IP. Nothing is computed from the policies: the
 * cells are what the packets met.
 */
import type { Cluster } from '../../sim/cluster';
import type { Pod } from '../../sim/api/types';
import type { Outcome } from '../../sim/net/dataplane';

/** One Pod of the matrix: `x/a`, as upstream names them. */
export interface MatrixPod {
  namespace: string;
  name: string;
}

export interface ReachabilityMatrix {
  /** `namespace/name` of each Pod, rows and columns in the same order. */
  pods: string[];
  port: number;
  /** `cells[from][to]`: how the connection ended; undefined when either Pod has no IP yet. */
  cells: (Outcome | undefined)[][];
}

/**
 * Opens one TCP connection from every Pod to every Pod on `port` (closing each established one at
 * once) and records how each ended. Takes no virtual time; the connections leave conntrack
 * entries, as any client's would.
 */
export function probeReachability(cluster: Cluster, pods: MatrixPod[], port: number): ReachabilityMatrix {
  const ips = pods.map((p) => cluster.store.get<Pod>('Pod', p.namespace, p.name)?.status?.podIP);
  const cells = ips.map((from) =>
    ips.map((to) => {
      if (!from || !to) return undefined;
      try {
        const result = cluster.dataplane.connect({ fromIP: from, protocol: 'TCP', dstIP: to, dstPort: port });
        result.connection?.close();
        return result.outcome;
      } catch {
        // The Pod has an IP in the store but no network namespace on a node (yet, or any more).
        return undefined;
      }
    }),
  );
  return { pods: pods.map((p) => `${p.namespace}/${p.name}`), port, cells };
}

/** `.` connected, `X` blocked, `?` not probed: truthtable.go's marks. */
export function mark(outcome: Outcome | undefined): '.' | 'X' | '?' {
  return outcome === undefined ? '?' : outcome === 'established' ? '.' : 'X';
}

/** The grid as upstream's PrettyPrint logs it: tab-separated, `-` in the corner. */
export function prettyPrint(m: ReachabilityMatrix): string {
  return [['-', ...m.pods].join('\t'), ...m.pods.map((from, i) => [from, ...m.cells[i].map(mark)].join('\t'))].join('\n');
}
