/**
 * What BalanceChart draws: which endpoint served each request, counted from the data plane's own
 * events (a new connection's server, or the server of an established connection a request was
 * sent on), for the events a command produced.
 */
import type { DataplaneEvent } from '../../sim/net/dataplane';

export interface BalanceBar {
  pod: string;
  requests: number;
  /** Distinct connections that carried them. */
  connections: number;
}

export interface BalanceCount {
  requests: number;
  connections: number;
  bars: BalanceBar[];
}

/** Counts TCP requests to `port` per serving Pod; `pods` fixes the bars' order (Pods with 0 included). */
export function countServed(events: readonly DataplaneEvent[], pods: readonly string[], port?: number): BalanceCount {
  const bars = new Map<string, { requests: number; connections: Set<unknown> }>(pods.map((p) => [p, { requests: 0, connections: new Set() }]));
  let requests = 0;
  const connections = new Set<unknown>();
  for (const e of events) {
    const result = e.result;
    if (result.outcome !== 'established' || !result.server) continue;
    const connection = e.kind === 'connect' ? e.result.connection : e.connection;
    if (!connection || connection.packet.protocol !== 'TCP') continue;
    if (port !== undefined && connection.packet.dport !== port) continue;
    const bar = bars.get(result.server.podName) ?? { requests: 0, connections: new Set() };
    bar.requests++;
    bar.connections.add(connection);
    bars.set(result.server.podName, bar);
    requests++;
    connections.add(connection);
  }
  return { requests, connections: connections.size, bars: [...bars].map(([pod, b]) => ({ pod, requests: b.requests, connections: b.connections.size })) };
}
