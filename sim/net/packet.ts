/**
 * Packets and the trace of their walk through the network. The data plane sees only these fields:
 * addresses, ports, protocol. No label, no Service name, no Pod name travels with a packet.
 * An ICMP echo request (ping) has no ports: its sport and dport are 0.
 */
export type Protocol = 'TCP' | 'UDP' | 'ICMP';

export interface Packet {
  protocol: Protocol;
  src: string;
  sport: number;
  dst: string;
  dport: number;
}

/** One step of a packet's walk, with the packet as it leaves that step. */
export interface Hop {
  /** Where the packet is: `pod client-abc eth0`, `node-1 nat PREROUTING`, `vpc`, … */
  where: string;
  /** The node the hop happens on, if any. */
  node?: string;
  packet: Packet;
  /** What happened here. */
  action: 'send' | 'route' | 'DNAT' | 'SNAT' | 'MASQUERADE' | 'ACCEPT' | 'DROP' | 'REJECT' | 'deliver' | 'conntrack';
  /** The rule that touched the packet, in iptables-save syntax, when a rule did. */
  rule?: string;
  /** Every rule that matched at this hop, in order, in iptables-save syntax (the chains it took). */
  rules?: string[];
  /** A sentence for readers, e.g. "conntrack entry found: reply to 10.244.1.5:8080". */
  note?: string;
}

export function formatEndpoint(ip: string, port: number): string {
  return `${ip}:${port}`;
}
