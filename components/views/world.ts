/**
 * The world around the cluster, as the map draws it: the internet and its hosts (the reader's
 * laptop, the echo host), the cloud's elements at the edge of the VPC (the internet gateway and the
 * public IPs it maps, the NAT gateway, the load balancers with their listeners and per-target
 * health), or, on bare metal, a plain LAN with the laptop on it. Plain data read from the engine's
 * cloud (sim/cloud/): nothing here is invented by the widget.
 */
import type { Cluster } from '../../sim/cluster';
import type { Target } from '../../sim/cloud/load-balancer';

export interface HostView {
  /** The element's name in traces: `laptop`, `echo`. */
  name: string;
  address: string;
  /** What the reader should know it as. */
  role: string;
}

export interface LoadBalancerView {
  /** The cloud's name for it (as traces name it). */
  name: string;
  /** The Service it was made for, `namespace/name`. */
  service: string;
  publicIP: string;
  /** Its address inside the VPC, where health checks come from. */
  address: string;
  /** `TCP:80 → 31051`, one per listener. */
  listeners: string[];
  /** `HTTP :31021/healthz` or `TCP to the NodePort`. */
  healthCheck: string;
  targets: Pick<Target, 'node' | 'ip' | 'health' | 'reason'>[];
}

export interface WorldView {
  /** Is there a cloud at all (false on bare metal)? */
  cloud: boolean;
  /** The provider's name (`simcloud`), or `none`. */
  provider: string;
  /** The nodes' network: the VPC, or the LAN on bare metal. */
  networkCIDR: string;
  /** `public`: nodes have public IPs; `private`: only through a NAT gateway, if any. */
  nodeSubnet: 'public' | 'private';
  /** Hosts on the internet (on bare metal, the echo host stays out of reach). */
  internet: HostView[];
  /** The reader's laptop. */
  laptop: HostView;
  /** The laptop sits on the nodes' LAN (bare metal) rather than on the internet. */
  laptopOnLan: boolean;
  /** The internet gateway's name, when the cloud has one. */
  gateway?: string;
  /** Node name → its public IP (nodes in a public subnet). */
  publicIPs: Record<string, string>;
  nat?: { name: string; address: string; publicIP: string };
  loadBalancers: LoadBalancerView[];
}

export function worldView(cluster: Cluster): WorldView {
  const cloud = cluster.cloud;
  const laptop = { name: cloud.laptop.name, address: cloud.laptop.address, role: 'your laptop' };
  const echo = cloud.internet.hosts.find((h) => h.name !== cloud.laptop.name);
  const publicIPs: Record<string, string> = {};
  for (const [name, host] of cluster.nodes) {
    const ip = cloud.gateway?.publicIPs.get(host.ip);
    if (ip) publicIPs[name] = ip;
  }
  return {
    cloud: cloud.enabled,
    provider: cluster.config.cloud.provider,
    networkCIDR: cluster.config.vpcCIDR,
    nodeSubnet: cluster.config.cloud.nodeSubnet,
    internet: echo ? [{ name: echo.name, address: echo.address, role: 'echo host: answers with the source IP it sees' }] : [],
    laptop,
    laptopOnLan: !cloud.enabled,
    gateway: cloud.gateway?.name,
    publicIPs,
    nat: cloud.natGateway && { name: cloud.natGateway.name, address: cloud.natGateway.address, publicIP: cloud.natGateway.publicIP },
    loadBalancers: [...cloud.loadBalancers.values()].map((lb) => ({
      name: lb.name,
      service: lb.service,
      publicIP: lb.publicIP,
      address: lb.address,
      listeners: lb.listeners.map((l) => `${l.protocol}:${l.port} → ${l.targetPort}`),
      healthCheck: lb.healthCheck.protocol === 'HTTP' ? `HTTP :${lb.healthCheck.port}${lb.healthCheck.path ?? ''}` : 'TCP to the NodePort',
      targets: lb.targets.map(({ node, ip, health, reason }) => ({ node, ip, health, reason })),
    })),
  };
}

/** A string that changes whenever what the world map draws changes (health checks write no API object). */
export function worldKey(world: WorldView): string {
  return JSON.stringify([world.loadBalancers.map((lb) => [lb.name, lb.listeners, lb.healthCheck, lb.targets.map((t) => t.node + t.health)]), world.publicIPs, world.nat?.publicIP]);
}

/** A place a request can go from the laptop or a Pod, on the world map. */
export interface WorldDestination {
  id: string;
  label: string;
  url: string;
}

/**
 * The world's addresses a request can go to: every node's NodePort of every NodePort or
 * LoadBalancer Service (at the node's public IP on a cloud, its LAN address on bare metal), each
 * load balancer's listener, the echo host.
 */
export function worldDestinations(nodes: { name: string; internalIP?: string }[], services: { name: string; ports: string }[], world: WorldView): WorldDestination[] {
  const out: WorldDestination[] = [];
  for (const lb of world.loadBalancers) {
    for (const l of lb.listeners) {
      const port = Number(/:(\d+)/.exec(l)?.[1]);
      out.push({ id: `lb:${lb.name}:${port}`, label: `load balancer ${lb.publicIP}:${port} (${lb.service})`, url: `http://${lb.publicIP}${port === 80 ? '' : `:${port}`}/` });
    }
  }
  for (const svc of services) {
    // kubectl's PORT(S): `80:30080/TCP`, one per port, comma-separated.
    for (const nodePort of svc.ports.split(',').map((p) => /^\d+:(\d+)\//.exec(p)?.[1]).filter(Boolean)) {
      for (const n of nodes) {
        const ip = world.cloud ? world.publicIPs[n.name] : n.internalIP;
        if (ip) out.push({ id: `nodeport:${n.name}:${nodePort}`, label: `${n.name}'s NodePort ${ip}:${nodePort} (Service ${svc.name})`, url: `http://${ip}:${nodePort}/` });
      }
    }
  }
  for (const h of world.internet) out.push({ id: `host:${h.name}`, label: `${h.name} host ${h.address}`, url: `http://${h.address}/` });
  return out;
}
