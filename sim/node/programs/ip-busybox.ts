import { fail, ok, type Program } from '../programs';
import { bridgeAddress, nodeRoutes, type Route } from '../../net/routing';
import { busyboxBanner } from './busybox';
import { nodeLinks, podLinks, type Link } from './ip-links';

/**
 * BusyBox's `ip` applet in a container: `ip addr` and `ip route` (any prefix, `show`/`list`, `-4`)
 * print the interfaces and routes of the Pod's network namespace (the node's, for a hostNetwork
 * Pod) in BusyBox's own format. Sources: busybox networking/ip.c (usage, prefix matching of the object),
 * networking/libiproute/ipaddress.c (print_linkinfo, print_addrinfo), iproute.c (print_route).
 */
export const ipBusybox: Program = (ctx, args) => {
  const family = args.includes('-4') ? 'inet' : args.includes('-6') ? 'inet6' : undefined;
  const [object, sub = 'show'] = args.filter((a) => !/^-[46]$/.test(a));
  const key = object === undefined ? undefined : keywords.find((k) => k.startsWith(object));
  if (key !== 'address' && key !== 'route') return fail(usage, 1);
  // Changing addresses or routes needs CAP_NET_ADMIN, which a container does not have by default.
  if (/^(add|del|delete|change|replace|append|flush)$/.test(sub)) return fail('ip: RTNETLINK answers: Operation not permitted\n', 2);
  if (!'show'.startsWith(sub) && !'list'.startsWith(sub)) return fail(`ip: the simulator runs only ip ${key === 'route' ? 'route' : 'addr'} show\n`, 1);
  const node = ctx.node!;
  const podKey = ctx.pod && !ctx.pod.spec.hostNetwork ? `${ctx.pod.metadata.namespace}/${ctx.pod.metadata.name}` : undefined;
  const sandbox = podKey ? [...node.sandboxes.values()].find((s) => s.podKey === podKey) : undefined;
  if (key === 'route') {
    if (family === 'inet6') return ok('');
    const routes: Route[] = sandbox
      ? [{ dst: 'default', via: bridgeAddress(node.config), dev: 'eth0' }, { dst: node.podCIDR, dev: 'eth0', scope: 'link', src: sandbox.ip }]
      : nodeRoutes(ctx.cluster.config, node.config);
    return ok(routes.map(printRoute).join(''));
  }
  const links = sandbox ? podLinks(node, sandbox) : nodeLinks(node, ctx.cluster.config.vpcCIDR);
  return ok(links.map((link) => printLink(link, links, family)).join(''));
};

/** ip_main's keywords, matched by prefix in this order (`ip r` is route, `ip l` link). */
const keywords = ['address', 'route', 'r', 'link', 'tunnel', 'tunl', 'rule', 'neigh'];

const usage = `${busyboxBanner}
Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [COMMAND]

OPTIONS := -f[amily] inet|inet6|link | -o[neline]
COMMAND :=
ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]
ip route list|flush|add|del|change|append|replace|test ROUTE
ip link set IFACE [up|down] [arp on|off] [multicast on|off]
\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
\t[master IFACE | nomaster]
ip tunnel add|change|del|show [NAME]
\t[mode ipip|gre|sit]
\t[remote ADDR] [local ADDR] [ttl TTL]
ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]
ip rule [list] | add|del SELECTOR ACTION
`;

/**
 * One interface as BusyBox prints it: each field followed by a space, `qlen` only when non-zero,
 * no `group`. A veth's peer is named by looking its index up among this namespace's own links,
 * so the Pod's eth0 reads `eth0@ifN` with M-DOWN (the peer is not here), and on a node a veth
 * reads `vethX@eth0` (index 2 there is eth0): BusyBox's behaviour, not iproute2's.
 */
function printLink(link: Link, links: Link[], family: 'inet' | 'inet6' | undefined): string {
  const addrs = link.addrs.filter((a) => !family || a.family === family);
  if (family && !addrs.length) return '';
  let name = `${link.index}: ${link.name}: `;
  let mdown = false;
  if (link.peerIndex !== undefined) {
    const peer = links.find((l) => l.index === link.peerIndex);
    name = `${link.index}: ${link.name}@${peer?.name ?? `if${link.peerIndex}`}: `;
    mdown = !peer?.flags.includes('UP');
  }
  let out = `${name}<${link.flags.join(',')}${mdown ? ',M-DOWN' : ''}> mtu ${link.mtu} qdisc ${link.qdisc} ${link.master ? `master ${link.master} ` : ''}state ${link.state} ${link.qlen ? `qlen ${link.qlen}` : ''}`;
  if (!family) out += `\n    link/${link.type} ${link.mac} brd ${link.type === 'loopback' ? link.mac : 'ff:ff:ff:ff:ff:ff'}`;
  out += '\n';
  for (const a of addrs) {
    const label = a.family === 'inet' ? link.name : '';
    out += `    ${a.family} ${a.local}/${a.prefix} ${a.brd ? `brd ${a.brd} ` : ''}scope ${a.scope} ${label}\n       valid_lft forever preferred_lft forever\n`;
  }
  return out;
}

/**
 * One route as BusyBox's print_route writes it: each field followed by a space, no `proto` (a
 * "Todo" there), and `src` and `metric` with a space before them as well.
 */
function printRoute(r: Route): string {
  return `${r.dst} ${r.via ? `via ${r.via} ` : ''}dev ${r.dev} ${r.scope ? `scope ${r.scope} ` : ''}${r.src ? ` src ${r.src} ` : ''}${r.metric !== undefined ? ` metric ${r.metric} ` : ''}\n`;
}
