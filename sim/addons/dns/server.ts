import type { HostEnvironment } from '../../node/programs';
import type { PodSandbox } from '../../net/node-network';
import type { Connection } from '../../net/dataplane';
import { vpcResolver } from '../../node/kubelet-pod-files';
import { isIPv4 } from '../../net/ip';
import { upstreamNxdomain } from './coredns-kubernetes';
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
    /** For a DNS server's sockets (UDP/53, TCP/53): how it answers a query that reached it. */
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
 * A client's socket to one name server (UDP, or TCP when the client asks so). The first query opens the flow through the data plane
 * (so kube-proxy's rules pick a CoreDNS Pod, and NetworkPolicy applies); later queries on the same
 * socket follow its conntrack entries to the same Pod, as BusyBox's nslookup sends its A and AAAA
 * queries for every search domain from one socket. The program that listens there answers:
 * CoreDNS from the API objects; any other program listening on UDP/53 sends nothing back.
 */
export class DnsSocket {
  private connection?: Connection;

  constructor(
    private readonly cluster: HostEnvironment,
    private readonly fromIP: string,
    private readonly serverIP: string,
  ) {}

  /** Sends one query and waits for its answer; `id` is the transaction ID when the client picks it itself (BusyBox counts from the clock). */
  exchange(question: DnsQuestion, client: DnsClient = plainClient, id?: number): DnsExchange {
    const { cluster } = this;
    // An IPv6 name server (dnsConfig allows one): this IPv4-only cluster has no route to it.
    if (!isIPv4(this.serverIP)) return { outcome: 'unreachable', id: id ?? derivedId(0, question.name), trace: [] };
    if (this.serverIP === vpcResolver(cluster.config)) {
      // The VPC's resolver lives outside the modelled network; it knows no cluster name.
      return { outcome: 'answered', response: upstreamNxdomain(cluster.clock.epochMs + cluster.clock.now), id: id ?? derivedId(0, question.name), trace: [] };
    }
    let trace: Hop[];
    let server: PodSandbox | undefined;
    if (!this.connection) {
      const result = cluster.dataplane.connect({ fromIP: this.fromIP, protocol: client.proto === 'tcp' ? 'TCP' : 'UDP', dstIP: this.serverIP, dstPort: 53 });
      const txid = id ?? derivedId(result.trace[0]?.packet.sport ?? 0, question.name);
      if (result.outcome === 'refused' || result.outcome === 'unreachable') return { outcome: result.outcome, id: txid, trace: result.trace };
      if (result.outcome !== 'established') return { outcome: 'timeout', id: txid, trace: result.trace };
      this.connection = result.connection;
      ({ trace, server } = result);
    } else {
      const result = this.connection.send();
      if (result.outcome !== 'established') {
        const outcome = result.outcome === 'refused' || result.outcome === 'unreachable' ? result.outcome : 'timeout';
        return { outcome, id: id ?? derivedId(this.connection.packet.sport, question.name), trace: result.trace };
      }
      ({ trace, server } = result);
    }
    const peer = this.connection?.peer;
    const txid = id ?? derivedId(this.connection?.packet.sport ?? 0, question.name);
    const dns = server?.servers?.get(`${client.proto.toUpperCase()}/53`)?.dns;
    if (!server || !dns) return { outcome: 'timeout', server, id: txid, trace };
    const response = dns.answer({ question, client, id: txid, peer: peer ?? { ip: this.fromIP, port: 0 } });
    if (client.proto === 'tcp') {
      // A TCP client closes its connection once it has the answer.
      this.connection?.close();
      this.connection = undefined;
    }
    return { outcome: 'answered', response, server, id: txid, trace };
  }
}

/** One query on a fresh socket: what glibc's resolver does for each name it tries. */
export function exchangeDns(cluster: HostEnvironment, fromIP: string, serverIP: string, question: DnsQuestion, client: DnsClient = plainClient): DnsExchange {
  return new DnsSocket(cluster, fromIP, serverIP).exchange(question, client);
}
