/**
 * kube-proxy's chain names, pure functions of the service port and endpoint, exactly as
 * pkg/proxy/iptables/proxier.go computes them, so a reader comparing with a real node sees the
 * same names:
 *
 * - portProtoHash(name, proto) = first 16 characters of base32(sha256(name + proto)), standard
 *   alphabet with padding (Go's base32.StdEncoding); `name` is the ServicePortName's String(),
 *   `namespace/name:port` (`namespace/name` when the port has no name), `proto` in lower case;
 * - KUBE-SVC- / KUBE-EXT- + portProtoHash;
 * - KUBE-SEP- + first 16 of base32(sha256(name + proto + endpoint)), endpoint as `ip:port`.
 *
 * Not cached: hashing a name (about half a microsecond) costs little more than looking it up, while
 * a cache keeps every name ever seen, and filling it (thousands of keys and entries kept) was much of
 * the garbage collector's work in a cold full sync.
 */
import { hash16 } from './kube-proxy-hash';

/** proxy.ServicePortName.String(): `ns/svc:port`, or `ns/svc` for an unnamed port. */
export function servicePortName(namespace: string, name: string, port: string | undefined): string {
  return `${namespace}/${name}${port ? `:${port}` : ''}`;
}

/** portProtoHash in proxier.go: the hash shared by a service port's KUBE-SVC, -SVL, -EXT and -FW chains. */
function portProtoHash(svcPortName: string, protocol: string): string {
  return hash16(svcPortName + protocol.toLowerCase());
}

/** The KUBE-SVC-* chain of a service port (Cluster traffic policy). */
export function servicePortPolicyClusterChain(svcPortName: string, protocol: string): string {
  return `KUBE-SVC-${portProtoHash(svcPortName, protocol)}`;
}

/** The KUBE-EXT-* chain of a service port: where NodePort (external) traffic enters. */
export function serviceExternalChainName(svcPortName: string, protocol: string): string {
  return `KUBE-EXT-${portProtoHash(svcPortName, protocol)}`;
}

/** A service port's own chains, from one hash: kube-proxy's newServiceInfo also names them once. */
export interface ServicePortChains {
  /** KUBE-SVC-*: the Cluster traffic policy's endpoints. */
  clusterPolicy: string;
  /** KUBE-SVL-*: the node-local endpoints (Local traffic policy). */
  localPolicy: string;
  /** KUBE-EXT-*: where NodePort (external) traffic enters. */
  external: string;
  /** KUBE-FW-*: the loadBalancerSourceRanges. */
  firewall: string;
}

export function servicePortChains(svcPortName: string, protocol: string): ServicePortChains {
  const hash = portProtoHash(svcPortName, protocol);
  return { clusterPolicy: `KUBE-SVC-${hash}`, localPolicy: `KUBE-SVL-${hash}`, external: `KUBE-EXT-${hash}`, firewall: `KUBE-FW-${hash}` };
}

/** The KUBE-SEP-* chain of one endpoint of a service port; `endpoint` is `ip:port`. */
export function servicePortEndpointChainName(svcPortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(svcPortName + protocol.toLowerCase() + endpoint)}`;
}

/**
 * The probability kube-proxy writes for the i-th of n endpoints' rule: 1/(n-i), as
 * `fmt.Sprintf("%0.10f", 1.0/float64(n))` (computeProbability in proxier.go).
 */
export function probability(n: number): string {
  return (1 / n).toFixed(10);
}
