import { fail, ok, type Program } from '../programs';
import { formatRoute, nodeRoutes } from '../../net/routing';
import { nodeLinks, type Link } from './ip-links';

/**
 * `ip route [show]` and `ip addr [show]` (also `ip r`, `ip a`, `ip -4 …`), as iproute2 prints them
 * on a node: the routes the CNI wrote (see sim/net/routing.ts) and the interfaces of ip-links.ts.
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
  const v4only = args.includes('-4');
  return ok(nodeLinks(ctx.node!, ctx.cluster.config.vpcCIDR).flatMap((link) => printLink(link, v4only)).join(''));
};

/** One interface as iproute2's print_linkinfo and print_addrinfo write it (ip/ipaddress.c). */
function printLink(link: Link, v4only: boolean): string[] {
  const addrs = link.addrs.filter((a) => !v4only || a.family === 'inet');
  if (v4only && !addrs.length) return [];
  const peer = link.peerIndex !== undefined ? `@if${link.peerIndex}` : '';
  const master = link.master ? ` master ${link.master}` : '';
  const lines = [`${link.index}: ${link.name}${peer}: <${link.flags.join(',')}> mtu ${link.mtu} qdisc ${link.qdisc}${master} state ${link.state} group default ${link.qlen ? `qlen ${link.qlen}` : ''}`];
  if (!v4only) lines.push(`    link/${link.type} ${link.mac} brd ${link.type === 'loopback' ? link.mac : 'ff:ff:ff:ff:ff:ff'}${link.peerNetns ? ` link-netns ${link.peerNetns}` : ''}`);
  for (const a of addrs) {
    lines.push(
      a.family === 'inet'
        ? `    inet ${a.local}/${a.prefix}${a.brd ? ` brd ${a.brd}` : ''} scope ${a.scope} ${link.name}`
        : `    inet6 ${a.local}/${a.prefix} scope ${a.scope} ${a.noprefixroute ? 'noprefixroute ' : ''}`,
      '       valid_lft forever preferred_lft forever',
    );
  }
  return lines.map((l) => `${l}\n`);
}
