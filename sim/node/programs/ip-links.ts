import type { NodeHost } from '../node-host';
import type { PodSandbox } from '../../net/node-network';
import { broadcastAddress, bridgeAddress } from '../../net/routing';
import { macFor, vethName } from '../../net/interfaces';

/**
 * The network interfaces a machine's kernel holds, as `ip addr` reads them over netlink: one model
 * that iproute2 (on nodes) and BusyBox's `ip` applet (in BusyBox images) each print their own way.
 * A node has lo, eth0 (the node IP), cni0 (the Pods' gateway) and the host end of one veth per
 * Pod; a Pod's network namespace has lo and eth0, the other end of its veth. No interface holds a
 * ClusterIP: a Service's address exists only as iptables rules.
 */
export interface Link {
  index: number;
  name: string;
  /** IFLA_LINK: the ifindex of a veth's peer, in the peer's own namespace. */
  peerIndex?: number;
  /** The peer's namespace, as iproute2 names it (`link-netns`). */
  peerNetns?: string;
  flags: string[];
  mtu: number;
  qdisc: string;
  master?: string;
  state: 'UNKNOWN' | 'UP';
  /** txqueuelen; 0 (a veth's) is not printed. */
  qlen: number;
  type: 'loopback' | 'ether';
  mac: string;
  addrs: Addr[];
}

export interface Addr {
  family: 'inet' | 'inet6';
  local: string;
  prefix: number;
  brd?: string;
  scope: 'host' | 'global' | 'link';
  /** IFA_F_NOPREFIXROUTE, which iproute2 prints and BusyBox does not. */
  noprefixroute?: boolean;
}

const loopback: Omit<Link, 'index'> = {
  name: 'lo',
  flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
  mtu: 65536,
  qdisc: 'noqueue',
  state: 'UNKNOWN',
  qlen: 1000,
  type: 'loopback',
  mac: '00:00:00:00:00:00',
  addrs: [
    { family: 'inet', local: '127.0.0.1', prefix: 8, scope: 'host' },
    { family: 'inet6', local: '::1', prefix: 128, scope: 'host', noprefixroute: true },
  ],
};
const ether = ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'];

/** A node's interfaces: lo, eth0, cni0, then one veth per Pod sandbox, numbered from 4. */
export function nodeLinks(node: NodeHost, vpcCIDR: string): Link[] {
  const bridge = bridgeAddress(node.config);
  const links: Link[] = [
    { index: 1, ...loopback },
    {
      index: 2, name: 'eth0', flags: ether, mtu: 1500, qdisc: 'fq_codel', state: 'UP', qlen: 1000, type: 'ether', mac: macFor(node.ip),
      addrs: [{ family: 'inet', local: node.ip, prefix: Number(vpcCIDR.split('/')[1]), brd: broadcastAddress(vpcCIDR), scope: 'global' }],
    },
    {
      index: 3, name: 'cni0', flags: ether, mtu: 1500, qdisc: 'noqueue', state: 'UP', qlen: 1000, type: 'ether', mac: macFor(bridge),
      addrs: [{ family: 'inet', local: bridge, prefix: Number(node.podCIDR.split('/')[1]), brd: broadcastAddress(node.podCIDR), scope: 'global' }],
    },
  ];
  let index = 4;
  for (const sandbox of node.sandboxes.values()) {
    links.push({
      index: index++, name: vethName(sandbox.uid), peerIndex: podEth0Index, peerNetns: `cni-${sandbox.uid}`, flags: ether, mtu: 1500, qdisc: 'noqueue',
      master: 'cni0', state: 'UP', qlen: 0, type: 'ether', mac: macFor(sandbox.ip, 0x0e), addrs: [],
    });
  }
  return links;
}

/** eth0's index inside every Pod's namespace (lo is 1). */
const podEth0Index = 2;

/**
 * A Pod's interfaces: lo, and eth0 (its end of the veth, whose host end is the node's link of the
 * same sandbox) with the Pod IP, the bridge plugin's broadcast address and the kernel's EUI-64
 * link-local address. The MAC is `0a:58` and the IP's four bytes, as the bridge plugin long set
 * it (containernetworking/plugins pkg/utils/hwaddr, PrivateMACPrefix), which is also what the
 * "Using Source IP" tutorial's `ip addr` shows.
 */
export function podLinks(node: NodeHost, sandbox: PodSandbox): Link[] {
  const hostEnd = [...node.sandboxes.values()].indexOf(sandbox) + 4;
  const mac = macFor(sandbox.ip, 0x0a).replace(/^0a:42/, '0a:58');
  return [
    { index: 1, ...loopback },
    {
      index: podEth0Index, name: 'eth0', peerIndex: hostEnd, flags: ether, mtu: 1500, qdisc: 'noqueue', state: 'UP', qlen: 0, type: 'ether', mac,
      addrs: [
        { family: 'inet', local: sandbox.ip, prefix: Number(node.podCIDR.split('/')[1]), brd: broadcastAddress(node.podCIDR), scope: 'global' },
        { family: 'inet6', local: linkLocal(mac), prefix: 64, scope: 'link' },
      ],
    },
  ];
}

/** The kernel's EUI-64 link-local address for a MAC: fe80:: + the MAC with ff:fe in the middle and the U/L bit flipped. */
function linkLocal(mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const words = [((b[0] ^ 2) << 8) | b[1], (b[2] << 8) | 0xff, 0xfe00 | b[3], (b[4] << 8) | b[5]];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}
