import type { Service } from '../types';
import { DefaultClientIPServiceAffinitySeconds } from '../well-known';

/**
 * Service defaults. Source: kubernetes/kubernetes pkg/apis/core/v1/defaults.go SetDefaults_Service:
 * type ClusterIP, sessionAffinity None (ClientIP affinity gets timeoutSeconds 10800), each port's
 * protocol TCP and targetPort = port, internalTrafficPolicy Cluster (except ExternalName),
 * externalTrafficPolicy Cluster for NodePort and LoadBalancer, allocateLoadBalancerNodePorts true for LoadBalancer. ipFamilies and ipFamilyPolicy are
 * set where the ClusterIP is allocated (sim/api/service-ip-allocator.ts), as the registry does.
 */

export function setServiceDefaults(svc: Service): void {
  const spec = svc.spec;
  if (!spec) return;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= DefaultClientIPServiceAffinitySeconds;
  }
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0) p.targetPort = p.port;
  }
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}
