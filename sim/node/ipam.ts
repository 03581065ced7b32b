import { parseCidr, intToIp, ipToInt, type Cidr } from '../net/ip';

/**
 * The CNI's host-local IPAM on one node: hands out Pod IPs from the node's Pod CIDR.
 *
 * Like host-local, it does not reuse an address at once: it goes on from the last one it reserved,
 * round-robin, skipping addresses in use. The network address, the gateway (.1, the bridge) and
 * the broadcast address are never handed out. So a replacement Pod gets a new IP.
 * Source: containernetworking/plugins, plugins/ipam/host-local/backend/allocator/allocator.go.
 */
export class HostLocalIpam {
  private range: Cidr;
  private inUse = new Map<number, string>();
  private lastReserved: number;

  constructor(readonly podCIDR: string) {
    this.range = parseCidr(podCIDR);
    this.lastReserved = this.range.base + 1;
  }

  /** The bridge's address on this node, the Pods' default gateway. */
  get gateway(): string {
    return intToIp(this.range.base + 1);
  }

  /** Reserves an address for a Pod sandbox; undefined when the range is full. */
  allocate(owner: string): string | undefined {
    const first = this.range.base + 2;
    const last = this.range.base + this.range.size - 2;
    const span = last - first + 1;
    for (let i = 1; i <= span; i++) {
      const candidate = first + ((this.lastReserved - first + i + span) % span);
      if (!this.inUse.has(candidate)) {
        this.inUse.set(candidate, owner);
        this.lastReserved = candidate;
        return intToIp(candidate);
      }
    }
    return undefined;
  }

  release(ip: string): void {
    this.inUse.delete(ipToInt(ip));
  }

  /** Addresses in use, with the sandbox that holds each. */
  allocations(): { ip: string; owner: string }[] {
    return [...this.inUse].map(([n, owner]) => ({ ip: intToIp(n), owner }));
  }
}
