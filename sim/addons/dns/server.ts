import type { HostEnvironment } from '../../node/programs';
import type { Pod } from '../../api/types';
import type { PodSandbox } from '../../net/node-network';
import type { Hop } from '../../net/packet';
import { splitKey } from '../../core/store';
import { isCoreDnsImage } from '../coredns';
import { answerFromStore } from './coredns-kubernetes';
import type { DnsQuestion, DnsResponse } from './message';

/** How one query to one name server ended. */
export interface DnsExchange {
  /**
   * answered; refused (ICMP port unreachable, e.g. a Service with no endpoints); unreachable (ICMP
   * host unreachable: no Pod has the address); timeout (no reply).
   */
  outcome: 'answered' | 'refused' | 'unreachable' | 'timeout';
  response?: DnsResponse;
  /** The Pod that answered. */
  server?: PodSandbox;
  trace: Hop[];
}

/**
 * Sends one DNS query as a UDP datagram from `fromIP` to `serverIP:53` through the data plane (so
 * kube-proxy's rules pick the CoreDNS Pod, and NetworkPolicy applies), and lets the Pod that
 * receives it answer. What a Pod does with a datagram depends on its image: CoreDNS answers from the
 * API objects; any other program listening on UDP/53 sends nothing back.
 */
export function exchangeDns(cluster: HostEnvironment, fromIP: string, serverIP: string, question: DnsQuestion): DnsExchange {
  const result = cluster.dataplane.connect({ fromIP, protocol: 'UDP', dstIP: serverIP, dstPort: 53 });
  if (result.outcome === 'refused' || result.outcome === 'unreachable') return { outcome: result.outcome, trace: result.trace };
  if (result.outcome !== 'established' || !result.server) return { outcome: 'timeout', trace: result.trace };
  const server = result.server;
  const { namespace, name } = splitKey(server.podKey);
  const pod = cluster.store.get<Pod>('Pod', namespace, name);
  const answers = pod?.spec.containers.some(
    (c) => isCoreDnsImage(c.image) && c.ports?.some((p) => p.containerPort === 53 && p.protocol === 'UDP'),
  );
  if (!answers) return { outcome: 'timeout', server, trace: result.trace };
  return { outcome: 'answered', response: answerFromStore(cluster.store, cluster.config.clusterDomain, question), server, trace: result.trace };
}
