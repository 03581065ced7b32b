/**
 * A machine running Docker Engine with its default bridge network, to set beside a Kubernetes
 * node (claim C5): containers get addresses from 172.17.0.0/16 on the docker0 bridge, an address
 * that means nothing outside the machine (every Docker host uses the same range), and a port is
 * reachable from elsewhere only when `docker run -p HOST:CONTAINER` publishes it, which writes
 * Docker's nat rules: a DNAT in the DOCKER chain, and MASQUERADE for the bridge's subnet.
 *
 * The rules are the ones Docker Engine writes with its iptables backend and the userland proxy
 * on (the default), as moby's own generated table documents them
 * (moby/moby integration/network/bridge/iptablesdoc/generated/usernet-portmap.md, docker0 part):
 *   -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
 *   -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
 *   -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
 *   -A DOCKER -i docker0 -j RETURN
 *   -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
 * Only the nat table is modelled: the filter table's DOCKER-* chains accept what is shown here.
 */
import { cidrHost } from '../net/ip';
import { emptyTable, rule, type Chain, type Table } from '../net/netfilter';
import type { Protocol } from '../net/packet';

/** The default bridge's network and interface (Docker's default-address-pools start here). */
export const dockerBridgeCIDR = '172.17.0.0/16';
export const dockerBridge = 'docker0';

export interface PublishedPort {
  hostPort: number;
  containerPort: number;
  protocol: Protocol;
}

export interface DockerContainer {
  name: string;
  image: string;
  /** Its address on docker0: 172.17.0.2 for the first container, as Docker's IPAM hands them out. */
  ip: string;
  /** Ports the container's process listens on, `TCP/80`. */
  listening: Set<string>;
  published: PublishedPort[];
}

export class DockerHost {
  readonly nat: Table = emptyTable('nat');
  readonly containers: DockerContainer[] = [];

  constructor(
    /** The machine's name. */
    readonly name: string,
    /** Its address on the network the machines share (eth0). */
    readonly ip: string,
  ) {
    const chains = this.nat.chains;
    const docker: Chain = { name: 'DOCKER', rules: [rule({ t: 'RETURN' }, { m: 'iface', dir: 'in', name: dockerBridge })] };
    chains.set('DOCKER', docker);
    chains.get('PREROUTING')!.rules.push(rule({ t: 'jump', chain: 'DOCKER' }, { m: 'addrtype', dir: 'dst', type: 'LOCAL' }));
    chains.get('OUTPUT')!.rules.push(rule({ t: 'jump', chain: 'DOCKER' }, { m: 'dst', cidr: '127.0.0.0/8', invert: true }, { m: 'addrtype', dir: 'dst', type: 'LOCAL' }));
    chains.get('POSTROUTING')!.rules.push(rule({ t: 'MASQUERADE' }, { m: 'src', cidr: dockerBridgeCIDR }, { m: 'iface', dir: 'out', name: dockerBridge, invert: true }));
  }

  /** The bridge's own address, the containers' default gateway: 172.17.0.1. */
  get gateway(): string {
    return cidrHost(dockerBridgeCIDR, 1);
  }

  /**
   * `docker run -d --name NAME [-p HOST:CONTAINER] IMAGE`: the container gets the next free
   * address on docker0; each published port adds its DNAT rule to the DOCKER chain.
   */
  run(opts: { name: string; image: string; listen?: number[]; publish?: { hostPort: number; containerPort: number }[] }): DockerContainer {
    const container: DockerContainer = {
      name: opts.name,
      image: opts.image,
      ip: cidrHost(dockerBridgeCIDR, 2 + this.containers.length),
      listening: new Set((opts.listen ?? []).map((p) => `TCP/${p}`)),
      published: (opts.publish ?? []).map((p) => ({ ...p, protocol: 'TCP' as const })),
    };
    this.containers.push(container);
    for (const p of container.published) {
      this.nat.chains.get('DOCKER')!.rules.push(
        rule({ t: 'DNAT', to: `${container.ip}:${p.containerPort}` }, { m: 'iface', dir: 'in', name: dockerBridge, invert: true }, { m: 'proto', protocol: 'TCP' }, { m: 'port', protocol: 'TCP', dport: p.hostPort }),
      );
    }
    return container;
  }

  container(ip: string): DockerContainer | undefined {
    return this.containers.find((c) => c.ip === ip);
  }
}
