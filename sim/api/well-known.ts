/**
 * Names and numbers of the Kubernetes API that several parts of the engine share, defined once.
 */

/** The label that ties an EndpointSlice to its Service (k8s.io/api/discovery/v1/well_known_labels.go, LabelServiceName). */
export const LabelServiceName = 'kubernetes.io/service-name';

/** Default sessionAffinityConfig.clientIP.timeoutSeconds (k8s.io/api/core/v1/types.go, DefaultClientIPServiceAffinitySeconds). */
export const DefaultClientIPServiceAffinitySeconds = 10800;

/** The port the API server listens on (kube-apiserver --secure-port default). */
export const ApiServerPort = 6443;

/**
 * The API server's address. The simulated cluster has no separate control-plane machine: the first
 * node plays the kubeadm control-plane node whose InternalIP is the advertise address.
 */
export function apiServerAddress(config: { nodes: readonly { ip: string }[] }): string {
  return config.nodes[0].ip;
}
