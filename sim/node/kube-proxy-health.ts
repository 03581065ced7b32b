/**
 * kube-proxy's service health server: for every Service with a healthCheckNodePort (type
 * LoadBalancer, externalTrafficPolicy Local) it listens on that port of the node and answers any
 * GET with the number of ready endpoints on this node: 200 when there is at least one, 503 when
 * there is none, so the cloud's load balancer sends traffic only to nodes that can serve it locally.
 * Source: pkg/proxy/healthcheck/service_health.go (hcHandler.ServeHTTP: the headers, the JSON body
 * written with tabs and no final newline).
 */
import type { Clock } from '../core/clock';
import type { HostServer, HttpAnswer } from '../net/node-network';
import type { NodeHost } from './node-host';
import type { ServicePortInfo } from './kube-proxy-rules';
import { goResponse } from './http-exchange';

/** Opens, updates and closes the node's health check sockets to match the Services. */
export function syncHealthCheckServers(node: NodeHost, services: ServicePortInfo[], clock: Clock): void {
  const wanted = new Map<string, HostServer>();
  for (const svc of services) {
    if (!svc.healthCheckNodePort) continue;
    const local = new Set(svc.endpoints.filter((e) => e.nodeName === node.name && e.ready).map((e) => e.ip));
    const key = `TCP/${svc.healthCheckNodePort}`;
    const count = local.size;
    const namespace = svc.namespace;
    const name = svc.name;
    // Several ports of one Service share one health check port: the endpoints are counted once.
    wanted.set(key, { process: 'kube-proxy', http: () => healthAnswer(clock, namespace, name, count, node.kubeProxy?.running ?? false) });
  }
  const own = [`TCP/${proxyHealthzPort}`, `TCP/${proxyMetricsPort}`];
  for (const key of [...node.hostServers.keys()]) if (!own.includes(key) && node.hostServers.get(key)?.process === 'kube-proxy' && !wanted.has(key)) node.hostServers.delete(key);
  for (const [key, server] of wanted) node.hostServers.set(key, server);
}

/** The health server's answer; kube-proxy counts as healthy while it runs and syncs. */
function healthAnswer(clock: Clock, namespace: string, name: string, localEndpoints: number, proxyHealthy: boolean): HttpAnswer {
  const body = `{\n\t"service": {\n\t\t"namespace": ${JSON.stringify(namespace)},\n\t\t"name": ${JSON.stringify(name)}\n\t},\n\t"localEndpoints": ${localEndpoints},\n\t"serviceProxyHealthy": ${proxyHealthy}\n}`;
  const ok = localEndpoints !== 0 && proxyHealthy;
  return goResponse({ clock }, body, ok ? 200 : 503, [...jsonHeaders, ['X-Load-Balancing-Endpoint-Weight', String(localEndpoints)]]);
}

/** What kube-proxy's JSON handlers set before they write. */
const jsonHeaders: [string, string][] = [['Content-Type', 'application/json'], ['X-Content-Type-Options', 'nosniff']];

/** kube-proxy's --healthz-bind-address port (KubeProxyConfiguration healthzBindAddress default 0.0.0.0:10256). */
export const proxyHealthzPort = 10256;

/**
 * kube-proxy's own health server on port 10256 (cloud load balancers check it for Services with
 * externalTrafficPolicy Cluster, KEP-3836). `/healthz` answers 200 while kube-proxy runs and has
 * synced in time, and the node is eligible (the simulator's nodes always are: none carries the
 * ToBeDeletedByClusterAutoscaler taint), 503 otherwise; `/livez` the same without the node's
 * eligibility. Healthy, `lastUpdated` is the current time, as upstream keeps it for compatibility;
 * unhealthy, it is the last sync. Times print as Go's `%q` of a time.Time: its String(), with the
 * monotonic reading (seconds since the process started). Other paths get Go's ServeMux 404.
 * Source: pkg/proxy/healthcheck/proxy_health.go (healthzHandler, livezHandler).
 */
export function proxyHealthServer(node: NodeHost, clock: Clock): HostServer {
  return {
    process: 'kube-proxy',
    http: (path) => {
      if (path !== '/healthz' && path !== '/livez') return goNotFound(clock);
      const proxy = node.kubeProxy;
      const healthy = !!proxy?.running && node.running;
      const startedAt = proxy?.startedAt ?? 0;
      const now = goTime(clock.epochMs, clock.now, startedAt);
      const lastSync = proxy && Number.isFinite(proxy.lastSyncAt) ? goTime(clock.epochMs, proxy.lastSyncAt, startedAt) : '0001-01-01 00:00:00 +0000 UTC';
      const last = healthy ? now : lastSync;
      const body = path === '/healthz' ? `{"lastUpdated": "${last}","currentTime": "${now}", "nodeEligible": true}` : `{"lastUpdated": "${last}","currentTime": "${now}"}`;
      return goResponse({ clock }, body, healthy ? 200 : 503, jsonHeaders);
    },
  };
}

/** Go's Time.String() of a reading of the process's clock: `2026-01-01 00:00:17.25 +0000 UTC m=+17.250000000`. */
function goTime(epochMs: number, atMs: number, processStartMs: number): string {
  const iso = new Date(epochMs + atMs).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  const monotonic = ((atMs - processStartMs) / 1000).toFixed(9);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''} +0000 UTC m=+${monotonic}`;
}

/** Text as Go's http.Error writes it (http.NotFound too): its Content-Type and nosniff set first. */
function goText(clock: Clock, status: number, body: string): HttpAnswer {
  return goResponse({ clock }, body, status, [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']]);
}

const goNotFound = (clock: Clock) => goText(clock, 404, '404 page not found\n');

/** kube-proxy's --metrics-bind-address port (KubeProxyConfiguration metricsBindAddress default 127.0.0.1:10249). */
export const proxyMetricsPort = 10249;

/**
 * kube-proxy's metrics server, on the node's loopback only: `/proxyMode` answers the mode with no
 * newline (`iptables`: the one the simulator runs), `/healthz` answers `ok`; any other path gets Go's
 * `404 page not found` (its /metrics, /configz and /statusz are not modelled).
 * Source: cmd/kube-proxy/app/server.go (serveMetrics).
 */
export function proxyMetricsServer(clock: Clock): HostServer {
  return {
    process: 'kube-proxy',
    loopbackOnly: true,
    http: (path) => (path === '/proxyMode' ? goText(clock, 200, 'iptables') : path === '/healthz' ? goText(clock, 200, 'ok') : goNotFound(clock)),
  };
}
