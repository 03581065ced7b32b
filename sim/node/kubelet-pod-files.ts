import type { MountedFs } from './mounted-fs';
import type { Pod } from '../api/types';
import type { ClusterConfig } from '../cluster-config';
import { cidrHost } from '../net/ip';
import { imageDirectories } from './programs/fs';
import { maxDNSNameservers, maxDNSSearchListChars, maxDNSSearchPaths } from '../api/validation/pod-dns';

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
 * The hostname the container's kernel reports (`hostname`, /etc/hostname): the short hostname,
 * or with setHostnameAsFQDN and a subdomain the Pod's FQDN `<hostname>.<subdomain>.<ns>.svc.<zone>`
 * (which must fit the kernel's 64 characters: see fqdnTooLong).
 * Source: pkg/kubelet/kubelet_pods.go GeneratePodHostNameAndDomain, pkg/kubelet/util GetNodenameForKernel.
 */
export function kernelHostname(pod: Pod, config: ClusterConfig): string {
  const host = podHostname(pod);
  if (!pod.spec.setHostnameAsFQDN || !pod.spec.subdomain || pod.spec.hostNetwork) return host;
  return `${host}.${pod.spec.subdomain}.${pod.metadata.namespace ?? 'default'}.svc.${config.clusterDomain}`;
}

/** Why the kubelet cannot set a setHostnameAsFQDN Pod's hostname: an FQDN longer than the kernel's nodename field (64). Source: pkg/kubelet/util GetNodenameForKernel. */
export function fqdnTooLong(pod: Pod, config: ClusterConfig): string | undefined {
  const fqdn = kernelHostname(pod, config);
  if (fqdn.length <= 64) return undefined;
  return `failed to construct FQDN from pod hostname and cluster domain, FQDN ${fqdn} is too long (64 characters is the max, ${fqdn.length} characters requested)`;
}

/** The address of the VPC's DNS resolver, which nodes use: the network's base address + 2 (AWS's AmazonProvidedDNS). */
export function vpcResolver(config: ClusterConfig): string {
  return cidrHost(config.vpcCIDR, 2);
}

/** The node's own resolver configuration (the kubelet's --resolv-conf): in the simulated VPC, as in AWS, the resolver at the VPC network's base address + 2. */
export function nodeResolvConf(config: ClusterConfig): string {
  return `nameserver ${vpcResolver(config)}\n`;
}

/** A resolver configuration: what the kubelet hands the runtime for a Pod's sandbox. */
export interface PodDnsSettings {
  servers: string[];
  searches: string[];
  options: string[];
}

const unique = (xs: string[]) => [...new Set(xs)];

/**
 * The Pod's DNS settings as the kubelet forms them (Configurer.GetPodDNS). ClusterFirst (the
 * default) and ClusterFirstWithHostNet: the cluster DNS as the only nameserver, the search path
 * `<ns>.svc.<zone> svc.<zone> <zone>` then the node's, `options ndots:5`; Default, and
 * ClusterFirst for a hostNetwork Pod: the node's resolv.conf; None: nothing. Then dnsConfig is
 * appended: nameservers and searches without duplicates, options merged by name (dnsConfig's
 * value wins). Finally the limits: at most 3 nameservers, 32 search domains and 2048 characters
 * (the kubelet drops the rest and records a DNSConfigForming warning: see dnsConfigWarnings).
 * Options keep their order here; the kubelet rebuilds them from a Go map, in no fixed order.
 * Source: kubernetes/pkg/kubelet/network/dns/dns.go.
 */
export function podDnsSettings(pod: Pod, config: ClusterConfig): PodDnsSettings {
  return fitLimits(mergedDnsSettings(pod, config)).fitted;
}

/** The Pod's DNS settings before the limits. */
function mergedDnsSettings(pod: Pod, config: ClusterConfig): PodDnsSettings {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const host = hostDnsSettings(config);
  let dns: PodDnsSettings;
  if (policy === 'None') dns = { servers: [], searches: [], options: [] };
  else if (policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec.hostNetwork)) {
    const ns = pod.metadata.namespace ?? 'default';
    const domain = config.clusterDomain;
    dns = { servers: [clusterDNSIP(config)], searches: unique([`${ns}.svc.${domain}`, `svc.${domain}`, domain, ...host.searches]), options: ['ndots:5'] };
  } else dns = host;
  const extra = pod.spec.dnsConfig;
  if (extra) {
    const options = new Map(dns.options.map((o) => [o.split(':')[0], o.includes(':') ? o.slice(o.indexOf(':') + 1) : '']));
    for (const o of extra.options ?? []) if (o.name) options.set(o.name, o.value ?? '');
    dns = {
      servers: unique([...dns.servers, ...(extra.nameservers ?? [])]),
      searches: unique([...dns.searches, ...(extra.searches ?? [])]),
      options: [...options].map(([name, value]) => (value ? `${name}:${value}` : name)),
    };
  }
  return dns;
}

/** formDNSConfigFitsLimits: the settings cut to the limits, and the warnings the kubelet records when it cut something. */
function fitLimits(dns: PodDnsSettings): { fitted: PodDnsSettings; warnings: string[] } {
  const warnings: string[] = [];
  const servers = dns.servers.slice(0, maxDNSNameservers);
  if (servers.length < dns.servers.length) {
    warnings.push(`Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${servers.join(' ')}`);
  }
  let searches = dns.searches.slice(0, maxDNSSearchPaths).filter((d) => d.length <= 253);
  while (searches.join(' ').length > maxDNSSearchListChars) searches = searches.slice(0, -1);
  if (searches.length < dns.searches.length) {
    warnings.push(`Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${searches.join(' ')}`);
  }
  return { fitted: { servers, searches, options: dns.options }, warnings };
}

/** The DNSConfigForming warnings the kubelet records on the Pod when it forms its DNS settings (at sandbox creation). */
export function dnsConfigWarnings(pod: Pod, config: ClusterConfig): string[] {
  return fitLimits(mergedDnsSettings(pod, config)).warnings;
}

/**
 * The node's resolver settings, parsed once per cluster configuration: every Pod's sandbox and
 * container start asks for them. Shared, so read only.
 */
const hostSettings = new WeakMap<ClusterConfig, PodDnsSettings>();
function hostDnsSettings(config: ClusterConfig): PodDnsSettings {
  let dns = hostSettings.get(config);
  if (!dns) hostSettings.set(config, (dns = parseHostResolvConf(nodeResolvConf(config))));
  return dns;
}

/** The kubelet's parseResolvConf: nameserver lines accumulate, the last search and options lines win. */
function parseHostResolvConf(text: string): PodDnsSettings {
  const dns: PodDnsSettings = { servers: [], searches: [], options: [] };
  for (const line of text.split('\n')) {
    const [key, ...fields] = line.trim().split(/\s+/);
    if (key === 'nameserver' && fields[0]) dns.servers.push(fields[0]);
    if (key === 'search') dns.searches = fields.map((f) => f.replace(/\.$/, ''));
    if (key === 'options') dns.options = fields;
  }
  return dns;
}

/** /etc/resolv.conf as containerd writes it from the Pod's DNS settings: search, nameserver, options lines in that order. */
export function resolvConf(pod: Pod, config: ClusterConfig): string {
  const { servers, searches, options } = podDnsSettings(pod, config);
  return (searches.length ? `search ${searches.join(' ')}\n` : '') + servers.map((s) => `nameserver ${s}\n`).join('') + (options.length ? `options ${options.join(' ')}\n` : '');
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

/** Writes a fresh container filesystem's own files: the image's folders and the three files above. */
export function writeContainerFiles(fs: MountedFs, pod: Pod, podIP: string, config: ClusterConfig): void {
  for (const d of imageDirectories) fs.set(d, '');
  fs.set('/etc/hostname', `${kernelHostname(pod, config)}\n`);
  fs.set('/etc/hosts', managedHostsFile(pod, podIP, config));
  fs.set('/etc/resolv.conf', resolvConf(pod, config));
}
