/**
 * The simulator's cloud ("simcloud"): invented, as its API is, to stand for what every provider
 * offers around a Kubernetes cluster. It owns the network outside the nodes (the internet and its
 * hosts, the internet gateway, a NAT gateway, the VPC route table's default route) and the
 * load balancers the cloud controller manager asks for. Every call to its API is logged, for the
 * console's `cloud` command.
 */
import type { ClusterConfig } from '../cluster-config';
import type { Clock } from '../core/clock';
import type { Dataplane } from '../net/dataplane';
import { cidrHost, parseCidr } from '../net/ip';
import type { NodeNetwork } from '../net/node-network';
import { CloudLoadBalancer, defaultHealthCheck, provisioningMs, type HealthCheck, type Listener, type Target } from './load-balancer';
import { Internet, InternetGateway, InternetHost, NatGateway, echoClientAddress } from './internet';

/** One call to the cloud's API, as `cloud calls` lists it. */
export interface CloudCall {
  /** Virtual ms since the cluster started. */
  at: number;
  /** Who called: the cloud controller manager, or the cloud itself at set-up. */
  caller: string;
  call: string;
  /** What the cloud answered (invented, as the whole API is). */
  answer: string;
}

/** The address the reader's laptop has on the internet (TEST-NET-1, RFC 5737). */
export const laptopAddress = '192.0.2.10';
/** The echo host, which answers HTTP with the source address it sees (TEST-NET-2, RFC 5737). */
export const echoHostAddress = '198.51.100.20';

/** The first host number handed out of the public pool (the first ones are the cloud's own). */
const firstPublicHost = 10;

export class Cloud {
  readonly internet = new Internet();
  readonly gateway?: InternetGateway;
  readonly natGateway?: NatGateway;
  readonly loadBalancers = new Map<string, CloudLoadBalancer>();
  readonly calls: CloudCall[] = [];
  /** Public IP → what it is attached to. */
  readonly publicIPs = new Map<string, string>();
  /** The reader's laptop: on the internet, or on the nodes' LAN when there is no cloud. */
  readonly laptop: InternetHost;
  private healthTimer = false;

  constructor(
    readonly config: ClusterConfig,
    private readonly clock: Clock,
    private readonly dataplane: Dataplane,
    nodes: Iterable<NodeNetwork>,
  ) {
    const topology = dataplane.topology;
    const vpc = () => dataplane.vpc;
    const echo = new InternetHost('echo', echoHostAddress, () => this.internet, (client) => echoClientAddress(client, clock.epochMs + clock.now));
    this.internet.hosts.push(echo);
    topology.add(this.internet);
    topology.add(echo);
    if (!this.enabled) {
      // No cloud: the reader's machine sits on the nodes' LAN, with no way to the internet.
      const lan = parseCidr(config.vpcCIDR);
      this.laptop = new InternetHost('laptop', cidrHost(config.vpcCIDR, lan.size - 2), vpc);
      topology.add(this.laptop);
      return;
    }
    this.laptop = new InternetHost('laptop', laptopAddress, () => this.internet);
    this.internet.hosts.push(this.laptop);
    topology.add(this.laptop);
    this.gateway = new InternetGateway('igw', this.internet, vpc);
    this.internet.gateway = { element: this.gateway, owns: (ip) => this.gateway!.serves(ip) };
    topology.add(this.gateway);
    this.record('simcloud', `CreateInternetGateway vpc=${config.vpcCIDR}`, 'attached name=igw');
    const { nodeSubnet, natGateway } = config.cloud;
    if (natGateway) {
      const eip = this.allocatePublicIP('nat-gw');
      this.natGateway = new NatGateway(cidrHost(config.vpcCIDR, 5), eip, this.gateway);
      this.gateway.publicIPs.set(this.natGateway.address, eip);
      topology.add(this.natGateway);
      this.record('simcloud', `CreateNatGateway subnet=public privateIP=${this.natGateway.address} publicIP=${eip}`, `state=available name=${this.natGateway.name}`);
    }
    if (nodeSubnet === 'public') {
      for (const node of nodes) {
        const ip = this.allocatePublicIP(node.name);
        this.gateway.publicIPs.set(node.ip, ip);
        this.record('simcloud', `AssociatePublicIp instance=${node.name} privateIP=${node.ip} publicIP=${ip}`, `associated publicIP=${ip}`);
      }
      dataplane.vpc.routes.push({ destination: '0.0.0.0/0', target: this.gateway });
    } else if (this.natGateway) dataplane.vpc.routes.push({ destination: '0.0.0.0/0', target: this.natGateway });
  }

  /** Is there a cloud at all (not bare metal)? */
  get enabled(): boolean {
    return this.config.cloud.provider !== 'none';
  }

  /** The cloud's name for a Service's load balancer: cloudprovider.DefaultLoadBalancerName, `a` + the uid without dashes, at most 32 characters (k8s.io/cloud-provider/cloud.go). */
  static loadBalancerName(uid: string): string {
    return `a${uid.replace(/-/g, '')}`.slice(0, 32);
  }

  /** Creates or updates a load balancer: listeners, target group, health check. Returns it. */
  ensureLoadBalancer(name: string, service: string, listeners: Listener[], targets: { name: string; ip: string }[], healthCheck: Omit<HealthCheck, keyof typeof defaultHealthCheck>, caller: string): CloudLoadBalancer {
    const check = { ...defaultHealthCheck, ...healthCheck };
    const describe = `listeners=${listeners.map((l) => `${l.protocol}:${l.port}->${l.targetPort}`).join(',')} targets=${targets.map((t) => t.name).join(',')} healthCheck=${check.protocol}${check.port ? `:${check.port}` : ''}${check.path ?? ''}`;
    let lb = this.loadBalancers.get(name);
    if (!lb) {
      const publicIP = this.allocatePublicIP(name);
      const index = this.loadBalancers.size;
      lb = new CloudLoadBalancer(name, service, publicIP, cidrHost(this.config.vpcCIDR, 200 + index), listeners, check, () => this.dataplane.vpc, this.clock.now + provisioningMs);
      this.loadBalancers.set(name, lb);
      this.gateway!.frontends.set(publicIP, lb);
      this.dataplane.topology.add(lb);
      this.record(caller, `CreateLoadBalancer name=${name} publicIP=${publicIP} ${describe}`, `state=provisioning publicIP=${publicIP} targets registered: ${targets.length}`);
    } else {
      const before = `${lb.listeners.map((l) => `${l.protocol}:${l.port}->${l.targetPort}`).join(',')} targets=${lb.targets.map((t) => t.node).join(',')} ${lb.healthCheck.protocol}${lb.healthCheck.port ?? ''}`;
      const after = `${listeners.map((l) => `${l.protocol}:${l.port}->${l.targetPort}`).join(',')} targets=${targets.map((t) => t.name).join(',')} ${check.protocol}${check.port ?? ''}`;
      if (before !== after) this.record(caller, `ModifyLoadBalancer name=${name} ${describe}`, `state=${lb.state(this.clock.now)} targets registered: ${targets.length}`);
      lb.listeners = listeners;
      lb.healthCheck = check;
    }
    lb.setTargets(targets);
    this.startHealthChecks();
    return lb;
  }

  /** A load balancer's state, as the cloud's API describes it (undefined when there is none). */
  describeLoadBalancer(name: string, caller: string): CloudLoadBalancer | undefined {
    const lb = this.loadBalancers.get(name);
    this.record(caller, `DescribeLoadBalancer name=${name}`, lb ? `state=${lb.state(this.clock.now)} publicIP=${lb.publicIP}` : 'LoadBalancerNotFound');
    return lb;
  }

  deleteLoadBalancer(name: string, caller: string): void {
    const lb = this.loadBalancers.get(name);
    if (!lb) return;
    this.loadBalancers.delete(name);
    this.gateway?.frontends.delete(lb.publicIP);
    this.publicIPs.delete(lb.publicIP);
    this.dataplane.topology.remove(lb);
    this.record(caller, `DeleteLoadBalancer name=${name}`, `deleted; publicIP=${lb.publicIP} released`);
  }

  private record(caller: string, call: string, answer: string): void {
    this.calls.push({ at: this.clock.now, caller, call, answer });
  }

  private allocatePublicIP(owner: string): string {
    const pool = parseCidr(this.config.cloud.publicAddressPool);
    for (let n = firstPublicHost; n < pool.size - 1; n++) {
      const ip = cidrHost(this.config.cloud.publicAddressPool, n);
      if (!this.publicIPs.has(ip)) {
        this.publicIPs.set(ip, owner);
        return ip;
      }
    }
    throw new Error(`the public address pool ${this.config.cloud.publicAddressPool} is exhausted`);
  }

  /** One round of health checks every interval, while any load balancer exists. */
  private startHealthChecks(): void {
    if (this.healthTimer) return;
    this.healthTimer = true;
    const interval = defaultHealthCheck.intervalMs;
    const round = () => {
      if (!this.loadBalancers.size) {
        this.healthTimer = false;
        return;
      }
      for (const lb of this.loadBalancers.values()) if (lb.state(this.clock.now) === 'active') for (const t of lb.targets) this.check(lb, t);
      this.clock.schedule(interval, round);
    };
    this.clock.schedule(0, round);
  }

  /** One health check of one target, through the network as a real check goes. */
  private check(lb: CloudLoadBalancer, target: Target): void {
    const hc = lb.healthCheck;
    const port = hc.port ?? lb.listeners[0]?.targetPort;
    if (port === undefined) return;
    const walk = this.dataplane.probe({ fromIP: lb.address, protocol: 'TCP', dstIP: target.ip, dstPort: port, sport: 40000 + (Math.floor(this.clock.now / 1000) % 20000) });
    if (walk.outcome !== 'established') {
      lb.observe(target, false, walk.outcome === 'refused' ? 'Connection refused' : 'Request timed out');
      return;
    }
    if (hc.protocol === 'TCP') return lb.observe(target, true, 'Health checks passed');
    const answer = walk.serverNode?.hostServers.get(`TCP/${port}`)?.http(hc.path ?? '/');
    const status = answer?.status ?? 404;
    lb.observe(target, status === 200, status === 200 ? 'Health checks passed' : `Health checks failed with these codes: [${status}]`);
  }
}
