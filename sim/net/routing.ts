/**
 * A node's routing table, as the simulator's CNI sets it up.
 *
 * The CNI modelled is the `bridge` plugin with host-local IPAM on each node (Pods hang off the
 * `cni0` bridge, whose address is the Pod CIDR's .1), plus host-gw routing between nodes as
 * flannel's host-gw backend writes it: one route per other node, `POD_CIDR via NODE_IP dev eth0`.
 * Pod IPs therefore travel unchanged across the VPC, with no tunnel and no NAT. (Calico in BGP
 * mode routes the same way, with per-Pod /32 routes and `proto bird`; its details are not shown.)
 * Sources: flannel Documentation/backends.md (host-gw), containernetworking/plugins bridge.
 */
import type { ClusterConfig, NodeConfig } from '../cluster-config';
import { cidrContains, cidrHost, intToIp, parseCidr } from './ip';

export interface Route {
  /** `default` or a CIDR. */
  dst: string;
  via?: string;
  dev: 'eth0' | 'cni0';
  proto?: 'dhcp' | 'kernel';
  scope?: 'link';
  src?: string;
  metric?: number;
}

/** The VPC router's address: the first host of the VPC block, as cloud VPCs reserve it. */
export function vpcGateway(config: ClusterConfig): string {
  return cidrHost(config.vpcCIDR, 1);
}

/** The bridge's address on a node: the Pod CIDR's first host. */
export function bridgeAddress(node: NodeConfig): string {
  return cidrHost(node.podCIDR, 1);
}

const computed = new WeakMap<NodeConfig, Route[]>();

/** The main routing table of `node`, in the order `ip route` lists it (default, then by address). */
export function nodeRoutes(config: ClusterConfig, node: NodeConfig): Route[] {
  let routes = computed.get(node);
  if (!routes) computed.set(node, (routes = buildRoutes(config, node)));
  return routes;
}

function buildRoutes(config: ClusterConfig, node: NodeConfig): Route[] {
  const routes: Route[] = [
    { dst: 'default', via: vpcGateway(config), dev: 'eth0', proto: 'dhcp', src: node.ip, metric: 100 },
    { dst: config.vpcCIDR, dev: 'eth0', proto: 'kernel', scope: 'link', src: node.ip, metric: 100 },
    { dst: node.podCIDR, dev: 'cni0', proto: 'kernel', scope: 'link', src: bridgeAddress(node) },
  ];
  for (const other of config.nodes) if (other.name !== node.name) routes.push({ dst: other.podCIDR, via: other.ip, dev: 'eth0' });
  const key = (r: Route) => (r.dst === 'default' ? -1 : parseCidr(r.dst).base);
  return routes.sort((a, b) => key(a) - key(b));
}

/** Longest-prefix match: the route a packet to `ip` takes. */
export function lookupRoute(routes: Route[], ip: string): Route {
  let best: Route | undefined;
  let bestPrefix = -1;
  for (const r of routes) {
    const prefix = r.dst === 'default' ? 0 : parseCidr(r.dst).prefix;
    if (prefix > bestPrefix && (r.dst === 'default' || cidrContains(r.dst, ip))) {
      best = r;
      bestPrefix = prefix;
    }
  }
  return best!;
}

/** A route as `ip route` prints it. */
export function formatRoute(r: Route): string {
  const parts = [r.dst];
  if (r.via) parts.push('via', r.via);
  parts.push('dev', r.dev);
  if (r.proto) parts.push('proto', r.proto);
  if (r.scope) parts.push('scope', r.scope);
  if (r.src) parts.push('src', r.src);
  if (r.metric !== undefined) parts.push('metric', String(r.metric));
  return parts.join(' ');
}

/** The broadcast address of a block, for `ip addr`. */
export function broadcastAddress(cidr: string): string {
  const c = parseCidr(cidr);
  return intToIp(c.base + c.size - 1);
}
