/**
 * kube-proxy's service health server: for every Service with a healthCheckNodePort (type
 * LoadBalancer, externalTrafficPolicy Local) it listens on that port of the node and answers any
 * GET with the number of ready endpoints on this node: 200 when there is at least one, 503 when
 * there is none, so the cloud's load balancer sends traffic only to nodes that can serve it locally.
 * Source: pkg/proxy/healthcheck/service_health.go (hcHandler.ServeHTTP: the headers, the JSON body
 * written with tabs and no final newline).
 */
import type { HostServer, HttpAnswer } from '../net/node-network';
import type { NodeHost } from './node-host';
import type { ServicePortInfo } from './kube-proxy-rules';

/** Opens, updates and closes the node's health check sockets to match the Services. */
export function syncHealthCheckServers(node: NodeHost, services: ServicePortInfo[]): void {
  const wanted = new Map<string, HostServer>();
  for (const svc of services) {
    if (!svc.healthCheckNodePort) continue;
    const local = new Set(svc.endpoints.filter((e) => e.nodeName === node.name && e.ready).map((e) => e.ip));
    const key = `TCP/${svc.healthCheckNodePort}`;
    const count = local.size;
    const namespace = svc.namespace;
    const name = svc.name;
    // Several ports of one Service share one health check port: the endpoints are counted once.
    wanted.set(key, { process: 'kube-proxy', http: () => healthAnswer(namespace, name, count, node.kubeProxy?.running ?? false) });
  }
  const own = `TCP/${proxyHealthzPort}`;
  for (const key of [...node.hostServers.keys()]) if (key !== own && node.hostServers.get(key)?.process === 'kube-proxy' && !wanted.has(key)) node.hostServers.delete(key);
  for (const [key, server] of wanted) node.hostServers.set(key, server);
}

/** The health server's answer; kube-proxy counts as healthy while it runs and syncs. */
export function healthAnswer(namespace: string, name: string, localEndpoints: number, proxyHealthy: boolean): HttpAnswer {
  const body = `{\n\t"service": {\n\t\t"namespace": ${JSON.stringify(namespace)},\n\t\t"name": ${JSON.stringify(name)}\n\t},\n\t"localEndpoints": ${localEndpoints},\n\t"serviceProxyHealthy": ${proxyHealthy}\n}`;
  const ok = localEndpoints !== 0 && proxyHealthy;
  return {
    status: ok ? 200 : 503,
    reason: ok ? 'OK' : 'Service Unavailable',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Content-Type-Options', 'nosniff'],
      ['X-Load-Balancing-Endpoint-Weight', String(localEndpoints)],
    ],
    body,
  };
}

/** kube-proxy's --healthz-bind-address port (KubeProxyConfiguration healthzBindAddress default 0.0.0.0:10256). */
export const proxyHealthzPort = 10256;

/**
 * kube-proxy's own health server on port 10256: `/healthz` answers 200 while kube-proxy runs and
 * has synced its rules recently, 503 otherwise. Cloud load balancers check it for Services with
 * externalTrafficPolicy Cluster (KEP-3836). Source: pkg/proxy/healthcheck/proxy_health.go (the
 * JSON with lastUpdated, currentTime and nodeEligible).
 */
export function proxyHealthServer(node: NodeHost, clock: { epochMs: number; now: number }): HostServer {
  return {
    process: 'kube-proxy',
    http: () => {
      const proxy = node.kubeProxy;
      const healthy = !!proxy?.running && node.running;
      const iso = (ms: number) => new Date(clock.epochMs + ms).toISOString();
      const last = proxy && Number.isFinite(proxy.lastSyncAt) ? iso(proxy.lastSyncAt) : iso(0);
      const body = `{"lastUpdated": "${last}","currentTime": "${iso(clock.now)}", "nodeEligible": true}`;
      return {
        status: healthy ? 200 : 503,
        reason: healthy ? 'OK' : 'Service Unavailable',
        headers: [['Content-Type', 'application/json'], ['X-Content-Type-Options', 'nosniff']],
        body,
      };
    },
  };
}
