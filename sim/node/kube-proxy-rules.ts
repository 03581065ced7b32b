/**
 * kube-proxy's syncProxyRules as a pure function: from a snapshot of service ports and their
 * endpoints, the whole nat and filter tables of one node. Every full sync rebuilds everything, as
 * kube-proxy's iptables-restore of the KUBE-* chains does.
 *
 * Source: kubernetes/kubernetes pkg/proxy/iptables/proxier.go (syncProxyRules,
 * writeServiceToEndpointRules, iptablesJumpChains) and pkg/proxy/topology.go (CategorizeEndpoints).
 * Modelled: ClusterIP, NodePort (with localhost NodePorts and the nfacct counters), externalIPs,
 * load-balancer ingress IPs and loadBalancerSourceRanges (KUBE-FW-*, KUBE-PROXY-FIREWALL), the
 * Cluster and Local traffic policies (KUBE-SVC-*, KUBE-SVL-*, KUBE-EXT-*), healthCheckNodePorts,
 * sessionAffinity ClientIP, the fallback to serving-terminating endpoints, large-cluster mode (no
 * per-endpoint comments above 1,000 endpoints). Not modelled: topology hints, masqueradeAll,
 * --nodeport-addresses (NodePorts open on every local address).
 */
import type { Protocol } from '../net/packet';
import { emptyTable, rule, type Match, type Rule, type Table, type Target } from '../net/netfilter';
import { cidrContains } from '../net/ip';
import { probability, servicePortChains, servicePortEndpointChainName, servicePortName } from './kube-proxy-chains';

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
  /** spec.externalIPs. */
  externalIPs: string[];
  /** status.loadBalancer.ingress IPs (not those with ipMode Proxy). */
  loadBalancerIPs: string[];
  /** spec.loadBalancerSourceRanges, as valid CIDRs. */
  loadBalancerSourceRanges: string[];
  /** externalTrafficPolicy Local on an externally accessible Service. */
  externalPolicyLocal: boolean;
  /** internalTrafficPolicy Local. */
  internalPolicyLocal: boolean;
  /** spec.healthCheckNodePort (type LoadBalancer, externalTrafficPolicy Local). */
  healthCheckNodePort?: number;
  endpoints: EndpointInfo[];
}

export interface ProxierConfig {
  /** --cluster-cidr: traffic from outside it to a ClusterIP is masqueraded. */
  clusterCIDR: string;
  /** The node kube-proxy runs on: its endpoints are the Local ones. */
  nodeName: string;
  /** The node's IP: a loadBalancerSourceRanges block that holds it lets the node through. */
  nodeIP?: string;
  /** iptables.localhostNodePorts (default true): NodePorts answer on 127.0.0.1 too (route_localnet). */
  localhostNodePorts: boolean;
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

/** The nfacct counters kube-proxy's rules count in (pkg/proxy/metrics: LocalhostNodePortAcceptedNFAcctCounter, IPTablesCTStateInvalidDroppedNFAcctCounter). */
export const localhostNodePortsAcceptedCounter = 'localhost_nps_accepted_pkts';
export const ctStateInvalidDroppedCounter = 'ct_state_invalid_dropped_pkts';

const c = (text: string): Match => ({ m: 'comment', text });
const reject: Target = { t: 'REJECT', with: 'icmp-port-unreachable' };
const jump = (chain: string) => ({ t: 'jump', chain }) as const;
const markMasq = jump('KUBE-MARK-MASQ');
const drop: Target = { t: 'DROP' };

/**
 * Matches that depend on the protocol alone, made once: a full sync writes tens of thousands of
 * rules, and rules are never changed once written, so they may share their parts, even whole lists
 * of matches: `dnat` is that of a KUBE-SEP chain's DNAT rule when it has no comment and no affinity
 * (large-cluster mode), thousands of times the same.
 */
interface ProtocolMatches {
  proto: Match;
  port: Match;
  dnat: Match[];
}
const protocolMatches = new Map<Protocol, ProtocolMatches>();
function byProtocol(protocol: Protocol): ProtocolMatches {
  let m = protocolMatches.get(protocol);
  if (!m) {
    const proto: Match = { m: 'proto', protocol };
    const port: Match = { m: 'port', protocol };
    protocolMatches.set(protocol, (m = { proto, port, dnat: [port, proto] }));
  }
  return m;
}

/** The statistic match of the rule for the first of n endpoints left, alone in its list in large-cluster mode; made once per n. */
const statistics: { match: Match; alone: Match[] }[] = [];
function statistic(n: number): { match: Match; alone: Match[] } {
  if (!statistics[n]) {
    const match: Match = { m: 'statistic', probability: probability(n) };
    statistics[n] = { match, alone: [match] };
  }
  return statistics[n];
}

/** `! -s CLUSTER-CIDR`, on every Service's masquerade rule: made once per cluster CIDR. */
const offClusterMatches = new Map<string, Match>();
function offCluster(clusterCIDR: string): Match {
  let m = offClusterMatches.get(clusterCIDR);
  if (!m) offClusterMatches.set(clusterCIDR, (m = { m: 'src', cidr: clusterCIDR, invert: true }));
  return m;
}

/**
 * Usable endpoints for Cluster traffic policy: the ready ones; when none is ready, the serving
 * and terminating ones, so that connections are not dropped during a rollout (CategorizeEndpoints).
 */
function clusterEndpoints(endpoints: ProxyEndpoint[]): ProxyEndpoint[] {
  const ready = endpoints.filter((e) => e.ep.ready);
  return ready.length ? ready : endpoints.filter((e) => e.ep.serving && e.ep.terminating);
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
  /**
   * Adds a chain's rules at once. A new chain takes the array as it is: the tables are kept, and an
   * array grown by push keeps room for 17 rules, most of it unused in the thousands of KUBE-SEP chains.
   */
  addAll(chain: string, rules: Rule[]): void {
    const ch = this.table.chains.get(chain);
    if (ch) ch.rules.push(...rules);
    else this.table.chains.set(chain, { name: chain, rules });
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

  // By service port name, each name made once.
  const sorted = services.map((svc) => ({ svc, name: portName(svc) })).sort((a, b) => cmp(a.name, b.name));
  const total = services.reduce((n, s) => n + s.endpoints.length, 0);
  const large = total > largeClusterEndpointsThreshold;
  for (const { svc, name } of sorted) writeService(svc, name, nat, filter, config, large);

  nat.add('KUBE-SERVICES', rule(jump('KUBE-NODEPORTS'), c('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { m: 'addrtype', dir: 'dst', type: 'LOCAL' }));
  filter.add('KUBE-FORWARD', rule({ t: 'DROP' }, { m: 'ctstate', states: ['INVALID'] }, { m: 'nfacct', name: ctStateInvalidDroppedCounter }));
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

function writeService(svc: ServicePortInfo, name: string, nat: TableBuilder, filter: TableBuilder, config: ProxierConfig, large: boolean): void {
  const proto = svc.protocol;
  const { clusterPolicy: clusterPolicyChain, localPolicy: localPolicyChain, external: externalChain, firewall: fwChain } = servicePortChains(name, proto);
  const { clusterEndpoints: clusterEps, localEndpoints: localEps, reachable, hasEndpoints } = categorizeEndpoints(svc, name, config.nodeName);
  const externallyAccessible = isExternallyAccessible(svc);
  const usesClusterPolicyChain = clusterEps.length > 0 && usesClusterEndpoints(svc);
  const usesLocalPolicyChain = localEps.length > 0 && usesLocalEndpoints(svc);

  const internalChain = svc.internalPolicyLocal ? localPolicyChain : clusterPolicyChain;
  const hasInternalEndpoints = hasEndpoints && (!svc.internalPolicyLocal || localEps.length > 0);
  const externalPolicyChain = svc.externalPolicyLocal ? localPolicyChain : clusterPolicyChain;
  const hasExternalEndpoints = hasEndpoints && (!svc.externalPolicyLocal || localEps.length > 0);
  const usesExternalChain = hasEndpoints && externallyAccessible;
  const usesFWChain = hasEndpoints && svc.loadBalancerIPs.length > 0 && svc.loadBalancerSourceRanges.length > 0;
  const loadBalancerChain = usesFWChain ? fwChain : externalChain;

  // The filter rules for traffic with no endpoint to go to: written only when there is such traffic.
  const filterTarget = hasEndpoints ? drop : reject;
  const filterComment = hasInternalEndpoints && hasExternalEndpoints ? undefined : c(hasEndpoints ? `${name} has no local endpoints` : `${name} has no endpoints`);
  const { proto: protoMatch, port: anyPort, dnat: dnatMatches } = byProtocol(proto);
  const servicePort: Match = { m: 'port', protocol: proto, dport: svc.port };
  const dst = (ip: string): Match => ({ m: 'dst', cidr: ip });
  const clusterIP = dst(svc.clusterIP);
  const clusterIPComment = c(`${name} cluster IP`);

  // The ClusterIP.
  if (hasInternalEndpoints) nat.add('KUBE-SERVICES', rule(jump(internalChain), clusterIPComment, servicePort, protoMatch, clusterIP));
  else filter.add('KUBE-SERVICES', rule(filterTarget, filterComment!, servicePort, protoMatch, clusterIP));

  // externalIPs.
  for (const ip of svc.externalIPs) {
    if (hasEndpoints) nat.add('KUBE-SERVICES', rule(jump(externalChain), c(`${name} external IP`), servicePort, protoMatch, dst(ip)));
    if (!hasExternalEndpoints) filter.add('KUBE-EXTERNAL-SERVICES', rule(filterTarget, filterComment!, servicePort, protoMatch, dst(ip)));
  }

  // Load-balancer ingress IPs.
  for (const ip of svc.loadBalancerIPs) {
    if (hasEndpoints) nat.add('KUBE-SERVICES', rule(jump(loadBalancerChain), c(`${name} loadbalancer IP`), servicePort, protoMatch, dst(ip)));
    if (usesFWChain) filter.add('KUBE-PROXY-FIREWALL', rule({ t: 'DROP' }, c(`${name} traffic not accepted by ${fwChain}`), servicePort, protoMatch, dst(ip)));
  }
  if (!hasExternalEndpoints) for (const ip of svc.loadBalancerIPs) filter.add('KUBE-EXTERNAL-SERVICES', rule(filterTarget, filterComment!, servicePort, protoMatch, dst(ip)));

  // The NodePort: on every local address, and on localhost (route_localnet), counted by nfacct.
  if (svc.nodePort) {
    const nodePort: Match[] = [{ m: 'port', protocol: proto, dport: svc.nodePort }, { m: 'proto', protocol: proto }];
    if (hasEndpoints) {
      if (config.localhostNodePorts) {
        nat.add('KUBE-NODEPORTS', rule(jump(externalChain), c(name), ...nodePort, { m: 'dst', cidr: '127.0.0.0/8' }, { m: 'nfacct', name: localhostNodePortsAcceptedCounter }));
      }
      nat.add('KUBE-NODEPORTS', rule(jump(externalChain), c(name), ...nodePort));
    }
    if (!hasExternalEndpoints) filter.add('KUBE-EXTERNAL-SERVICES', rule(filterTarget, filterComment!, { m: 'addrtype', dir: 'dst', type: 'LOCAL' }, ...nodePort));
  }

  // The healthCheckNodePort, accepted whether or not this node has a local endpoint.
  if (svc.healthCheckNodePort) {
    filter.add('KUBE-NODEPORTS', rule({ t: 'ACCEPT' }, c(`${name} health check node port`), { m: 'port', protocol: 'TCP', dport: svc.healthCheckNodePort }, { m: 'proto', protocol: 'TCP' }));
  }

  // Internal traffic: masquerade off-cluster sources (the LocalTrafficDetector by cluster CIDR).
  if (hasInternalEndpoints) {
    nat.add(internalChain, rule(markMasq, clusterIPComment, servicePort, protoMatch, clusterIP, offCluster(config.clusterCIDR)));
  }

  // External traffic: everything captured above jumps to the EXT chain.
  if (usesExternalChain) {
    nat.chain(externalChain);
    if (!svc.externalPolicyLocal) {
      nat.add(externalChain, rule(markMasq, c(`masquerade traffic for ${name} external destinations`)));
    } else {
      // Pods and the node itself reach the Service as if through the load balancer: Cluster policy.
      nat.add(externalChain, rule(jump(clusterPolicyChain), c(`pod traffic for ${name} external destinations`), { m: 'src', cidr: config.clusterCIDR }));
      nat.add(externalChain, rule(markMasq, c(`masquerade LOCAL traffic for ${name} external destinations`), { m: 'addrtype', dir: 'src', type: 'LOCAL' }));
      nat.add(externalChain, rule(jump(clusterPolicyChain), c(`route LOCAL traffic for ${name} external destinations`), { m: 'addrtype', dir: 'src', type: 'LOCAL' }));
    }
    if (hasExternalEndpoints) nat.add(externalChain, rule(jump(externalPolicyChain)));
  }

  // loadBalancerSourceRanges: allowed sources go on, the rest falls through to KUBE-PROXY-FIREWALL's DROP.
  if (usesFWChain) {
    const lbComment = c(`${name} loadbalancer IP`);
    let allowFromNode = false;
    for (const cidr of svc.loadBalancerSourceRanges) {
      nat.add(fwChain, rule(jump(externalChain), lbComment, { m: 'src', cidr }));
      if (config.nodeIP && cidrContains(cidr, config.nodeIP)) allowFromNode = true;
    }
    if (allowFromNode) for (const ip of svc.loadBalancerIPs) nat.add(fwChain, rule(jump(externalChain), lbComment, { m: 'src', cidr: ip }));
    nat.add(fwChain, rule({ t: 'none' }, c(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)));
  }

  // The jumps to each endpoint's KUBE-SEP-* chain, then the chains.
  if (usesClusterPolicyChain) writeServiceToEndpointRules(nat, svc, name, clusterPolicyChain, clusterEps, large);
  if (usesLocalPolicyChain) writeServiceToEndpointRules(nat, svc, name, localPolicyChain, localEps, large);

  // Per-endpoint comments are left out in large-cluster mode; the rules' other matches stay in order.
  const nameComment = large ? undefined : c(name);
  for (const e of reachable) {
    const sep = e.chain;
    const src: Match = { m: 'src', cidr: e.ep.ip };
    const dnat: Target = { t: 'DNAT', to: e.address };
    const masq = nameComment ? rule(markMasq, nameComment, src) : rule(markMasq, src);
    let dnatRule: Rule;
    if (svc.stickySeconds === undefined) dnatRule = nameComment ? rule(dnat, nameComment, anyPort, protoMatch) : { matches: dnatMatches, target: dnat };
    else {
      const affinity: Match = { m: 'recent', op: 'set', name: sep };
      dnatRule = nameComment ? rule(dnat, nameComment, affinity, anyPort, protoMatch) : rule(dnat, affinity, anyPort, protoMatch);
    }
    nat.addAll(sep, [masq, dnatRule]);
  }
}

/** The affinity rules, then one probability rule per endpoint (writeServiceToEndpointRules). */
function writeServiceToEndpointRules(
  nat: TableBuilder, svc: ServicePortInfo, name: string, chain: string, endpoints: ProxyEndpoint[], large: boolean,
): void {
  nat.chain(chain);
  // Large-cluster mode leaves out the per-endpoint comment, and its text is then not made at all.
  const comment = (e: ProxyEndpoint) => c(`${name} -> ${e.address}`);
  if (svc.stickySeconds !== undefined) {
    for (const e of endpoints) {
      const sep = e.chain;
      const affinity: Match = { m: 'recent', op: 'rcheck', name: sep, seconds: svc.stickySeconds, reap: true };
      nat.add(chain, large ? rule(jump(sep), affinity) : rule(jump(sep), comment(e), affinity));
    }
  }
  const last = endpoints.length - 1;
  for (let i = 0; i <= last; i++) {
    const e = endpoints[i];
    const to = jump(e.chain);
    if (i === last) nat.add(chain, large ? rule(to) : rule(to, comment(e)));
    else {
      const stat = statistic(endpoints.length - i);
      nat.add(chain, large ? { matches: stat.alone, target: to } : rule(to, comment(e), stat.match));
    }
  }
}

/**
 * kube-proxy's endpointInfo: an endpoint with its `ip:port` text and its KUBE-SEP chain, each made
 * once (newEndpointInfo names the chain of every endpoint). The text orders the endpoints, names the
 * chain and is the DNAT target.
 */
export interface ProxyEndpoint {
  ep: EndpointInfo;
  address: string;
  chain: string;
}

/** The service port's endpoints in the order of their `ip:port` text. */
function proxyEndpoints(svc: ServicePortInfo, svcPortName: string): ProxyEndpoint[] {
  const endpoints = svc.endpoints.map((ep) => {
    const address = `${ep.ip}:${ep.port}`;
    return { ep, address, chain: servicePortEndpointChainName(svcPortName, svc.protocol, address) };
  });
  return endpoints.sort((a, b) => cmp(a.address, b.address));
}

/** Does the Service take traffic from outside (NodePort, a load balancer, externalIPs)? ServicePort.ExternallyAccessible. */
function isExternallyAccessible(svc: ServicePortInfo): boolean {
  return !!svc.nodePort || svc.loadBalancerIPs.length > 0 || svc.externalIPs.length > 0;
}

function usesClusterEndpoints(svc: ServicePortInfo): boolean {
  return !svc.internalPolicyLocal || (isExternallyAccessible(svc) && !svc.externalPolicyLocal);
}

function usesLocalEndpoints(svc: ServicePortInfo): boolean {
  return svc.internalPolicyLocal || (svc.externalPolicyLocal && isExternallyAccessible(svc));
}

/**
 * Which endpoints Cluster and Local policies use on this node, and whether the Service has any
 * usable endpoint anywhere (pkg/proxy/topology.go CategorizeEndpoints; topology hints not modelled).
 * Cluster: the ready ones, else the serving-and-terminating ones. Local: this node's ready ones,
 * else this node's serving-and-terminating ones.
 */
export function categorizeEndpoints(
  svc: ServicePortInfo, svcPortName: string, nodeName: string,
): { clusterEndpoints: ProxyEndpoint[]; localEndpoints: ProxyEndpoint[]; reachable: ProxyEndpoint[]; hasEndpoints: boolean } {
  const sorted = proxyEndpoints(svc, svcPortName);
  let clusterEps: ProxyEndpoint[] = [];
  let hasEndpoints = false;
  if (usesClusterEndpoints(svc)) {
    clusterEps = clusterEndpoints(sorted);
    hasEndpoints = clusterEps.length > 0;
  }
  if (!usesLocalEndpoints(svc)) return { clusterEndpoints: clusterEps, localEndpoints: [], reachable: clusterEps, hasEndpoints };
  if (sorted.some((e) => e.ep.ready || (e.ep.serving && e.ep.terminating))) hasEndpoints = true;
  const local = sorted.filter((e) => e.ep.nodeName === nodeName);
  const ready = local.filter((e) => e.ep.ready);
  const localEps = ready.length ? ready : local.filter((e) => e.ep.serving && e.ep.terminating);
  if (!usesClusterEndpoints(svc)) return { clusterEndpoints: [], localEndpoints: localEps, reachable: localEps, hasEndpoints };
  const reachable = [...clusterEps, ...localEps.filter((e) => !clusterEps.includes(e))];
  return { clusterEndpoints: clusterEps, localEndpoints: localEps, reachable, hasEndpoints };
}
