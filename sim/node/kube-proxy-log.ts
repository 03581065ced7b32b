import type { ClusterConfig } from '../cluster-config';
import type { Table } from '../net/netfilter';
import type { NodeHost } from './node-host';
import type { ServicePortInfo } from './kube-proxy-rules';
import { writeJournal } from './journal';
import { bootServices, pidOf } from './host-processes';
import { goDurationMs, klogF, klogS, type KlogValue } from './klog';

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
/** The unit's Description=, which systemd ≥ 249 prints after the unit's name. */
const unitDescription = 'Kubernetes Kube Proxy';
/** kube-proxy forces a full sync at least this often (proxyutil.FullSyncPeriod). */
const fullSyncPeriodMs = 3_600_000;

export class KubeProxyLog {
  private pid = 0;
  /** The machine's boot of the last start: the first start of a boot gets the boot-time PID. */
  private bootOfLastStart = -1;
  /** The virtual instant of the last line, and how many lines were written at it. */
  private lineAt = -1;
  private lineSeq = 0;
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
  ) {}

  /** The running process' PID (0 before it first started). */
  get processId(): number {
    return this.pid;
  }

  /** The process starts (at boot, or again): systemd says so, then kube-proxy's startup lines. */
  started(): void {
    this.starts++;
    this.startedAt = this.clock.now;
    const boot = this.node.boot ?? 0;
    this.pid = pidOf(this.node, `kube-proxy#${this.starts}`, boot !== this.bootOfLastStart ? bootServices['kube-proxy'] : undefined);
    this.bootOfLastStart = boot;
    this.seen.clear();
    this.lastFullSyncAt = -Infinity;
    this.systemd(`Started ${kubeProxyUnit} - ${unitDescription}.`);
    const lines: [string, string, [string, KlogValue][]][] = [
      ['server_linux.go:66', 'Using iptables proxy', []],
      ['server.go:677', 'Successfully retrieved node IP(s)', [['IPs', [this.node.ip]]]],
      ['server_linux.go:169', 'Using iptables Proxier', []],
      [
        'proxier.go:255',
        'Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses',
        [['ipFamily', 'IPv4']],
      ],
      ['server.go:483', 'Version info', [['version', this.config.kubernetesVersion]]],
      ['config.go:199', 'Starting service config controller', []],
      ['config.go:105', 'Starting endpoint slice config controller', []],
    ];
    for (const [where, message, values] of lines) this.klog(klogS('I', this.wallMs(), this.pid, where, message, values));
    this.klog(klogF('I', this.wallMs(), this.pid, 'shared_informer.go:320', 'Caches are synced for service config'));
    this.klog(klogF('I', this.wallMs(), this.pid, 'shared_informer.go:320', 'Caches are synced for endpoint slice config'));
  }

  /** `systemctl stop`: systemd stops the unit; the process ends. */
  stopped(): void {
    this.systemd(`Stopping ${kubeProxyUnit} - ${unitDescription}...`);
    this.systemd(`${kubeProxyUnit}: Deactivated successfully.`);
    this.systemd(`Stopped ${kubeProxyUnit} - ${unitDescription}.`);
    this.pid = 0;
  }

  /** One sync: the ports added and removed, changed endpoints, then the sync's own lines. */
  synced(services: ServicePortInfo[], tables: { nat: Table; filter: Table }): void {
    const line = (where: string, message: string, values: [string, KlogValue][]) => this.klog(klogS('I', this.wallMs(), this.pid, where, message, values));
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

  /** Wall-clock ms of the next line: lines written at one virtual instant are a few µs apart. */
  private wallMs(): number {
    if (this.clock.now !== this.lineAt) [this.lineAt, this.lineSeq] = [this.clock.now, 0];
    return this.clock.epochMs + this.clock.now + 0.012 + this.lineSeq++ * 0.031;
  }

  private klog(message: string): void {
    writeJournal(this.node, { at: this.clock.now, unit: kubeProxyUnit, identifier: 'kube-proxy', pid: this.pid, message });
  }

  private systemd(message: string): void {
    writeJournal(this.node, { at: this.clock.now, unit: kubeProxyUnit, identifier: 'systemd', pid: bootServices.systemd, message });
  }
}

/** ServicePortName.String(): `namespace/name`, and `:port` when the port has a name. */
function portName(s: ServicePortInfo): string {
  return `${s.namespace}/${s.name}${s.portName ? `:${s.portName}` : ''}`;
}
