/**
 * kube-proxy in iptables mode, one per node: the change tracking and the sync loop. It watches
 * Services and EndpointSlices only (never Pods): a change marks a sync as needed, and the sync
 * rebuilds the node's whole nat and filter tables with the pure `syncProxyRules`.
 *
 * The only label it reads is the EndpointSlice's `kubernetes.io/service-name`, which says which
 * Service the slice belongs to (as kube-proxy's EndpointSliceCache does). It never sees a Pod or a
 * Pod label.
 *
 * Timing follows kube-proxy's BoundedFrequencyRunner, a token bucket: up to `burstSyncs` (2) syncs
 * may run back to back, then one per `minSyncPeriod`; changes that arrive meanwhile wait and are
 * batched into one sync. minSyncPeriod is 1 s, KubeProxyConfiguration's default
 * (pkg/proxy/apis/config/v1alpha1/defaults.go); burstSyncs is 2 (pkg/proxy/iptables/proxier.go,
 * NewProxier; pkg/util/async/bounded_frequency_runner.go). Every `syncPeriod` (30 s, same source) a pending sync is retried. A stopped
 * machine runs no kube-proxy; when it boots, its tables are empty until kube-proxy's first sync.
 */
import type { ConfiguredContext } from '../cluster-config';
import type { EndpointSlice, Service } from '../api/types';
import type { Protocol } from '../net/packet';
import type { NodeHost } from './node-host';
import { DefaultClientIPServiceAffinitySeconds, LabelServiceName } from '../api/well-known';
import { containerStartMs, sandboxCreationMs } from './kubelet';
import { syncProxyRules, type EndpointInfo, type ProxierConfig, type ServicePortInfo } from './kube-proxy-rules';
import { proxyHealthServer, proxyHealthzPort, proxyMetricsPort, proxyMetricsServer, syncHealthCheckServers } from './kube-proxy-health';
import { isIPv4, parseCidr } from '../net/ip';
import { KubeProxyLog } from './kube-proxy-log';

/** KubeProxyConfiguration iptables.minSyncPeriod default. */
export const minSyncPeriodMs = 1000;
/** How many syncs may run back to back before minSyncPeriod spaces them (proxier.go burstSyncs). */
export const burstSyncs = 2;
/** KubeProxyConfiguration iptables.syncPeriod default. */
export const syncPeriodMs = 30_000;

declare module './node-host' {
  interface NodeHost {
    /** The node's kube-proxy, once components are installed. */
    kubeProxy?: KubeProxy;
  }
}

export class KubeProxy {
  /** False after `sim stop kube-proxy NODE`: the rules stay as they were, and go stale. */
  running = true;
  /** A change arrived that the node's rules do not reflect yet. */
  needsSync = true;
  /** Virtual ms of the last completed sync. */
  lastSyncAt = -Infinity;
  /** Virtual ms when the process last started: the base of Go's monotonic clock in its health answers. */
  startedAt: number;
  syncCount = 0;
  private timer?: number;
  /** The runner's token bucket: syncs it may start now, refilled at one per minSyncPeriod. */
  private tokens = burstSyncs;
  private tokensAt = 0;
  private readonly config: ProxierConfig;
  /** What the process writes to the node's journal (`journalctl -u kube-proxy`). */
  readonly log: KubeProxyLog;

  constructor(
    private readonly cluster: ConfiguredContext,
    readonly node: NodeHost,
  ) {
    // KubeProxyConfiguration defaults: masqueradeBit 14, iptables.localhostNodePorts true.
    this.config = { clusterCIDR: cluster.config.clusterCIDR, masqueradeBit: 14, nodeName: node.name, nodeIP: node.ip, localhostNodePorts: true };
    this.log = new KubeProxyLog(node, cluster.config, cluster.clock);
    this.startedAt = cluster.clock.now;
    this.log.started();
    node.hostServers.set(`TCP/${proxyHealthzPort}`, proxyHealthServer(node, cluster.clock));
    node.hostServers.set(`TCP/${proxyMetricsPort}`, proxyMetricsServer(cluster.clock));
    cluster.store.watch('Service', () => this.onChange());
    cluster.store.watch('EndpointSlice', () => this.onChange());
    const periodic = () => {
      if (this.needsSync && this.node.running) this.requestSync();
      cluster.clock.schedule(syncPeriodMs, periodic);
    };
    cluster.clock.schedule(syncPeriodMs, periodic);
    this.requestSync();
  }

  /** The change trackers' verdict: something changed, a sync is needed. */
  private onChange(): void {
    this.needsSync = true;
    if (this.running && this.node.running) this.requestSync();
  }

  /** Schedules a sync: at once while the bucket has a token, else when the next one refills. */
  private requestSync(): void {
    if (this.timer !== undefined) return;
    this.refillTokens();
    const wait = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * minSyncPeriodMs);
    this.timer = this.cluster.clock.schedule(wait, () => {
      this.timer = undefined;
      this.refillTokens();
      this.tokens -= 1;
      this.sync();
    });
  }

  private refillTokens(): void {
    const now = this.cluster.clock.now;
    this.tokens = Math.min(burstSyncs, this.tokens + (now - this.tokensAt) / minSyncPeriodMs);
    this.tokensAt = now;
  }

  /** Stops the agent: no more syncs; what is in the tables stays there. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    if (this.timer !== undefined) this.cluster.clock.cancel(this.timer);
    this.timer = undefined;
    this.log.stopped();
    this.cluster.log('kube-proxy', this.node.name, 'kube-proxy stopped: iptables rules are no longer updated');
  }

  /** Starts the agent again: it lists everything and does a full sync. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.needsSync = true;
    this.startedAt = this.cluster.clock.now;
    this.log.started();
    this.cluster.log('kube-proxy', this.node.name, 'kube-proxy started');
    this.requestSync();
  }

  /** The machine is switched off: the process is gone, and any sync it had planned with it. */
  powerOff(): void {
    if (this.timer !== undefined) this.cluster.clock.cancel(this.timer);
    this.timer = undefined;
  }

  /**
   * The machine booted with empty tables: kube-proxy, a DaemonSet Pod, starts again once the
   * kubelet has started it (sandbox, then container), and its first full sync writes every rule.
   */
  powerOn(): void {
    this.running = true;
    this.needsSync = true;
    this.timer = this.cluster.clock.schedule(sandboxCreationMs + containerStartMs, () => {
      this.timer = undefined;
      this.startedAt = this.cluster.clock.now;
      this.log.started();
      this.sync();
    });
  }

  private sync(): void {
    if (!this.running || !this.node.running) return;
    const services = serviceSnapshot(this.cluster);
    const tables = syncProxyRules(services, this.config);
    this.node.netfilter.restoreOwned(tables);
    syncHealthCheckServers(this.node, services, this.cluster.clock);
    this.log.synced(services, tables);
    this.needsSync = false;
    this.lastSyncAt = this.cluster.clock.now;
    this.syncCount++;
    const endpoints = services.reduce((n, s) => n + s.endpoints.length, 0);
    const rules = (t: typeof tables.nat) => [...t.chains.values()].reduce((n, ch) => n + ch.rules.length, 0);
    this.cluster.log(
      'kube-proxy',
      this.node.name,
      `Reloading service iptables data numServices=${services.length} numEndpoints=${endpoints} numFilterRules=${rules(tables.filter)} numNATChains=${tables.nat.chains.size} numNATRules=${rules(tables.nat)}`,
    );
  }
}

/**
 * kube-proxy's view of the cluster: every port of every Service that has a ClusterIP, with the
 * endpoints its EndpointSlices list for that port (matched by port name). Headless and
 * ExternalName Services have no rules.
 */
export function serviceSnapshot(cluster: ConfiguredContext): ServicePortInfo[] {
  const slicesByService = new Map<string, EndpointSlice[]>();
  for (const slice of cluster.store.list<EndpointSlice>('EndpointSlice')) {
    const svc = slice.metadata.labels?.[LabelServiceName];
    if (!svc || slice.addressType !== 'IPv4') continue;
    const key = `${slice.metadata.namespace}/${svc}`;
    slicesByService.set(key, [...(slicesByService.get(key) ?? []), slice]);
  }
  const out: ServicePortInfo[] = [];
  for (const svc of cluster.store.list<Service>('Service')) {
    const ip = svc.spec.clusterIP;
    if (!ip || ip === 'None' || svc.spec.type === 'ExternalName') continue;
    const ns = svc.metadata.namespace ?? 'default';
    const slices = slicesByService.get(`${ns}/${svc.metadata.name}`) ?? [];
    for (const port of svc.spec.ports ?? []) {
      const protocol = port.protocol ?? 'TCP';
      if (protocol === 'SCTP') continue;
      out.push({
        namespace: ns,
        name: svc.metadata.name,
        portName: port.name,
        protocol: protocol as Protocol,
        clusterIP: ip,
        port: port.port,
        nodePort: svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer' ? port.nodePort : undefined,
        stickySeconds: svc.spec.sessionAffinity === 'ClientIP' ? (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DefaultClientIPServiceAffinitySeconds) : undefined,
        externalIPs: (svc.spec.externalIPs ?? []).filter(isIPv4),
        loadBalancerIPs: (svc.status?.loadBalancer?.ingress ?? []).filter((i) => i.ip && isIPv4(i.ip) && i.ipMode !== 'Proxy').map((i) => i.ip!),
        // Extra whitespace around a block is tolerated, as kube-proxy does; an invalid block is ignored.
        loadBalancerSourceRanges: svc.spec.type === 'LoadBalancer' ? (svc.spec.loadBalancerSourceRanges ?? []).map((r) => r.trim()).filter(validCidr) : [],
        externalPolicyLocal: svc.spec.externalTrafficPolicy === 'Local' && externallyAccessible(svc),
        internalPolicyLocal: svc.spec.internalTrafficPolicy === 'Local',
        healthCheckNodePort: svc.spec.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local' ? svc.spec.healthCheckNodePort : undefined,
        endpoints: endpointsFor(slices, port.name ?? '', protocol),
      });
    }
  }
  return out;
}

/**
 * The endpoints of one service port across its slices, deduplicated by address. Conditions follow
 * the EndpointSlice API's rules for unset fields: ready unset means ready; serving unset means the
 * value of ready; terminating unset means false.
 */
function endpointsFor(slices: EndpointSlice[], portName: string, protocol: string): EndpointInfo[] {
  const seen = new Map<string, EndpointInfo>();
  for (const slice of slices) {
    const port = slice.ports?.find((p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === protocol);
    if (!port?.port) continue;
    for (const ep of slice.endpoints ?? []) {
      const ready = ep.conditions?.ready ?? true;
      for (const ip of ep.addresses.slice(0, 1)) {
        const key = `${ip}:${port.port}`;
        if (seen.has(key)) continue;
        seen.set(key, { ip, port: port.port, ready, serving: ep.conditions?.serving ?? ready, terminating: ep.conditions?.terminating ?? false, nodeName: ep.nodeName });
      }
    }
  }
  return [...seen.values()];
}

/** Does the Service take traffic from outside the cluster (apiservice.ExternallyAccessible)? */
function externallyAccessible(svc: Service): boolean {
  const type = svc.spec.type;
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (svc.spec.externalIPs?.length ?? 0) > 0);
}

function validCidr(cidr: string): boolean {
  try {
    parseCidr(cidr);
    return isIPv4(cidr.split('/')[0]);
  } catch {
    return false;
  }
}
