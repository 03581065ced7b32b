import { parse } from 'yaml';
import type { ComponentContext } from './core/component';
import type { Labels } from './core/object';
import { cidrContains, intToIp, isIPv4, parseCidr } from './net/ip';

/**
 * The shape of a simulated cluster: what `kubeadm init` flags and the cloud's VPC decide before any
 * object exists. Written as YAML (see scenarios/cluster-default.yaml) and passed to the CLI with
 * `--cluster FILE`.
 */
export interface NodeConfig {
  /** The Node object's name and hostname. */
  name: string;
  /** The node's InternalIP, inside `vpcCIDR`. */
  ip: string;
  /** The Pod CIDR the node's Pods take their IPs from (Node.spec.podCIDR); in a file, defaults to the N-th /24 of clusterCIDR. */
  podCIDR: string;
  /** Extra Node labels, for nodeSelector (kubernetes.io/hostname and kubernetes.io/os are always set). */
  labels?: Labels;
}

/**
 * The cloud the cluster runs on. The simulator's cloud is invented (its API, its load balancers'
 * names): it stands for what every provider offers, a VPC with a route table, an internet gateway,
 * NAT gateways, load balancers with public IPs and health checks.
 */
export interface CloudConfig {
  /** The provider's name, or `none` for bare metal (kind, minikube): no load balancer, EXTERNAL-IP stays `<pending>`. */
  provider: string;
  /** Public addresses the cloud hands out: load balancers', nodes' (in a public subnet) and the NAT gateway's. */
  publicAddressPool: string;
  /**
   * `public`: every node has a public IP, and the subnet's default route goes to the internet gateway.
   * `private`: nodes have no public IP; the default route goes to the NAT gateway if there is one, else nowhere.
   */
  nodeSubnet: 'public' | 'private';
  /** A NAT gateway (in a public subnet, with its own public IP) for nodes in a private subnet. */
  natGateway: boolean;
}

export interface ClusterConfig {
  name: string;
  /** Kubernetes version the nodes report. */
  kubernetesVersion: string;
  /** The cloud network the nodes live in. */
  vpcCIDR: string;
  /** --service-cluster-ip-range; kubeadm's default is 10.96.0.0/12. */
  serviceCIDR: string;
  /** kube-apiserver --service-node-port-range, `LOW-HIGH` (default 30000-32767). */
  serviceNodePortRange: string;
  /** --cluster-cidr, split into one /24 per node. */
  clusterCIDR: string;
  /** The DNS domain of Services: kubelet's --cluster-domain, cluster.local by default. */
  clusterDomain: string;
  /** The CNI plugin; some (flannel) do not enforce NetworkPolicy at all. */
  cni: { name: string; enforcesNetworkPolicy: boolean };
  cloud: CloudConfig;
  nodes: NodeConfig[];
}

/** No cloud: nodes on a plain network (kind, minikube, bare metal). */
export const noCloud: CloudConfig = { provider: 'none', publicAddressPool: '', nodeSubnet: 'private', natGateway: false };

// Defaults follow kubeadm: --service-cidr 10.96.0.0/12 and a 10.244.0.0/16 Pod network
// (kubernetes.io/docs/reference/setup-tools/kubeadm/kubeadm-init/).
export const defaultClusterConfig: ClusterConfig = {
  name: 'course',
  kubernetesVersion: 'v1.35.0',
  vpcCIDR: '10.0.0.0/16',
  serviceCIDR: '10.96.0.0/12',
  // kube-apiserver's --service-node-port-range default.
  serviceNodePortRange: '30000-32767',
  clusterCIDR: '10.244.0.0/16',
  clusterDomain: 'cluster.local',
  cni: { name: 'calico', enforcesNetworkPolicy: true },
  // 203.0.113.0/24 is TEST-NET-3 (RFC 5737): addresses for documentation, never routed for real.
  cloud: { provider: 'simcloud', publicAddressPool: '203.0.113.0/24', nodeSubnet: 'public', natGateway: false },
  nodes: [1, 2, 3].map((n) => ({ name: `node-${n}`, ip: `10.0.1.${10 + n}`, podCIDR: `10.244.${n}.0/24` })),
};

/** Fields a cluster config file may set; anything else is a typo and is refused. */
const configFields = ['name', 'kubernetesVersion', 'vpcCIDR', 'serviceCIDR', 'serviceNodePortRange', 'clusterCIDR', 'clusterDomain', 'cni', 'cloud', 'nodes'];
const cloudFields = ['provider', 'publicAddressPool', 'nodeSubnet', 'natGateway'];
const nodeFields = ['name', 'ip', 'podCIDR', 'labels'];

/**
 * Reads a cluster config written as YAML (format: the ClusterConfig interface above; examples in
 * sim/scenarios/cluster-*.yaml). Missing fields take the defaults; a node without `podCIDR` gets
 * the N-th /24 of `clusterCIDR` (node N of the list, counting from 1), as the node IPAM
 * controller hands them out. Throws one message naming every problem; nothing is half-read.
 */
export function parseClusterConfig(text: string): ClusterConfig {
  const raw: unknown = parse(text) ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('cluster config: expected a YAML mapping');
  const input = raw as Partial<ClusterConfig> & Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(input)) if (!configFields.includes(key)) errors.push(`unknown field "${key}"`);
  const cloud = input.cloud?.provider === 'none' ? { ...noCloud, ...input.cloud } : { ...defaultClusterConfig.cloud, ...input.cloud };
  const config: ClusterConfig = { ...defaultClusterConfig, ...input, cni: { ...defaultClusterConfig.cni, ...input.cni }, cloud };
  for (const field of ['vpcCIDR', 'serviceCIDR', 'clusterCIDR'] as const) {
    if (!validCidr(config[field])) errors.push(`${field}: invalid CIDR "${String(config[field])}"`);
  }
  checkNodePortRange(config.serviceNodePortRange, errors);
  checkCloud(input.cloud ?? {}, cloud, errors);
  if (!Array.isArray(input.nodes ?? config.nodes) || config.nodes.length === 0) errors.push('nodes: at least one node is required');
  if (errors.length === 0) config.nodes = config.nodes.map((n, i) => checkNode(config, n, i, errors));
  if (errors.length === 0 && overlaps(config.serviceCIDR, config.clusterCIDR)) errors.push(`serviceCIDR ${config.serviceCIDR} overlaps clusterCIDR ${config.clusterCIDR}`);
  if (errors.length) throw new Error(`cluster config: ${errors.join('; ')}`);
  return config;
}

function checkNode(config: ClusterConfig, node: Partial<NodeConfig> | null, i: number, errors: string[]): NodeConfig {
  const at = `nodes[${i}]`;
  if (typeof node !== 'object' || node === null) {
    errors.push(`${at}: expected a mapping with name and ip`);
    return node as unknown as NodeConfig;
  }
  for (const key of Object.keys(node)) if (!nodeFields.includes(key)) errors.push(`${at}: unknown field "${key}"`);
  const cluster = parseCidr(config.clusterCIDR);
  const podCIDR = node.podCIDR ?? `${intToIp(cluster.base + (i + 1) * 256)}/24`;
  if (!node.name || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(node.name)) errors.push(`${at}.name: "${node.name ?? ''}" is not a valid node name (lowercase letters, digits, '-' and '.')`);
  if (!node.ip || !isIPv4(node.ip)) errors.push(`${at}.ip: invalid IP address "${node.ip ?? ''}"`);
  else if (!cidrContains(config.vpcCIDR, node.ip)) errors.push(`${at}.ip: ${node.ip} is outside vpcCIDR ${config.vpcCIDR}`);
  if (!validCidr(podCIDR)) errors.push(`${at}.podCIDR: invalid CIDR "${podCIDR}"`);
  else if (!within(podCIDR, config.clusterCIDR)) errors.push(`${at}.podCIDR: ${podCIDR} is outside clusterCIDR ${config.clusterCIDR}`);
  const previous = config.nodes.slice(0, i);
  if (previous.some((p) => p?.name === node.name)) errors.push(`${at}.name: duplicate node name "${node.name}"`);
  if (previous.some((p) => p?.ip === node.ip)) errors.push(`${at}.ip: ${node.ip} is already used by another node`);
  if (validCidr(podCIDR) && previous.some((p, j) => overlaps(p?.podCIDR ?? `${intToIp(cluster.base + (j + 1) * 256)}/24`, podCIDR))) {
    errors.push(`${at}.podCIDR: ${podCIDR} overlaps another node's podCIDR`);
  }
  return { ...node, podCIDR } as NodeConfig;
}

/** `LOW-HIGH`, as kube-apiserver's --service-node-port-range takes it (utilnet.ParsePortRange). */
function checkNodePortRange(range: unknown, errors: string[]): void {
  const m = typeof range === 'string' ? /^(\d+)-(\d+)$/.exec(range) : null;
  const [low, high] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || low < 1 || high > 65535 || low > high) errors.push(`serviceNodePortRange: invalid port range "${String(range)}" (expected LOW-HIGH within 1-65535)`);
}

function checkCloud(input: Partial<CloudConfig>, cloud: CloudConfig, errors: string[]): void {
  for (const key of Object.keys(input)) if (!cloudFields.includes(key)) errors.push(`cloud: unknown field "${key}"`);
  if (typeof cloud.provider !== 'string' || !cloud.provider) errors.push('cloud.provider: a provider name, or none');
  if (cloud.provider !== 'none' && !validCidr(cloud.publicAddressPool)) errors.push(`cloud.publicAddressPool: invalid CIDR "${String(cloud.publicAddressPool)}"`);
  if (cloud.nodeSubnet !== 'public' && cloud.nodeSubnet !== 'private') errors.push(`cloud.nodeSubnet: "${String(cloud.nodeSubnet)}" is neither public nor private`);
  if (typeof cloud.natGateway !== 'boolean') errors.push('cloud.natGateway: true or false');
}

function validCidr(cidr: unknown): cidr is string {
  if (typeof cidr !== 'string' || !cidr.includes('/')) return false;
  try {
    parseCidr(cidr);
    return isIPv4(cidr.split('/')[0]);
  } catch {
    return false;
  }
}

function within(inner: string, outer: string): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  return a.base >= b.base && a.base + a.size <= b.base + b.size;
}

function overlaps(x: string, y: string): boolean {
  const a = parseCidr(x);
  const b = parseCidr(y);
  return a.base < b.base + b.size && b.base < a.base + a.size;
}

/** What a component that reads the cluster's shape (CIDRs, nodes, CNI, domain) is given. */
export type ConfiguredContext = ComponentContext & { readonly config: ClusterConfig };
