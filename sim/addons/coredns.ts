import type { ConfiguredContext } from '../cluster-config';
import type { ConfigMap, Deployment, Service } from '../api/types';
import { clusterDNSIP } from '../node/kubelet-pod-files';

/**
 * CoreDNS as kubeadm installs it: the `coredns` ConfigMap (Corefile), the `coredns` Deployment
 * (2 replicas) and the `kube-dns` Service on the 10th address of the service CIDR (10.96.0.10),
 * all in kube-system. The Pods run CoreDNS's program (dns/coredns-program.ts), which answers DNS
 * from the API objects (dns/coredns-kubernetes.ts).
 * Source: cmd/kubeadm/app/phases/addons/dns/manifests.go and dns.go (CoreDNSReplicas = 2),
 * cmd/kubeadm/app/constants/constants.go (GetDNSIP: 10th address; CoreDNS image and version).
 */
export const CoreDnsImage = 'registry.k8s.io/coredns/coredns:v1.12.1';

export function installCoreDns(cluster: ConfiguredContext): void {
  const store = cluster.store;
  const ns = 'kube-system';
  const labels = { 'k8s-app': 'kube-dns' };
  const domain = cluster.config.clusterDomain;
  store.create<ConfigMap>({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'coredns', namespace: ns },
    data: {
      Corefile: [
        '.:53 {',
        '    errors',
        '    health {',
        '       lameduck 5s',
        '    }',
        '    ready',
        `    kubernetes ${domain} in-addr.arpa ip6.arpa {`,
        '       pods insecure',
        '       fallthrough in-addr.arpa ip6.arpa',
        '       ttl 30',
        '    }',
        '    prometheus :9153',
        '    forward . /etc/resolv.conf {',
        '       max_concurrent 1000',
        '    }',
        '    cache 30 {',
        `       disable success ${domain}`,
        `       disable denial ${domain}`,
        '    }',
        '    loop',
        '    reload',
        '    loadbalance',
        '}',
        '',
      ].join('\n'),
    },
  });
  store.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: ns,
      labels: { ...labels, 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: clusterDNSIP(cluster.config),
      selector: labels,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      sessionAffinity: 'None',
    },
  });
  store.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: ns, labels },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          dnsPolicy: 'Default',
          containers: [
            {
              name: 'coredns',
              image: CoreDnsImage,
              imagePullPolicy: 'IfNotPresent',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                { containerPort: 8080, name: 'liveness-probe', protocol: 'TCP' },
                { containerPort: 8181, name: 'readiness-probe', protocol: 'TCP' },
              ],
              livenessProbe: {
                httpGet: { path: '/health', port: 'liveness-probe', scheme: 'HTTP' },
                initialDelaySeconds: 60,
                timeoutSeconds: 5,
                successThreshold: 1,
                failureThreshold: 5,
              },
              readinessProbe: { httpGet: { path: '/ready', port: 'readiness-probe', scheme: 'HTTP' } },
            },
          ],
        },
      },
    },
  });
}
