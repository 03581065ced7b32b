/**
 * The VPC's router: what connects the machines of the cloud network. A packet for an address on
 * the subnet (a node's eth0, a host-gw route's next hop) is handed to the element that owns it; a
 * packet sent to the router's own address (a node's default route) is routed by the VPC's route
 * table: `local` for the VPC's block, and whatever target the table names for the rest. No route,
 * or no one owning the address: the packet is dropped.
 */
import type { ClusterConfig } from '../cluster-config';
import { cidrContains, parseCidr, type Cidr } from './ip';
import type { Packet } from './packet';
import { vpcGateway } from './routing';
import type { NetworkElement, Step, Topology, WalkState } from './topology';

/** One line of the VPC's route table: destination block → target (`local`, or an element). */
export interface VpcRoute {
  destination: string;
  target: 'local' | NetworkElement;
}

/** Route destinations parsed once. */
const blocks = new Map<string, Cidr>();

export class VpcRouter implements NetworkElement {
  readonly kind = 'vpc-router';
  readonly name = 'vpc';
  readonly address: string;
  /** The route table; `local` for the VPC's block is always there. */
  readonly routes: VpcRoute[];

  constructor(
    config: ClusterConfig,
    private readonly topology: Topology,
  ) {
    this.address = vpcGateway(config);
    this.routes = [{ destination: config.vpcCIDR, target: 'local' }];
  }

  owns(ip: string): boolean {
    return ip === this.address;
  }

  /** The route table's answer for `ip`: the most specific destination block that holds it. */
  lookup(ip: string): VpcRoute | undefined {
    let best: VpcRoute | undefined;
    let bestPrefix = -1;
    for (const r of this.routes) {
      let block = blocks.get(r.destination);
      if (!block) blocks.set(r.destination, (block = parseCidr(r.destination)));
      if (block.prefix > bestPrefix && cidrContains(block, ip)) {
        best = r;
        bestPrefix = block.prefix;
      }
    }
    return best;
  }

  receive(p: Packet, walk: WalkState, from: NetworkElement, nextHop: string): Step {
    const onLink = nextHop !== this.address;
    const route = onLink ? undefined : this.lookup(p.dst);
    const target = onLink || route?.target === 'local' ? this.topology.owner(onLink ? nextHop : p.dst) : route?.target;
    if (!target || target === this) {
      walk.hop({ where: this.name, packet: p, action: 'DROP', note: `the VPC has no route to ${p.dst}: the packet is dropped` });
      return { end: { outcome: 'timeout' } };
    }
    walk.hop({ where: this.name, packet: p, action: 'route', note: `${from.address} → ${target.address} (${target.name}): the packet crosses the VPC unchanged` });
    return { next: target, packet: p, from: this, nextHop: onLink ? nextHop : p.dst };
  }
}
