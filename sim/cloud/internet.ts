/**
 * The world outside the VPC, as the simulator draws it: the internet, a few hosts on it, the VPC's
 * internet gateway and its NAT gateway. Addresses on the internet side come from the
 * documentation ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), which no real
 * network routes.
 */
import type { Packet } from '../net/packet';
import type { NetworkElement, Sender, Step, Tracker, WalkState } from '../net/topology';
import type { ConntrackEntry } from '../net/conntrack';
import type { HttpAnswer } from '../net/node-network';
import { cidrContains } from '../net/ip';

/** The internet: it carries a packet to the host that owns its destination, or to the cloud's internet gateway. */
export class Internet implements NetworkElement {
  readonly kind = 'internet-host';
  readonly name = 'internet';
  readonly address = '0.0.0.0';
  readonly hosts: InternetHost[] = [];
  /** The cloud's side: addresses of its public pool go to its internet gateway. */
  gateway?: { element: NetworkElement; owns(ip: string): boolean };

  owns(): boolean {
    return false;
  }

  receive(p: Packet, walk: WalkState, from: NetworkElement): Step {
    const host = this.hosts.find((h) => h.owns(p.dst));
    if (host) {
      walk.hop({ where: this.name, packet: p, action: 'route', note: `${from.name} → ${host.name} (${host.address}) across the internet` });
      return { next: host, packet: p, from: this };
    }
    if (this.gateway?.owns(p.dst)) {
      walk.hop({ where: this.name, packet: p, action: 'route', note: `${p.dst} belongs to the cloud: to its internet gateway` });
      return { next: this.gateway.element, packet: p, from: this };
    }
    walk.hop({ where: this.name, packet: p, action: 'DROP', note: `no host on the internet has ${p.dst}: the packet is lost` });
    return { end: { outcome: 'timeout' } };
  }
}

/**
 * A host on the internet: the reader's laptop, or a server. A server answers HTTP on its port 80:
 * the echo host answers with the source address it sees, as `curl ifconfig.me` does, so the
 * reader learns which address the world sees.
 */
export class InternetHost implements Sender {
  readonly kind = 'internet-host';

  constructor(
    readonly name: string,
    readonly address: string,
    /** The network it is plugged into: the internet, or (with no cloud) the nodes' own LAN. */
    private readonly uplink: () => NetworkElement,
    /** What it answers on TCP port 80, given the client address it sees; none: nothing listens. */
    readonly http?: (client: string, path: string) => HttpAnswer,
  ) {}

  owns(ip: string): boolean {
    return ip === this.address;
  }

  send(p: Packet, walk: WalkState): Step {
    walk.hop({ where: this.name, packet: p, action: 'send', note: `${this.name} (${this.address}) sends ${p.protocol} ${p.src}:${p.sport} → ${p.dst}:${p.dport}` });
    return { next: this.uplink(), packet: p, from: this, nextHop: p.dst };
  }

  receive(p: Packet, walk: WalkState): Step {
    const listening = p.protocol === 'ICMP' || (p.protocol === 'TCP' && p.dport === 80 && !!this.http);
    walk.hop({ where: this.name, packet: p, action: 'deliver', note: listening ? `${this.name} accepts ${p.protocol} from ${p.src}:${p.sport}` : `nothing listens on ${this.name} port ${p.dport}: reset` });
    return { end: { outcome: listening ? 'established' : 'refused', serverElement: this, delivered: p } };
  }
}

/** The echo host's answer: the client address it sees, one line, as a Go net/http handler writes it. */
export function echoClientAddress(client: string, nowMs: number): HttpAnswer {
  const body = `${client}\n`;
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Content-Length', String(body.length)],
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Date', new Date(nowMs).toUTCString()],
    ],
    body,
  };
}

/**
 * The VPC's internet gateway: a one-to-one NAT between the public IPs the cloud assigned and the
 * private addresses behind them (a node in a public subnet, the NAT gateway), plus the way in to
 * the load balancers. A packet from an address with no public IP is dropped: the internet could
 * never answer it. It keeps each connection's mapping (a Tracker), so that the reply is mapped back
 * and a trace shows where.
 */
export class InternetGateway implements NetworkElement, Tracker {
  readonly kind = 'internet-gateway';
  readonly name = 'igw';
  readonly up = true;
  readonly address: string;
  /** private address → public IP */
  readonly publicIPs = new Map<string, string>();
  /** Public addresses of elements reached directly (load balancers). */
  readonly frontends = new Map<string, NetworkElement>();

  constructor(
    address: string,
    private readonly internet: Internet,
    private readonly vpc: () => NetworkElement,
  ) {
    this.address = address;
  }

  owns(ip: string): boolean {
    return ip === this.address;
  }

  /** Does this public IP belong to something behind the gateway? */
  serves(ip: string): boolean {
    return this.frontends.has(ip) || this.insideOf(ip) !== undefined;
  }

  /** The private address behind a public IP. */
  private insideOf(publicIP: string): string | undefined {
    for (const [inside, pub] of this.publicIPs) if (pub === publicIP) return inside;
    return undefined;
  }

  receive(p: Packet, walk: WalkState, from: NetworkElement): Step {
    if (from === this.internet) return this.inbound(p, walk);
    if (isPrivate(p.dst)) {
      walk.hop({ where: this.name, packet: p, action: 'DROP', note: `${p.dst} is a private address: the internet gateway does not route it` });
      return { end: { outcome: 'timeout' } };
    }
    const publicIP = this.publicIPs.get(p.src);
    if (!publicIP) {
      walk.hop({ where: this.name, packet: p, action: 'DROP', note: `${p.src} has no public IP: the internet gateway drops the packet (no reply could come back)` });
      return { end: { outcome: 'timeout' } };
    }
    const out = { ...p, src: publicIP };
    walk.hop({ where: this.name, packet: out, action: 'SNAT', note: `source ${p.src} → its public IP ${publicIP} (one-to-one NAT)` });
    this.track(walk, p, out);
    return { next: this.internet, packet: out, from: this };
  }

  private inbound(p: Packet, walk: WalkState): Step {
    const frontend = this.frontends.get(p.dst);
    if (frontend) {
      walk.hop({ where: this.name, packet: p, action: 'route', note: `${p.dst} is a load balancer's public IP: to ${frontend.name}` });
      return { next: frontend, packet: p, from: this };
    }
    const inside = this.insideOf(p.dst);
    if (!inside) {
      walk.hop({ where: this.name, packet: p, action: 'DROP', note: `no public IP ${p.dst} in this VPC: dropped` });
      return { end: { outcome: 'timeout' } };
    }
    const to = { ...p, dst: inside };
    walk.hop({ where: this.name, packet: to, action: 'DNAT', note: `destination ${p.dst} → ${inside} (one-to-one NAT)` });
    this.track(walk, p, to);
    return { next: this.vpc(), packet: to, from: this, nextHop: inside };
  }

  /** Keeps the connection's mapping: the packet as it came (`before`) and as it left (`after`). */
  private track(walk: WalkState, before: Packet, after: Packet): void {
    walk.entries.push({ tracker: this, entry: { protocol: before.protocol, original: { src: before.src, dst: before.dst, sport: before.sport, dport: before.dport }, reply: { src: after.dst, dst: after.src, sport: after.dport, dport: after.sport }, unreplied: true, assured: false, expiresAt: 0 } });
  }

  // ---- Tracker: the mapping is fixed (one public IP per private address), nothing expires ------

  confirm(): void {}
  holds(): boolean {
    return true;
  }
  refresh(entry: ConntrackEntry, _now: number, state?: ConntrackEntry['state']): void {
    if (state) entry.state = state;
  }
}

/**
 * A NAT gateway: it lives in a public subnet with its own public IP, and lets machines of a
 * private subnet open connections to the internet, never the other way. Each connection's source
 * becomes the gateway's private address and a port of its own; the internet gateway then maps that
 * address to the gateway's public IP.
 */
export class NatGateway implements NetworkElement, Tracker {
  readonly kind = 'nat-gateway';
  readonly name = 'nat-gw';
  readonly up = true;
  private nextPort = 1024;

  constructor(
    readonly address: string,
    readonly publicIP: string,
    private readonly gateway: InternetGateway,
  ) {}

  owns(ip: string): boolean {
    return ip === this.address;
  }

  receive(p: Packet, walk: WalkState): Step {
    const out = { ...p, src: this.address, sport: this.port() };
    walk.hop({ where: this.name, packet: out, action: 'SNAT', note: `source ${p.src}:${p.sport} → ${out.src}:${out.sport}; the NAT gateway's subnet routes 0.0.0.0/0 to the internet gateway` });
    walk.entries.push({ tracker: this, entry: { protocol: p.protocol, original: { src: p.src, dst: p.dst, sport: p.sport, dport: p.dport }, reply: { src: p.dst, dst: out.src, sport: p.dport, dport: out.sport }, unreplied: true, assured: false, expiresAt: 0 } });
    return { next: this.gateway, packet: out, from: this };
  }

  /** Ports handed out in turn, 1024–65535 (the gateway keeps one per connection). */
  private port(): number {
    const port = this.nextPort;
    this.nextPort = port >= 65535 ? 1024 : port + 1;
    return port;
  }

  confirm(): void {}
  holds(): boolean {
    return true;
  }
  refresh(entry: ConntrackEntry, _now: number, state?: ConntrackEntry['state']): void {
    if (state) entry.state = state;
  }
}

/** Addresses no internet route leads to (RFC 1918, shared 100.64.0.0/10, loopback, link-local). */
function isPrivate(ip: string): boolean {
  return ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'].some((c) => cidrContains(c, ip));
}
