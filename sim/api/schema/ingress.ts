import { array, int32, object, string } from './schema';
import { resource } from './meta';

const backend = object('v1.IngressBackend', {
  service: object('v1.IngressServiceBackend', { name: string, port: object('v1.ServiceBackendPort', { name: string, number: int32 }) }),
  resource: object('v1.TypedLocalObjectReference', { apiGroup: string, kind: string, name: string }),
});

const loadBalancerIngress = object('v1.IngressLoadBalancerIngress', {
  ip: string,
  hostname: string,
  ports: array(object('v1.IngressPortStatus', { port: int32, protocol: string, error: string })),
});

/** networking.k8s.io/v1 Ingress (sim/api/types.ts Ingress). */
export const ingressSchema = resource('v1.Ingress', {
  spec: object('v1.IngressSpec', {
    ingressClassName: string,
    defaultBackend: backend,
    tls: array(object('v1.IngressTLS', { hosts: array(string), secretName: string })),
    rules: array(
      object('v1.IngressRule', {
        host: string,
        http: object('v1.HTTPIngressRuleValue', { paths: array(object('v1.HTTPIngressPath', { path: string, pathType: string, backend })) }),
      }),
    ),
  }),
  status: object('v1.IngressStatus', { loadBalancer: object('v1.IngressLoadBalancerStatus', { ingress: array(loadBalancerIngress) }) }),
});

/** networking.k8s.io/v1 IngressClass (sim/api/types.ts IngressClass). */
export const ingressClassSchema = resource('v1.IngressClass', {
  spec: object('v1.IngressClassSpec', {
    controller: string,
    parameters: object('v1.IngressClassParametersReference', { apiGroup: string, kind: string, name: string, scope: string, namespace: string }),
  }),
});
