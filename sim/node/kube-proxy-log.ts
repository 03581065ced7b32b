import type { ClusterConfig } from '../cluster-config';
import type { Table } from '../net/netfilter';
import type { NodeHost } from './node-host';
import type { ServicePortInfo } from './kube-proxy-rules';
import { UnitJournal } from './unit-journal';
import { bootServices, pidOf } from './host-processes';
import { goDurationMs, type KlogValue } from './klog';

/**
 * What kube-proxy writes to its node's journal (it runs there as the systemd unit
 * kube-proxy.service, `--v=4`), and what systemd writes when the unit stops and starts. A subset
 * of kube-proxy's real lines: how it starts (the iptables mode), each Service port it adds or
 * removes (V(4)), each port's endpoints when they change (V(3)), and each sync (V(2)).
 * Sources: pkg/proxy/iptables/proxier.go (syncProxyRules), pkg/proxy/servicechangetracker.go
 * (merge, unmerge), pkg/proxy/endpointslicecache.go, cmd/kube-proxy/app/server.go and
 * server_linux.go; file:line positions as a kube-proxy v1.31/v1.33 prints them.
 */
export const kubeProxyVerbosity = 4;
export const kubeProxyUnit = 'kube-proxy.service';
/** kube-proxy forces a full sync at least this often (proxyutil.FullSyncPeriod). */
const fullSyncPeriodMs = 3_600_000;

export class KubeProxyLog {
  private readonly journal: UnitJournal;
  /** The machine's boot of the last start: the first start of a boot gets the boot-time PID. */
  private bootOfLastStart = -1;
  /** Virtual ms when the running process started. */
  startedAt = 0;
  private starts = 0;
  private lastFullSyncAt = -Infinity;
  /** What the last sync saw: each service port's `clusterIP:port/PROTO` and its endpoints. */
  private seen = new Map<string, { servicePort: string; endpoints: string }>();

  constructor(
    private readonly node: NodeHost,
    private readonly config: ClusterConfig,
    private readonly clock: { readonly epochMs: number; readonly now: number },
  ) {
    this.journal = new UnitJournal(node, clock, kubeProxyUnit, 'Kubernetes Kube Proxy', 'kube-proxy');
  }

  /** The running process' PID (0 while it does not run). */
  get processId(): number {
    return this.journal.pid;
  }

  /** The process starts (at boot, or again): systemd says so, then kube-proxy's startup lines. */
  started(): void {
    this.starts++;
    this.startedAt = this.clock.now;
    const boot = this.node.boot ?? 0;
    this.journal.pid = pidOf(this.node, `kube-proxy#${this.starts}`, boot !== this.bootOfLastStart ? bootServices['kube-proxy'] : undefined);
    this.bootOfLastStart = boot;
    this.seen.clear();
    this.lastFullSyncAt = -Infinity;
    this.journal.started();
    const j = this.journal;
    j.info('server_linux.go:66', 'Using iptables proxy');
    j.info('server.go:677', 'Successfully retrieved node IP(s)', [['IPs', [this.node.ip]]]);
    j.info('server_linux.go:169', 'Using iptables Proxier');
    j.info(
      'proxier.go:255',
      'Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses',
      [['ipFamily', 'IPv4']],
    );
    j.info('server.go:483', 'Version info', [['version', this.config.kubernetesVersion]]);
    j.info('config.go:199', 'Starting service config controller');
    j.info('config.go:105', 'Starting endpoint slice config controller');
    j.infof('shared_informer.go:320', 'Caches are synced for service config');
    j.infof('shared_informer.go:320', 'Caches are synced for endpoint slice config');
  }

  /** `systemctl stop`: systemd stops the unit; the process ends. */
  stopped(): void {
    this.journal.stopped();
  }

  /** One sync: the ports added and removed, changed endpoints, then the sync's own lines. */
  synced(services: ServicePortInfo[], tables: { nat: Table; filter: Table }): void {
    const line = (where: string, message: string, values: [string, KlogValue][]) => this.journal.info(where, message, values);
    const now = new Map(services.map((s) => [portName(s), { servicePort: `${s.clusterIP}:${s.port}/${s.protocol}`, endpoints: s.endpoints.map((e) => `${e.ip}:${e.port}`).join(' ') }]));
    for (const [name, info] of now) {
      const before = this.seen.get(name);
      if (!before) line('servicechangetracker.go:196', 'Adding new service port', [['portName', name], ['servicePort', info.servicePort]]);
      else if (before.servicePort !== info.servicePort) line('servicechangetracker.go:198', 'Updating existing service port', [['portName', name], ['servicePort', info.servicePort]]);
    }
    for (const name of this.seen.keys()) if (!now.has(name)) line('servicechangetracker.go:231', 'Removing service port', [['portName', name]]);
    for (const [name, info] of now) {
      if ((this.seen.get(name)?.endpoints ?? '') !== info.endpoints && info.endpoints) {
        line('endpointslicecache.go:348', 'Setting endpoints for service port name', [['portName', name], ['endpoints', info.endpoints.split(' ')]]);
      }
    }
    this.seen = now;
    const full = this.clock.now - this.lastFullSyncAt >= fullSyncPeriodMs;
    if (full) this.lastFullSyncAt = this.clock.now;
    const count = (t: Table) => [...t.chains.values()].reduce((sum, ch) => sum + ch.rules.length, 0);
    const rules = count(tables.nat) + count(tables.filter);
    const ipv4: [string, KlogValue] = ['ipFamily', 'IPv4'];
    line('proxier.go:828', 'Syncing iptables rules', [ipv4, ['fullSync', full]]);
    line('proxier.go:1547', 'Reloading service iptables data', [
      ipv4,
      ['numServices', services.length],
      ['numEndpoints', services.reduce((sum, s) => sum + s.endpoints.length, 0)],
      ['numFilterChains', tables.filter.chains.size],
      ['numFilterRules', count(tables.filter)],
      ['numNATChains', tables.nat.chains.size],
      ['numNATRules', count(tables.nat)],
    ]);
    // The elapsed time grows with the rules written (iptables-restore's work); a fixed model.
    line('proxier.go:822', 'SyncProxyRules complete', [ipv4, ['elapsed', goDurationMs(3.5 + rules * 0.041)]]);
  }
}

/** ServicePortName.String(): `namespace/name`, and `:port` when the port has a name. */
function portName(s: ServicePortInfo): string {
  return `${s.namespace}/${s.name}${s.portName ? `:${s.portName}` : ''}`;
}
