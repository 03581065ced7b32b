import type { ConfiguredContext } from '../cluster-config';
import type { EndpointSlice, Endpoints, Service } from '../api/types';
import { ApiServerPort, LabelServiceName, apiServerAddress } from '../api/well-known';
import { cidrHost } from '../net/ip';

/**
 * The `default/kubernetes` Service, which the API server itself keeps: the first address of the
 * service CIDR (10.96.0.1), port 443 (`https`) to the API server's 6443. It has no selector: the API
 * server writes its Endpoints and its EndpointSlice (named `kubernetes`) by itself.
 * Source: pkg/controlplane/controller/kubernetesservice (createOrUpdateMasterServiceIfNeeded),
 * pkg/controlplane/reconcilers (endpointsadapter.go: the slice, labelled only with the service name).
 */
export function installKubernetesService(cluster: ConfiguredContext): void {
  const store = cluster.store;
  const ip = apiServerAddress(cluster.config);
  const labels = { component: 'apiserver', provider: 'kubernetes' };
  store.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels },
    spec: {
      type: 'ClusterIP',
      clusterIP: cidrHost(cluster.config.serviceCIDR, 1),
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: ApiServerPort }],
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
    },
  });
  store.create<Endpoints>({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: ApiServerPort, protocol: 'TCP' }] }],
  });
  store.create<EndpointSlice>({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { [LabelServiceName]: 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: ApiServerPort, protocol: 'TCP' }],
  });
}
