import { cloneJson } from '../core/store';
import type { ConfiguredContext } from '../cluster-config';
import type { KubeObject, Service, ServicePort } from './types';
import { ApiError } from '../core/api-error';
import { cidrContains, intToIp, ipToInt, isIPv4, parseCidr } from '../net/ip';

/**
 * The API server's Service allocators, run as an admission step on every Service write: a ClusterIP
 * from --service-cluster-ip-range, a nodePort from --service-node-port-range for NodePort and
 * LoadBalancer Services, and a healthCheckNodePort from the same range for a LoadBalancer with
 * externalTrafficPolicy Local. What is allocated is read back from the stored Services themselves, so an
 * address is free again the moment its Service is gone.
 *
 * Both ranges are split as KEP-3070 (IPs) and KEP-3668 (ports) describe: a lower "static" band that
 * dynamic allocation uses only when the upper band is full, so that hand-picked values (kube-dns's
 * 10.96.0.10) rarely collide. Dynamic allocation starts at a random offset in the upper band and walks
 * up, wrapping. Sources: pkg/registry/core/service/ipallocator/ipallocator.go (allocateNextService),
 * bitmap.go and portallocator/allocator.go (calculateRangeOffset), storage/alloc.go (error wording).
 */
export class ServiceAllocator {
  /** --service-node-port-range, from the cluster config (default 30000-32767). */
  private readonly nodePortRange: { base: number; size: number };

  constructor(private readonly cluster: ConfiguredContext) {
    const [low, high] = cluster.config.serviceNodePortRange.split('-').map(Number);
    this.nodePortRange = { base: low, size: high - low + 1 };
  }

  /** Registers the admission step on the API store. */
  install(): void {
    this.cluster.store.addAdmission('Service', (obj, old) => this.admit(obj as Service, old as Service | undefined));
  }

  private admit(svc: Service, old: Service | undefined): void {
    // A writer that passes the stored spec back (a status write) hands over frozen parts: work on a copy.
    if (svc.spec && Object.isFrozen(svc.spec)) svc.spec = cloneJson(svc.spec);
    svc.spec ??= {};
    svc.spec.type ??= 'ClusterIP';
    this.admitClusterIP(svc, old);
    this.admitNodePorts(svc, old);
    this.admitHealthCheckNodePort(svc, old);
  }

  // ---- ClusterIP ----------------------------------------------------------------------------------

  private admitClusterIP(svc: Service, old: Service | undefined): void {
    const spec = svc.spec;
    if (spec.type === 'ExternalName') {
      delete spec.clusterIP;
      delete spec.clusterIPs;
      return;
    }
    const requested = spec.clusterIP || spec.clusterIPs?.[0] || '';
    const previous = old?.spec.clusterIP;
    if (previous && previous !== 'None') {
      if (requested && requested !== previous) {
        throw invalid(svc, [
          `spec.clusterIPs[0]: Invalid value: []string{"${requested}"}: may not change once set`,
          `spec.clusterIP: Invalid value: "${requested}": field is immutable`,
        ]);
      }
      setClusterIP(svc, previous);
      return;
    }
    if (requested === 'None') return setClusterIP(svc, 'None');
    if (requested) return setClusterIP(svc, this.allocateStatic(svc, requested));
    setClusterIP(svc, this.allocateNext(svc));
  }

  private allocateStatic(svc: Service, ip: string): string {
    const fail = (reason: string) =>
      invalid(svc, [`spec.clusterIPs: Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: ${reason}`]);
    if (!isIPv4(ip)) {
      throw invalid(svc, [`spec.clusterIPs[0]: Invalid value: "${ip}": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`]);
    }
    const range = this.ipRange();
    const n = ipToInt(ip);
    // With the MultiCIDRServiceAllocator (GA in 1.33), an address outside every ServiceCIDR has no
    // allocator: ErrMismatchedNetwork (ipallocator/interfaces.go).
    if (!cidrContains(this.cluster.config.serviceCIDR, ip) || n < range.first || n > range.last) {
      throw fail('the provided network does not match the current range');
    }
    if (this.usedIPs(svc).has(n)) throw fail('provided IP is already allocated');
    return ip;
  }

  private allocateNext(svc: Service): string {
    const range = this.ipRange();
    const used = this.usedIPs(svc);
    const n = scanBands(range.first, range.last - range.first + 1, range.offset, (v) => !used.has(v), this.cluster.rng.stream('service-ips'));
    if (n === undefined) {
      throw new ApiError('InternalError', 'Internal error occurred: failed to allocate a serviceIP: range is full');
    }
    return intToIp(n);
  }

  /** Usable addresses of the service CIDR (no network, no broadcast) and the static band's size. */
  private ipRange(): { first: number; last: number; offset: number } {
    const cidr = parseCidr(this.cluster.config.serviceCIDR);
    // calculateRangeOffset: min(max(16, size/16), 256), 0 for ranges of 16 addresses or fewer.
    const offset = cidr.size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(cidr.size / 16)), 256);
    return { first: cidr.base + 1, last: cidr.base + cidr.size - 2, offset };
  }

  /** Addresses held by every other stored Service. */
  private usedIPs(svc: Service): Set<number> {
    const used = new Set<number>();
    for (const other of this.cluster.store.list<Service>('Service')) {
      if (sameObject(other, svc)) continue;
      for (const ip of other.spec.clusterIPs ?? [other.spec.clusterIP ?? '']) if (isIPv4(ip)) used.add(ipToInt(ip));
    }
    return used;
  }

  // ---- NodePort -----------------------------------------------------------------------------------

  private admitNodePorts(svc: Service, old: Service | undefined): void {
    const spec = svc.spec;
    const ports = spec.ports ?? [];
    if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') {
      for (const p of ports) delete p.nodePort;
      return;
    }
    const used = this.usedNodePorts(svc);
    const { base, size } = this.nodePortRange;
    ports.forEach((port, i) => {
      const kept = old?.spec.ports?.find((o) => samePort(o, port))?.nodePort;
      const wanted = port.nodePort ?? kept;
      if (wanted !== undefined) {
        const fail = (reason: string) => invalid(svc, [`spec.ports[${i}].nodePort: Invalid value: ${wanted}: ${reason}`]);
        if (wanted < base || wanted >= base + size) {
          throw fail(`provided port is not in the valid range. The range of valid ports is ${base}-${base + size - 1}`);
        }
        if (used.has(wanted) && wanted !== kept) throw fail('provided port is already allocated');
        port.nodePort = wanted;
      } else {
        port.nodePort = this.nextNodePort(used);
      }
      used.add(port.nodePort);
    });
  }

  private nextNodePort(used: Set<number>): number {
    const { base, size } = this.nodePortRange;
    // calculateRangeOffset for ports: min(max(16, size/32), 128).
    const offset = size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 32)), 128);
    const next = scanBands(base, size, offset, (v) => !used.has(v), this.cluster.rng.stream('node-ports'));
    if (next === undefined) throw new ApiError('InternalError', 'Internal error occurred: failed to allocate a nodePort: range is full');
    return next;
  }

  /**
   * A LoadBalancer with externalTrafficPolicy Local gets a healthCheckNodePort (kept across updates,
   * or the one asked for); any other Service has none. Source: pkg/registry/core/service/storage/alloc.go
   * (allocHealthCheckNodePort, needsHCNodePort) and pkg/api/service/util.go (NeedsHealthCheck).
   */
  private admitHealthCheckNodePort(svc: Service, old: Service | undefined): void {
    const spec = svc.spec;
    if (spec.type !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local') {
      delete spec.healthCheckNodePort;
      return;
    }
    const kept = old?.spec.type === 'LoadBalancer' && old.spec.externalTrafficPolicy === 'Local' ? old.spec.healthCheckNodePort : undefined;
    const wanted = spec.healthCheckNodePort || kept;
    const used = this.usedNodePorts(svc);
    for (const p of spec.ports ?? []) if (p.nodePort) used.add(p.nodePort);
    if (wanted) {
      const { base, size } = this.nodePortRange;
      const fail = (reason: string) => invalid(svc, [`spec.healthCheckNodePort: Invalid value: ${wanted}: ${reason}`]);
      if (wanted < base || wanted >= base + size) throw fail(`provided port is not in the valid range. The range of valid ports is ${base}-${base + size - 1}`);
      if (used.has(wanted) && wanted !== kept) throw fail('provided port is already allocated');
      spec.healthCheckNodePort = wanted;
      return;
    }
    spec.healthCheckNodePort = this.nextNodePort(used);
  }

  private usedNodePorts(svc: Service): Set<number> {
    const used = new Set<number>();
    for (const other of this.cluster.store.list<Service>('Service')) {
      if (sameObject(other, svc)) continue;
      for (const p of other.spec.ports ?? []) if (p.nodePort) used.add(p.nodePort);
      if (other.spec.healthCheckNodePort) used.add(other.spec.healthCheckNodePort);
    }
    return used;
  }
}

/**
 * Picks a free value in [first, first+size): from a random start in the upper band [offset, size),
 * walking up and wrapping inside the band; then the same in the lower band [0, offset).
 */
function scanBands(
  first: number,
  size: number,
  offset: number,
  free: (v: number) => boolean,
  rng: { int(n: number): number },
): number | undefined {
  const scan = (from: number, len: number): number | undefined => {
    if (len <= 0) return undefined;
    const start = rng.int(len);
    for (let i = 0; i < len; i++) {
      const v = first + from + ((start + i) % len);
      if (free(v)) return v;
    }
    return undefined;
  };
  return scan(offset, size - offset) ?? scan(0, offset);
}

function setClusterIP(svc: Service, ip: string): void {
  svc.spec.clusterIP = ip;
  svc.spec.clusterIPs = [ip];
  if (ip !== 'None') {
    svc.spec.ipFamilies ??= ['IPv4'];
    svc.spec.ipFamilyPolicy ??= 'SingleStack';
  }
}

function samePort(a: ServicePort, b: ServicePort): boolean {
  return a.port === b.port && (a.protocol ?? 'TCP') === (b.protocol ?? 'TCP');
}

function sameObject(a: KubeObject, b: KubeObject): boolean {
  return a.metadata.namespace === b.metadata.namespace && a.metadata.name === b.metadata.name;
}

/** The Invalid error kubectl prints as `The Service "web" is invalid: …` (one cause inline, several as a list). */
function invalid(svc: Service, causes: string[]): ApiError {
  return ApiError.invalid(svc, causes);
}
