/**
 * kube-proxy's syncProxyRules as a pure function: from a snapshot of service ports and their
 * endpoints, the whole nat and filter tables of one node. Every full sync rebuilds everything, as
 * kube-proxy's iptables-restore of the KUBE-* chains does.
 *
 * Source: kubernetes/kubernetes pkg/proxy/iptables/proxier.go (syncProxyRules,
 * writeServiceToEndpointRules, iptablesJumpChains) and pkg/proxy/topology.go (CategorizeEndpoints).
 * Modelled: ClusterIP, NodePort, sessionAffinity ClientIP, the Cluster traffic policies, the
 * fallback to serving-terminating endpoints, large-cluster mode (no per-endpoint comments above
 * 1,000 endpoints). Not modelled: externalIPs, LoadBalancer VIPs and source ranges, Local traffic
 * policies (KUBE-SVL-*), topology hints.
 */
import type { Protocol } from '../net/packet';
import { emptyTable, rule, type Match, type Rule, type Table } from '../net/netfilter';
import { probability, serviceExternalChainName, servicePortEndpointChainName, servicePortName, servicePortPolicyClusterChain } from './kube-proxy-chains';

/** One endpoint of a service port, as kube-proxy's EndpointSlice cache holds it. */
export interface EndpointInfo {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
}

/** One port of one Service, with its endpoints: kube-proxy's ServicePort plus its EndpointsMap entry. */
export interface ServicePortInfo {
  namespace: string;
  name: string;
  /** The ServicePort's name; may be empty. */
  portName?: string;
  protocol: Protocol;
  clusterIP: string;
  port: number;
  nodePort?: number;
  /** sessionAffinity: ClientIP, with its timeoutSeconds (default 10800). */
  stickySeconds?: number;
  endpoints: EndpointInfo[];
}

export interface ProxierConfig {
  /** --cluster-cidr: traffic from outside it to a ClusterIP is masqueraded. */
  clusterCIDR: string;
  /** --iptables-masquerade-bit, default 14: the mark 0x4000. */
  masqueradeBit: number;
}

/** What syncProxyRules writes: the two tables kube-proxy owns chains in. */
export interface ProxyTables {
  nat: Table;
  filter: Table;
}

/** Above this many endpoints kube-proxy drops per-endpoint comments (largeClusterEndpointsThreshold). */
export const largeClusterEndpointsThreshold = 1000;

const c = (text: string): Match => ({ m: 'comment', text });
const jump = (chain: string) => ({ t: 'jump', chain }) as const;
const markMasq = jump('KUBE-MARK-MASQ');

/**
 * Usable endpoints for Cluster traffic policy: the ready ones; when none is ready, the serving
 * and terminating ones, so that connections are not dropped during a rollout (CategorizeEndpoints).
 */
export function clusterEndpoints(endpoints: EndpointInfo[]): EndpointInfo[] {
  const ready = endpoints.filter((e) => e.ready);
  return ready.length ? ready : endpoints.filter((e) => e.serving && e.terminating);
}

class TableBuilder {
  readonly table: Table;
  constructor(name: 'nat' | 'filter', userChains: string[]) {
    this.table = emptyTable(name);
    for (const n of userChains) this.chain(n);
  }
  chain(name: string): Rule[] {
    let ch = this.table.chains.get(name);
    if (!ch) this.table.chains.set(name, (ch = { name, rules: [] }));
    return ch.rules;
  }
  add(chain: string, r: Rule): void {
    this.chain(chain).push(r);
  }
}

/** Rebuilds the nat and filter tables from a snapshot. Pure: same snapshot, same tables. */
export function syncProxyRules(services: ServicePortInfo[], config: ProxierConfig): ProxyTables {
  const mark = 1 << config.masqueradeBit;
  const nat = new TableBuilder('nat', ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']);
  const filter = new TableBuilder('filter', ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL', 'KUBE-FIREWALL']);
  writeJumps(nat, filter);

  nat.add('KUBE-POSTROUTING', rule({ t: 'RETURN' }, { m: 'mark', value: mark, mask: mark, invert: true }));
  nat.add('KUBE-POSTROUTING', rule({ t: 'MARK', value: mark, mask: 0 }));
  nat.add('KUBE-POSTROUTING', rule({ t: 'MASQUERADE', randomFully: true }, c('kubernetes service traffic requiring SNAT')));
  nat.add('KUBE-MARK-MASQ', rule({ t: 'MARK', value: mark, mask: mark }));
  // kubelet's copy of the anti-martian rule (route_localnet is set for localhost NodePorts).
  filter.add(
    'KUBE-FIREWALL',
    rule({ t: 'DROP' }, { m: 'src', cidr: '127.0.0.0/8', invert: true }, { m: 'dst', cidr: '127.0.0.0/8' }, c('block incoming localnet connections'), { m: 'ctstate', states: ['RELATED', 'ESTABLISHED', 'DNAT'], invert: true }),
  );

  const sorted = [...services].sort((a, b) => cmp(portName(a), portName(b)));
  const total = sorted.reduce((n, s) => n + s.endpoints.length, 0);
  const large = total > largeClusterEndpointsThreshold;
  for (const svc of sorted) writeService(svc, nat, filter, config, large);

  nat.add('KUBE-SERVICES', rule(jump('KUBE-NODEPORTS'), c('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { m: 'addrtype', dir: 'dst', type: 'LOCAL' }));
  filter.add('KUBE-FORWARD', rule({ t: 'DROP' }, { m: 'ctstate', states: ['INVALID'] }));
  filter.add('KUBE-FORWARD', rule({ t: 'ACCEPT' }, c('kubernetes forwarding rules'), { m: 'mark', value: mark, mask: mark }));
  filter.add('KUBE-FORWARD', rule({ t: 'ACCEPT' }, c('kubernetes forwarding conntrack rule'), { m: 'ctstate', states: ['RELATED', 'ESTABLISHED'] }));
  return { nat: nat.table, filter: filter.table };
}

/**
 * The jumps from the built-in chains (iptablesJumpChains). kube-proxy prepends each one, so they
 * end up in reverse order of that list; kubelet's KUBE-FIREWALL jumps were there first and stay last.
 */
function writeJumps(nat: TableBuilder, filter: TableBuilder): void {
  const isNew: Match = { m: 'ctstate', states: ['NEW'] };
  const lbFirewall = c('kubernetes load balancer firewall');
  const portals = c('kubernetes service portals');
  const external = c('kubernetes externally-visible service portals');
  filter.add('INPUT', rule(jump('KUBE-PROXY-FIREWALL'), isNew, lbFirewall));
  filter.add('INPUT', rule(jump('KUBE-NODEPORTS'), c('kubernetes health check service ports')));
  filter.add('INPUT', rule(jump('KUBE-EXTERNAL-SERVICES'), isNew, external));
  filter.add('INPUT', rule(jump('KUBE-FIREWALL')));
  filter.add('FORWARD', rule(jump('KUBE-PROXY-FIREWALL'), isNew, lbFirewall));
  filter.add('FORWARD', rule(jump('KUBE-FORWARD'), c('kubernetes forwarding rules')));
  filter.add('FORWARD', rule(jump('KUBE-SERVICES'), isNew, portals));
  filter.add('FORWARD', rule(jump('KUBE-EXTERNAL-SERVICES'), isNew, external));
  filter.add('OUTPUT', rule(jump('KUBE-PROXY-FIREWALL'), isNew, lbFirewall));
  filter.add('OUTPUT', rule(jump('KUBE-SERVICES'), isNew, portals));
  filter.add('OUTPUT', rule(jump('KUBE-FIREWALL')));
  nat.add('PREROUTING', rule(jump('KUBE-SERVICES'), portals));
  nat.add('OUTPUT', rule(jump('KUBE-SERVICES'), portals));
  nat.add('POSTROUTING', rule(jump('KUBE-POSTROUTING'), c('kubernetes postrouting rules')));
}

function portName(s: ServicePortInfo): string {
  return servicePortName(s.namespace, s.name, s.portName);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function writeService(svc: ServicePortInfo, nat: TableBuilder, filter: TableBuilder, config: ProxierConfig, large: boolean): void {
  const name = portName(svc);
  const proto = svc.protocol;
  const svcChain = servicePortPolicyClusterChain(name, proto);
  const extChain = serviceExternalChainName(name, proto);
  const usable = clusterEndpoints(svc.endpoints).slice().sort((a, b) => cmp(`${a.ip}:${a.port}`, `${b.ip}:${b.port}`));
  const toClusterIP: Match[] = [{ m: 'port', protocol: proto, dport: svc.port }, { m: 'proto', protocol: proto }, { m: 'dst', cidr: svc.clusterIP }];
  const comment = (text: string): Match[] => (large ? [] : [c(text)]);

  if (!usable.length) {
    const noEndpoints = c(`${name} has no endpoints`);
    filter.add('KUBE-SERVICES', rule({ t: 'REJECT', with: 'icmp-port-unreachable' }, noEndpoints, ...toClusterIP));
    if (svc.nodePort) {
      filter.add(
        'KUBE-EXTERNAL-SERVICES',
        rule({ t: 'REJECT', with: 'icmp-port-unreachable' }, noEndpoints, { m: 'addrtype', dir: 'dst', type: 'LOCAL' }, { m: 'port', protocol: proto, dport: svc.nodePort }, { m: 'proto', protocol: proto }),
      );
    }
    return;
  }

  const clusterIPComment = c(`${name} cluster IP`);
  nat.add('KUBE-SERVICES', rule(jump(svcChain), clusterIPComment, ...toClusterIP));
  if (svc.nodePort) {
    nat.add('KUBE-NODEPORTS', rule(jump(extChain), c(name), { m: 'port', protocol: proto, dport: svc.nodePort }, { m: 'proto', protocol: proto }));
    nat.add(extChain, rule(markMasq, c(`masquerade traffic for ${name} external destinations`)));
    nat.add(extChain, rule(jump(svcChain)));
  }

  // Masquerade off-cluster traffic to the ClusterIP (the LocalTrafficDetector by cluster CIDR).
  nat.add(svcChain, rule(markMasq, clusterIPComment, ...toClusterIP, { m: 'src', cidr: config.clusterCIDR, invert: true }));
  const sepChains = usable.map((ep) => servicePortEndpointChainName(name, proto, `${ep.ip}:${ep.port}`));
  if (svc.stickySeconds !== undefined) {
    usable.forEach((ep, i) => {
      nat.add(svcChain, rule(jump(sepChains[i]), ...comment(`${name} -> ${ep.ip}:${ep.port}`), { m: 'recent', op: 'rcheck', name: sepChains[i], seconds: svc.stickySeconds, reap: true }));
    });
  }
  usable.forEach((ep, i) => {
    const stat: Match[] = i < usable.length - 1 ? [{ m: 'statistic', probability: probability(usable.length - i) }] : [];
    nat.add(svcChain, rule(jump(sepChains[i]), ...comment(`${name} -> ${ep.ip}:${ep.port}`), ...stat));
  });
  usable.forEach((ep, i) => {
    const sep = sepChains[i];
    nat.add(sep, rule(markMasq, ...comment(name), { m: 'src', cidr: ep.ip }));
    const affinity: Match[] = svc.stickySeconds !== undefined ? [{ m: 'recent', op: 'set', name: sep }] : [];
    nat.add(sep, rule({ t: 'DNAT', to: `${ep.ip}:${ep.port}` }, ...comment(name), ...affinity, { m: 'port', protocol: proto }, { m: 'proto', protocol: proto }));
  });
}
