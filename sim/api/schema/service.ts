import { array, boolean, int32, intOrString, map, object, string } from './schema';
import { resource } from './meta';

/** v1 Service (sim/api/types.ts Service); ports merge by `port`, as the API declares. */
export const serviceSchema = resource('v1.Service', {
  spec: object('v1.ServiceSpec', {
    type: string,
    selector: map(),
    ports: array(object('v1.ServicePort', { name: string, protocol: string, port: int32, targetPort: intOrString, nodePort: int32, appProtocol: string }), 'port'),
    clusterIP: string,
    clusterIPs: array(string),
    sessionAffinity: string,
    sessionAffinityConfig: object('v1.SessionAffinityConfig', { clientIP: object('v1.ClientIPConfig', { timeoutSeconds: int32 }) }),
    externalTrafficPolicy: string,
    internalTrafficPolicy: string,
    externalName: string,
    ipFamilies: array(string),
    ipFamilyPolicy: string,
    publishNotReadyAddresses: boolean,
    externalIPs: array(string),
    loadBalancerSourceRanges: array(string),
    healthCheckNodePort: int32,
    allocateLoadBalancerNodePorts: boolean,
    loadBalancerClass: string,
  }),
  status: object('v1.ServiceStatus', {
    loadBalancer: object('v1.LoadBalancerStatus', { ingress: array(object('v1.LoadBalancerIngress', { ip: string, hostname: string, ipMode: string })) }),
  }),
});
