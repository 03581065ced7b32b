/**
 * What PacketTrace and ClusterMap draw of one connection: its first packet hop by hop, as the
 * engine's data plane walked it, and the reply walking back through each node's conntrack entry,
 * which undoes the rewrites the request met. Nothing is scripted: every address and rule comes
 * from the trace and the conntrack entries.
 */
import type { Hop, Packet } from '../../sim/net/packet';
import type { DataplaneEvent } from '../../sim/net/dataplane';

/** Where a step happens on the map. */
export type Place = { kind: 'pod'; name: string; node?: string } | { kind: 'node'; name: string } | { kind: 'element'; name: string } | { kind: 'wire' };

/** The elements that are a network between others, drawn as the wire: the VPC's router, Docker's network. */
const wires = new Set(['vpc', 'network']);

export interface TraceStep {
  /** The hop's place as the engine names it: `node-1 nat PREROUTING`. */
  where: string;
  place: Place;
  /** The packet as it leaves this step. */
  src: string;
  dst: string;
  action: Hop['action'];
  /** The rule that rewrote or decided, in iptables-save syntax. */
  rule?: string;
  /** Every rule matched here (the chains taken). */
  rules: string[];
  note?: string;
  /** What this step rewrote, `before → after`, if anything. */
  rewrote?: { field: 'source' | 'destination'; before: string; after: string };
  direction: 'request' | 'reply';
}

export interface ConnectionTrace {
  /** `TCP 10.244.1.3:40312 → 10.96.0.10:53`, as the client sent it. */
  summary: string;
  protocol: string;
  outcome: string;
  /** The Pod that accepted it. */
  server?: string;
  steps: TraceStep[];
}

const endpoint = (ip: string, port: number) => (port ? `${ip}:${port}` : ip);

function placeOf(hop: Hop): Place {
  const pod = /^(?:pod|container) (\S+)/.exec(hop.where);
  if (pod) return { kind: 'pod', name: pod[1], node: hop.node };
  if (hop.node) return { kind: 'node', name: hop.node };
  const element = hop.where.split(' ')[0];
  // Outside the nodes: a host on the internet, the internet, a gateway, a load balancer.
  return wires.has(element) ? { kind: 'wire' } : { kind: 'element', name: element };
}

/** The steps of a list of hops, each with what it rewrote compared with the step before. */
export function traceSteps(hops: readonly Hop[], direction: TraceStep['direction'], before?: Packet): TraceStep[] {
  let prev = before;
  return hops.map((hop) => {
    const p = hop.packet;
    let rewrote: TraceStep['rewrote'];
    if (prev && (prev.dst !== p.dst || prev.dport !== p.dport)) rewrote = { field: 'destination', before: endpoint(prev.dst, prev.dport), after: endpoint(p.dst, p.dport) };
    else if (prev && (prev.src !== p.src || prev.sport !== p.sport)) rewrote = { field: 'source', before: endpoint(prev.src, prev.sport), after: endpoint(p.src, p.sport) };
    prev = p;
    return { where: hop.where, place: placeOf(hop), src: endpoint(p.src, p.sport), dst: endpoint(p.dst, p.dport), action: hop.action, rule: hop.rule, rules: hop.rules ?? (hop.rule ? [hop.rule] : []), note: hop.note, rewrote, direction };
  });
}

/**
 * The reply of an established connection: the server answers the address it saw; at each node,
 * last first, the conntrack entry turns the reply tuple back into the original one.
 */
function replySteps(event: Extract<DataplaneEvent, { kind: 'connect' }>): TraceStep[] {
  const connection = event.result.connection;
  if (!connection) return [];
  const entries = [...connection.entries].reverse();
  if (!entries.length) return [];
  const hops: Hop[] = [];
  const first = entries[0].entry.reply;
  let p: Packet = { protocol: connection.packet.protocol, ...first };
  const server = event.result.server;
  // A server that is no Pod: a node's host process, or a host on the internet (the last hop delivered to it).
  const delivered = event.result.trace.at(-1);
  const answerer = server ? { where: `pod ${server.podName} eth0`, node: entries[0].node } : delivered?.action === 'deliver' ? { where: delivered.where, node: delivered.node } : { where: `${entries[0].node} host`, node: entries[0].node };
  hops.push({ ...answerer, packet: p, action: 'send', note: `the reply goes to ${endpoint(p.dst, p.dport)}, the address the server saw` });
  for (const { node, entry } of entries) {
    const o = entry.original;
    const next: Packet = { protocol: p.protocol, src: o.dst, sport: o.dport, dst: o.src, dport: o.sport };
    const changed = next.src !== p.src || next.sport !== p.sport || next.dst !== p.dst || next.dport !== p.dport;
    hops.push({ where: `${node} conntrack`, node, packet: next, action: 'conntrack', rule: changed ? entry.natRule : undefined, note: changed ? 'conntrack reverses the rewrite for the reply' : 'conntrack entry found: nothing to reverse' });
    p = next;
  }
  const client = event.result.trace[0];
  if (client) hops.push({ where: client.where, node: client.node, packet: p, action: 'deliver', note: `the client receives the reply from ${endpoint(p.src, p.sport)}, the address it sent to` });
  return traceSteps(hops, 'reply', hops[0].packet);
}

/** One connection's request and reply, from the data plane's event. */
export function connectionTrace(event: Extract<DataplaneEvent, { kind: 'connect' }>): ConnectionTrace {
  const first = event.result.trace[0]?.packet;
  return {
    summary: first ? `${first.protocol} ${endpoint(first.src, first.sport)} → ${endpoint(first.dst, first.dport)}` : '',
    protocol: event.request.protocol,
    outcome: event.result.outcome,
    server: event.result.server?.podName,
    steps: [...traceSteps(event.result.trace, 'request'), ...replySteps(event)],
  };
}
