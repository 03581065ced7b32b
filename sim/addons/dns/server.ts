import type { HostEnvironment } from '../../node/programs';
import type { PodSandbox } from '../../net/node-network';
import type { Hop } from '../../net/packet';
import type { DnsQuestion, DnsResponse } from './message';
import { plainClient, type DnsClient } from './wire';

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
  /** The query's transaction ID. */
  id: number;
  trace: Hop[];
}

/** One query as it reached a name server: what was asked, how, and from where (after any NAT). */
export interface DnsQuery {
  question: DnsQuestion;
  client: DnsClient;
  id: number;
  peer: { ip: string; port: number };
}

/** A program that answers DNS on a socket (CoreDNS: see coredns-program.ts). */
export interface DnsServer {
  answer(query: DnsQuery): DnsResponse;
}

declare module '../../node/main-programs' {
  interface Server {
    /** For a DNS server's UDP socket: how it answers a query that reached it. */
    dns?: DnsServer;
  }
}

/**
 * A transaction ID for a client that draws it at random (glibc's res_randomid, dig): derived
 * from the query's source port and name, which the data plane already chose, so looking a name up
 * draws no more random numbers than opening the socket does.
 */
function derivedId(sport: number, name: string): number {
  let h = sport;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return (h ^ (h >>> 16)) & 0xffff;
}

/**
 * Sends one DNS query as a UDP datagram from `fromIP` to `serverIP:53` through the data plane (so
 * kube-proxy's rules pick the CoreDNS Pod, and NetworkPolicy applies), and lets the program that
 * listens there answer. CoreDNS answers from the API objects; any other program listening on
 * UDP/53 sends nothing back. `id` is the client's transaction ID when it chooses one itself
 * (BusyBox's nslookup counts from the clock).
 */
export function exchangeDns(cluster: HostEnvironment, fromIP: string, serverIP: string, question: DnsQuestion, client: DnsClient = plainClient, id?: number): DnsExchange {
  const result = cluster.dataplane.connect({ fromIP, protocol: 'UDP', dstIP: serverIP, dstPort: 53 });
  const sent = result.trace[0]?.packet;
  const txid = id ?? derivedId(sent?.sport ?? 0, question.name);
  if (result.outcome === 'refused' || result.outcome === 'unreachable') return { outcome: result.outcome, id: txid, trace: result.trace };
  const server = result.server;
  const dns = server?.servers?.get('UDP/53')?.dns;
  if (result.outcome !== 'established' || !server || !dns) return { outcome: 'timeout', server, id: txid, trace: result.trace };
  const arrived = result.trace.at(-1)?.packet ?? sent;
  const response = dns.answer({ question, client, id: txid, peer: { ip: arrived?.src ?? fromIP, port: arrived?.sport ?? 0 } });
  return { outcome: 'answered', response, server, id: txid, trace: result.trace };
}
