import { array, int32, intOrString, object, string } from './schema';
import { labelSelector, resource } from './meta';

const peer = object('v1.NetworkPolicyPeer', {
  podSelector: labelSelector,
  namespaceSelector: labelSelector,
  ipBlock: object('v1.IPBlock', { cidr: string, except: array(string) }),
});
const ports = array(object('v1.NetworkPolicyPort', { protocol: string, port: intOrString, endPort: int32 }));

/** networking.k8s.io/v1 NetworkPolicy (sim/api/types.ts NetworkPolicy). */
export const networkPolicySchema = resource('v1.NetworkPolicy', {
  spec: object('v1.NetworkPolicySpec', {
    podSelector: labelSelector,
    policyTypes: array(string),
    ingress: array(object('v1.NetworkPolicyIngressRule', { from: array(peer), ports })),
    egress: array(object('v1.NetworkPolicyEgressRule', { to: array(peer), ports })),
  }),
});
