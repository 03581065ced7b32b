import { fail, ok, type Program } from '../programs';
import type { NodeHost } from '../node-host';
import { broadcastAddress, bridgeAddress, formatRoute, nodeRoutes } from '../../net/routing';
import { macFor, vethName } from '../../net/interfaces';

/**
 * `ip route [show]` and `ip addr [show]` (also `ip r`, `ip a`, `ip -4 …`), as iproute2 prints them
 * on a node: the routes the CNI wrote (see sim/net/routing.ts) and the interfaces lo, eth0 (the
 * node IP), cni0 (the Pods' gateway) and one veth per Pod. No interface holds a ClusterIP: a
 * Service's address exists only as iptables rules.
 */
export const ip: Program = (ctx, args) => {
  const words = args.filter((a) => a !== '-4');
  const [object = '', sub = 'show'] = words;
  if (object === '') return fail('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n', 255);
  const isRoute = 'route'.startsWith(object);
  if (!isRoute && !'address'.startsWith(object)) return fail(`Object "${object}" is unknown, try "ip help".\n`, 1);
  // iproute2 accepts any prefix of show/list (matches() in ip/utils.c).
  if (!'show'.startsWith(sub) && !'list'.startsWith(sub)) return fail(`Command "${sub}" is unknown, try "ip ${isRoute ? 'route' : 'address'} help".\n`, 1);
  if (isRoute) return ok(nodeRoutes(ctx.cluster.config, ctx.node!.config).map((r) => formatRoute(r) + ' \n').join(''));
  return ok(addresses(ctx.node!, ctx.cluster.config.vpcCIDR, args.includes('-4')));
};

function addresses(node: NodeHost, vpcCIDR: string, v4only: boolean): string {
  const vpcPrefix = vpcCIDR.split('/')[1];
  const bridge = bridgeAddress(node.config);
  const forever = '       valid_lft forever preferred_lft forever';
  const lines = [
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
    ...(v4only ? [] : ['    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00']),
    '    inet 127.0.0.1/8 scope host lo',
    forever,
    ...(v4only ? [] : ['    inet6 ::1/128 scope host noprefixroute ', forever]),
    '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
    ...(v4only ? [] : [`    link/ether ${macFor(node.ip)} brd ff:ff:ff:ff:ff:ff`]),
    `    inet ${node.ip}/${vpcPrefix} brd ${broadcastAddress(vpcCIDR)} scope global eth0`,
    forever,
    '3: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
    ...(v4only ? [] : [`    link/ether ${macFor(bridge)} brd ff:ff:ff:ff:ff:ff`]),
    `    inet ${bridge}/${node.podCIDR.split('/')[1]} brd ${broadcastAddress(node.podCIDR)} scope global cni0`,
    forever,
  ];
  let index = 4;
  if (!v4only) {
    for (const sandbox of node.sandboxes.values()) {
      lines.push(`${index++}: ${vethName(sandbox.uid)}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master cni0 state UP group default `);
      lines.push(`    link/ether ${macFor(sandbox.ip, 0x0e)} brd ff:ff:ff:ff:ff:ff link-netns cni-${sandbox.uid}`);
    }
  }
  return lines.join('\n') + '\n';
}
