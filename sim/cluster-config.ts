import { parse } from 'yaml';
import type { Labels } from './api/types';

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
  /** The Pod CIDR the node's Pods take their IPs from (Node.spec.podCIDR). */
  podCIDR: string;
  /** Extra Node labels, for nodeSelector (kubernetes.io/hostname and kubernetes.io/os are always set). */
  labels?: Labels;
}

export interface ClusterConfig {
  name: string;
  /** Kubernetes version the nodes report. */
  kubernetesVersion: string;
  /** The cloud network the nodes live in. */
  vpcCIDR: string;
  /** --service-cluster-ip-range; kubeadm's default is 10.96.0.0/12. */
  serviceCIDR: string;
  /** --cluster-cidr, split into one /24 per node. */
  clusterCIDR: string;
  /** The DNS domain of Services: kubelet's --cluster-domain, cluster.local by default. */
  clusterDomain: string;
  /** The CNI plugin; some (flannel) do not enforce NetworkPolicy at all. */
  cni: { name: string; enforcesNetworkPolicy: boolean };
  nodes: NodeConfig[];
}

// Defaults follow kubeadm: --service-cidr 10.96.0.0/12 and a 10.244.0.0/16 Pod network
// (kubernetes.io/docs/reference/setup-tools/kubeadm/kubeadm-init/).
export const defaultClusterConfig: ClusterConfig = {
  name: 'course',
  kubernetesVersion: 'v1.35.0',
  vpcCIDR: '10.0.0.0/16',
  serviceCIDR: '10.96.0.0/12',
  clusterCIDR: '10.244.0.0/16',
  clusterDomain: 'cluster.local',
  cni: { name: 'calico', enforcesNetworkPolicy: true },
  nodes: [1, 2, 3].map((n) => ({ name: `node-${n}`, ip: `10.0.1.${10 + n}`, podCIDR: `10.244.${n}.0/24` })),
};

/** Reads a cluster config written as YAML; missing fields take the defaults. */
export function parseClusterConfig(text: string): ClusterConfig {
  const raw = (parse(text) ?? {}) as Partial<ClusterConfig>;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error('cluster config: expected a YAML mapping');
  const config = { ...defaultClusterConfig, ...raw, cni: { ...defaultClusterConfig.cni, ...raw.cni } };
  if (!Array.isArray(config.nodes) || config.nodes.length === 0) throw new Error('cluster config: nodes: at least one node is required');
  for (const [i, n] of config.nodes.entries()) {
    if (!n?.name || !n.ip || !n.podCIDR) throw new Error(`cluster config: nodes[${i}]: name, ip and podCIDR are required`);
  }
  return config;
}
