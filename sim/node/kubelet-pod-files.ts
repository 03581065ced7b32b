import type { Pod } from '../api/types';
import type { ClusterConfig } from '../cluster-config';
import { cidrHost } from '../net/ip';
import { imageDirectories } from './programs/fs';

/**
 * The files the kubelet and the container runtime write into every container: /etc/hostname,
 * /etc/hosts and /etc/resolv.conf. The rest of a container's filesystem is the image's folders.
 */

/**
 * The cluster DNS Service's IP, which kubelets are configured with (--cluster-dns): kubeadm takes
 * the 10th address of the service CIDR (10.96.0.10 for 10.96.0.0/12).
 * Source: kubernetes/cmd/kubeadm/app/constants/constants.go, GetDNSIP (GetIndexedIP(svcSubnet, 10)).
 */
export function clusterDNSIP(config: ClusterConfig): string {
  return cidrHost(config.serviceCIDR, 10);
}

/** The Pod's hostname: spec.hostname, else its name (the kubelet truncates it to 63 characters). */
export function podHostname(pod: Pod): string {
  if (pod.spec.hostNetwork && pod.spec.nodeName) return pod.spec.nodeName;
  return (pod.spec.hostname ?? pod.metadata.name).slice(0, 63);
}

/**
 * /etc/resolv.conf. With dnsPolicy ClusterFirst (the default) the kubelet points the Pod at the
 * cluster DNS with the search path `<ns>.svc.<domain> svc.<domain> <domain>` and `options ndots:5`.
 * With dnsPolicy Default the Pod inherits the node's resolver: in the simulated VPC, as in AWS,
 * the resolver at the VPC network's base address + 2; so does a hostNetwork Pod with ClusterFirst
 * (only ClusterFirstWithHostNet gives it the cluster DNS). Policy None is not modelled.
 * Source: kubernetes/pkg/kubelet/network/dns/dns.go (generateSearchesForDNSClusterFirst,
 * defaultDNSOptions = ["ndots:5"]); the runtime writes search, nameserver, options lines in that order.
 */
export function resolvConf(pod: Pod, config: ClusterConfig): string {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const nodeResolver = policy === 'Default' || (pod.spec.hostNetwork && policy === 'ClusterFirst');
  if (nodeResolver) return `nameserver ${cidrHost(config.vpcCIDR, 2)}\n`;
  const ns = pod.metadata.namespace ?? 'default';
  const domain = config.clusterDomain;
  return `search ${ns}.svc.${domain} svc.${domain} ${domain}\nnameserver ${clusterDNSIP(config)}\noptions ndots:5\n`;
}

/**
 * /etc/hosts, the kubelet-managed hosts file: localhost entries, then the Pod's IP with its
 * hostname (its FQDN first when spec.subdomain is set).
 * Source: kubernetes/pkg/kubelet/kubelet_pods.go, managedHostsFileContent.
 */
export function managedHostsFile(pod: Pod, podIP: string, config: ClusterConfig): string {
  const host = podHostname(pod);
  const ns = pod.metadata.namespace ?? 'default';
  if (pod.spec.hostNetwork) {
    // The node's own hosts file, behind the kubelet's host-network header.
    return `# Kubernetes-managed hosts file (host network).\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${podIP}\t${host}\n`;
  }
  const names = pod.spec.subdomain ? `${host}.${pod.spec.subdomain}.${ns}.svc.${config.clusterDomain}\t${host}` : host;
  return [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    `${podIP}\t${names}`,
    '',
  ].join('\n');
}

/** A fresh container filesystem: the image's folders and the three files above. A restarted container gets a new one. */
export function containerFilesystem(pod: Pod, podIP: string, config: ClusterConfig): Map<string, string> {
  const fs = new Map<string, string>(imageDirectories.map((d) => [d, '']));
  fs.set('/etc/hostname', `${podHostname(pod)}\n`);
  fs.set('/etc/hosts', managedHostsFile(pod, podIP, config));
  fs.set('/etc/resolv.conf', resolvConf(pod, config));
  return fs;
}
