/**
 * A load balancer of the simulator's cloud (invented, like the rest of its API): a public IP, a
 * listener per Service port, and behind each listener a target group of every node at the port's
 * NodePort. It passes each new connection to one healthy target, keeping the client's address (as
 * pass-through network load balancers do), and remembers the choice for the rest of the connection.
 *
 * Health checks run from the load balancer's private address every `healthCheck.intervalMs`: a TCP
 * connect to the NodePort, or, for a Service with externalTrafficPolicy Local, an HTTP GET of
 * kube-proxy's healthCheckNodePort, which answers 200 only on nodes with a local endpoint. A target
 * turns unhealthy after `unhealthyThreshold` failed checks in a row and healthy again after
 * `healthyThreshold` passed ones. With no healthy target, a new connection is dropped.
 *
 * A new load balancer is `provisioning` for `provisioningMs` before it is `active`: it takes no
 * traffic and runs no health check until then.
 */
import type { ConntrackEntry } from '../net/conntrack';
import type { Packet, Protocol } from '../net/packet';
import type { NetworkElement, Sender, Step, Tracker, WalkState } from '../net/topology';

export interface Listener {
  protocol: Protocol;
  port: number;
  /** The target group: the nodes, at this NodePort. */
  targetPort: number;
}

export interface HealthCheck {
  /** `TCP` to the target port, or `HTTP` GET of `path` on `port`. */
  protocol: 'TCP' | 'HTTP';
  /** The port checked; for TCP, each listener's target port. */
  port?: number;
  path?: string;
  intervalMs: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
}

/** The simulated cloud's defaults for a load balancer's health check (invented, in the range real clouds use). */
export const defaultHealthCheck: Omit<HealthCheck, 'protocol'> = { intervalMs: 10_000, healthyThreshold: 2, unhealthyThreshold: 2 };

/** How long the simulated cloud takes to make a new load balancer active (invented: real providers take from seconds to minutes). */
export const provisioningMs = 10_000;

export interface Target {
  /** The instance: the node's name. */
  node: string;
  ip: string;
  health: 'initial' | 'healthy' | 'unhealthy';
  /** Why the last check passed or failed, as the cloud's console shows it. */
  reason: string;
  passes: number;
  failures: number;
}

export class CloudLoadBalancer implements Sender, Tracker {
  readonly kind = 'load-balancer';
  readonly up = true;
  targets: Target[] = [];

  constructor(
    /** The cloud's name for it. */
    readonly name: string,
    /** The Service it was made for, `namespace/name`. */
    readonly service: string,
    readonly publicIP: string,
    /** Its address inside the VPC: where health checks come from. */
    readonly address: string,
    public listeners: Listener[],
    public healthCheck: HealthCheck,
    private readonly vpc: () => NetworkElement,
    /** Virtual ms at which it becomes active. */
    readonly activeAt = 0,
  ) {}

  /** The state the cloud reports for it. */
  state(now: number): 'provisioning' | 'active' {
    return now < this.activeAt ? 'provisioning' : 'active';
  }

  owns(ip: string): boolean {
    return ip === this.publicIP || ip === this.address;
  }

  /** Sets the target group to these nodes, keeping the health of those already in it. */
  setTargets(nodes: { name: string; ip: string }[]): void {
    const before = new Map(this.targets.map((t) => [t.node, t]));
    this.targets = nodes.map((n) => before.get(n.name) ?? { node: n.name, ip: n.ip, health: 'initial', reason: 'registering', passes: 0, failures: 0 });
  }

  /** Records one health check's result for a target. */
  observe(target: Target, passed: boolean, reason: string): void {
    target.reason = reason;
    if (passed) {
      target.failures = 0;
      target.passes++;
      if (target.health !== 'healthy' && target.passes >= this.healthCheck.healthyThreshold) target.health = 'healthy';
    } else {
      target.passes = 0;
      target.failures++;
      if (target.health !== 'unhealthy' && (target.failures >= this.healthCheck.unhealthyThreshold || target.health === 'initial')) target.health = 'unhealthy';
    }
  }

  /** A health check leaves from the load balancer's private address into the VPC. */
  send(p: Packet, walk: WalkState): Step {
    walk.hop({ where: this.name, packet: p, action: 'send', note: `health check from ${this.name} (${this.address}) to ${p.dst}:${p.dport}` });
    return { next: this.vpc(), packet: p, from: this, nextHop: p.dst };
  }

  receive(p: Packet, walk: WalkState): Step {
    const listener = this.listeners.find((l) => l.protocol === p.protocol && l.port === p.dport);
    if (this.state(walk.now) === 'provisioning') {
      walk.hop({ where: this.name, packet: p, action: 'DROP', note: 'the load balancer is still provisioning: dropped' });
      return { end: { outcome: 'timeout' } };
    }
    if (p.dst !== this.publicIP || !listener) {
      walk.hop({ where: this.name, packet: p, action: 'DROP', note: `no listener on ${p.protocol} port ${p.dport}: dropped` });
      return { end: { outcome: 'timeout' } };
    }
    const healthy = this.targets.filter((t) => t.health === 'healthy');
    if (!healthy.length) {
      walk.hop({ where: this.name, packet: p, action: 'DROP', note: `no healthy target for port ${p.dport}: dropped` });
      return { end: { outcome: 'timeout' } };
    }
    const target = healthy[walk.rng.int(healthy.length)];
    const out = { ...p, dst: target.ip, dport: listener.targetPort };
    const others = healthy.length > 1 ? ` (one of ${healthy.length} healthy targets)` : '';
    walk.hop({ where: this.name, packet: out, action: 'DNAT', note: `listener ${p.protocol}:${p.dport} → target ${target.node} ${target.ip}:${listener.targetPort}${others}; the client's address is kept` });
    walk.entries.push({ tracker: this, entry: { protocol: p.protocol, original: { src: p.src, dst: p.dst, sport: p.sport, dport: p.dport }, reply: { src: out.dst, dst: p.src, sport: out.dport, dport: p.sport }, unreplied: true, assured: false, expiresAt: 0 } });
    return { next: this.vpc(), packet: out, from: this, nextHop: target.ip };
  }

  // ---- Tracker: the flows it passes on ----------------------------------------------------------

  confirm(): void {}
  holds(entry: ConntrackEntry): boolean {
    return this.targets.some((t) => t.ip === entry.reply.src);
  }
  refresh(entry: ConntrackEntry, _now: number, state?: ConntrackEntry['state']): void {
    if (state) entry.state = state;
  }
}
