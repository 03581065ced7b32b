/**
 * Kubernetes object types, with the API's own field names, trimmed to what the engine models.
 * Reference: the API reference at kubernetes.io/docs/reference/kubernetes-api/.
 * Objects are plain JSON data: the store holds them, widgets and tests read them, nothing else.
 */

export type { Labels, OwnerReference, ObjectMeta, KubeObject } from '../core/object';
import type { Labels, KubeObject, ObjectMeta } from '../core/object';

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

// ---- Pods ---------------------------------------------------------------------------------------

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  /** The node's port that forwards to containerPort (the CNI portmap plugin's DNAT); 0 or absent: none. */
  hostPort?: number;
  /** The node address hostPort listens on (all of them when absent). */
  hostIP?: string;
}

export interface ExecAction {
  command: string[];
}
export interface HTTPGetAction {
  path?: string;
  port: number | string;
  host?: string;
  scheme?: 'HTTP' | 'HTTPS';
  /** Extra request headers (the liveness-http tutorial sends `Custom-Header: Awesome`). */
  httpHeaders?: { name: string; value: string }[];
}
export interface TCPSocketAction {
  port: number | string;
  host?: string;
}

export interface Probe {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  /** A gRPC health check (grpc.health.v1.Health/Check) on a port number, for `service` ("" by default). */
  grpc?: { port: number; service?: string };
  /** Liveness and startup probes: the grace period of the kill a failure causes (overrides the Pod's). */
  terminationGracePeriodSeconds?: number;
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface EnvVar {
  name: string;
  value?: string;
  /** Read when the container is created: a field of the Pod (the downward API), or a key of a ConfigMap or Secret. */
  valueFrom?: EnvVarSource;
}

export interface EnvVarSource {
  fieldRef?: { apiVersion?: string; fieldPath?: string };
  configMapKeyRef?: KeySelector;
  secretKeyRef?: KeySelector;
}

/** A key of a ConfigMap or Secret in the Pod's namespace; `optional` lets the container start without it. */
export interface KeySelector {
  name?: string;
  key?: string;
  optional?: boolean;
}

/** Where a container sees a volume: `mountPath`, read-only or not, optionally one `subPath` of it. */
export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
}

/** One file of a projected Secret or ConfigMap volume: `key` written at `path` (relative to the mount). */
export interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}

/** A Pod volume; the engine models the ones backed by API objects, and emptyDir. */
export interface Volume {
  name: string;
  secret?: { secretName?: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean };
  configMap?: { name?: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean };
  emptyDir?: { medium?: string; sizeLimit?: string };
  projected?: { sources?: VolumeProjection[]; defaultMode?: number };
}

/** One source of a projected volume (the ServiceAccount admission plugin's kube-api-access volume uses three). */
export interface VolumeProjection {
  serviceAccountToken?: { path: string; expirationSeconds?: number; audience?: string };
  configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  secret?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  downwardAPI?: { items?: { path: string; fieldRef?: { apiVersion?: string; fieldPath: string } }[] };
}

/** Requests and limits: quantities such as `100m` or `128Mi` (kept as written). */
export interface ResourceRequirements {
  requests?: Record<string, string | number>;
  limits?: Record<string, string | number>;
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  imagePullPolicy?: string;
  env?: EnvVar[];
  resources?: ResourceRequirements;
  volumeMounts?: VolumeMount[];
  workingDir?: string;
  /** Stored and printed; the simulator's containers run the same with or without it. */
  securityContext?: Record<string, unknown>;
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  /** Keep the process's stdin open for `kubectl attach` (kubectl run -i sets it). */
  stdin?: boolean;
  /** Close stdin after the first attach session ends (kubectl run -i sets it). */
  stdinOnce?: boolean;
  /** Give the process a terminal (kubectl run -t sets it). */
  tty?: boolean;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface PodDNSConfig {
  nameservers?: string[];
  searches?: string[];
  options?: { name?: string; value?: string }[];
}

export interface PodSpec {
  containers: Container[];
  nodeName?: string;
  nodeSelector?: Labels;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds?: number;
  dnsPolicy?: string;
  /** Nameservers, search domains and resolver options merged into the Pod's /etc/resolv.conf. */
  dnsConfig?: PodDNSConfig;
  schedulerName?: string;
  hostname?: string;
  subdomain?: string;
  /** The container's hostname is the Pod's FQDN (hostname.subdomain.ns.svc.zone) rather than its short name. */
  setHostnameAsFQDN?: boolean;
  tolerations?: Toleration[];
  hostNetwork?: boolean;
  serviceAccountName?: string;
  /** The deprecated alias of serviceAccountName, kept equal to it. */
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  /** Registry credentials for pulling images; the ServiceAccount admission copies its account's when none are set. */
  imagePullSecrets?: LocalObjectReference[];
  enableServiceLinks?: boolean;
  /** Set by the Priority admission plugin from priorityClassName (0 without one). */
  priority?: number;
  priorityClassName?: string;
  preemptionPolicy?: string;
  /** Stored and printed; the simulator's containers run the same with or without it. */
  securityContext?: Record<string, unknown>;
  volumes?: Volume[];
  /** Containers added to a running Pod for debugging (`kubectl debug`), through the ephemeralcontainers subresource. */
  ephemeralContainers?: EphemeralContainer[];
}

/** A debugging container: no ports, probes or restarts; it may share a target container's process namespace. */
export interface EphemeralContainer extends Container {
  targetContainerName?: string;
}

export interface PodCondition {
  type: 'PodScheduled' | 'Initialized' | 'ContainersReady' | 'Ready' | 'PodReadyToStartContainers';
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface ContainerState {
  waiting?: { reason: string; message?: string };
  running?: { startedAt: string };
  terminated?: { exitCode: number; reason: string; message?: string; startedAt?: string; finishedAt?: string };
}

export interface ContainerStatus {
  name: string;
  image: string;
  /** The runtime's `repository@sha256:…` once it has the container; empty before (the kubelet always writes the field). */
  imageID?: string;
  /** `containerd://<64 hex>`: the runtime's ID of the container's current (or last) run. */
  containerID?: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
}

export interface PodStatus {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  conditions?: PodCondition[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: 'BestEffort' | 'Burstable' | 'Guaranteed';
  containerStatuses?: ContainerStatus[];
  ephemeralContainerStatuses?: ContainerStatus[];
  reason?: string;
  message?: string;
}

export interface Pod extends KubeObject {
  kind: 'Pod';
  spec: PodSpec;
  status?: PodStatus;
}

export interface PodTemplateSpec {
  metadata?: Partial<ObjectMeta>;
  spec: PodSpec;
}

// ---- Workloads ----------------------------------------------------------------------------------

export interface ReplicaSet extends KubeObject {
  kind: 'ReplicaSet';
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplateSpec; minReadySeconds?: number };
  status?: {
    replicas: number;
    fullyLabeledReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
  };
}

export interface DeploymentStrategy {
  type?: 'RollingUpdate' | 'Recreate';
  rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
}

export interface DeploymentCondition {
  type: 'Available' | 'Progressing' | 'ReplicaFailure';
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
}

export interface Deployment extends KubeObject {
  kind: 'Deployment';
  spec: {
    replicas?: number;
    selector: LabelSelector;
    template: PodTemplateSpec;
    strategy?: DeploymentStrategy;
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: DeploymentCondition[];
  };
}

// ---- Services and discovery ---------------------------------------------------------------------

export interface ServicePort {
  name?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface ServiceSpec {
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  selector?: Labels;
  ports?: ServicePort[];
  clusterIP?: string;
  clusterIPs?: string[];
  sessionAffinity?: 'None' | 'ClientIP';
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  externalTrafficPolicy?: 'Cluster' | 'Local';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  /** Addresses outside the cluster that kube-proxy also captures for this Service (deprecated in v1.36). */
  externalIPs?: string[];
  /** Client blocks a LoadBalancer accepts; kube-proxy drops the rest (KUBE-FW-*, KUBE-PROXY-FIREWALL). */
  loadBalancerSourceRanges?: string[];
  /** For type LoadBalancer with externalTrafficPolicy Local: the node port kube-proxy's health server answers on. */
  healthCheckNodePort?: number;
  allocateLoadBalancerNodePorts?: boolean;
  loadBalancerClass?: string;
  externalName?: string;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  publishNotReadyAddresses?: boolean;
}

export interface Service extends KubeObject {
  kind: 'Service';
  spec: ServiceSpec;
  status?: { loadBalancer?: { ingress?: LoadBalancerIngress[] } };
}

/** One address of a Service's load balancer, as the cloud controller writes it. */
export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  /** `VIP` (the default): nodes may short-circuit traffic to the IP; `Proxy`: they must send it to the load balancer. */
  ipMode?: 'VIP' | 'Proxy';
}

export interface Endpoint {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  nodeName?: string;
  zone?: string;
  hostname?: string;
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string };
}

export interface EndpointPort {
  name?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port?: number;
  appProtocol?: string;
}

export interface EndpointSlice extends KubeObject {
  kind: 'EndpointSlice';
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: Endpoint[];
  ports: EndpointPort[];
}

/** One address of a v1 Endpoints subset. */
export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string };
}

/** v1 Endpoints: the older, one-object-per-Service view of a Service's backends (`kubectl get endpoints`). */
export interface Endpoints extends KubeObject {
  kind: 'Endpoints';
  subsets?: {
    addresses?: EndpointAddress[];
    notReadyAddresses?: EndpointAddress[];
    ports?: { name?: string; port: number; protocol?: 'TCP' | 'UDP' | 'SCTP'; appProtocol?: string }[];
  }[];
}

// ---- Cluster-scoped -----------------------------------------------------------------------------

export interface NodeCondition {
  type: 'Ready' | 'MemoryPressure' | 'DiskPressure' | 'PIDPressure' | 'NetworkUnavailable';
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

export interface Node extends KubeObject {
  kind: 'Node';
  spec: { podCIDR?: string; podCIDRs?: string[]; unschedulable?: boolean; taints?: Taint[]; providerID?: string };
  status?: {
    conditions?: NodeCondition[];
    addresses?: { type: 'InternalIP' | 'ExternalIP' | 'Hostname'; address: string }[];
    nodeInfo?: { kubeletVersion: string; osImage: string; kernelVersion: string; containerRuntimeVersion: string; kubeProxyVersion?: string; architecture?: string; operatingSystem?: string };
  };
}

/** What the namespace controller reports while it empties a Terminating Namespace. */
export interface NamespaceCondition {
  type: 'NamespaceDeletionDiscoveryFailure' | 'NamespaceDeletionGroupVersionParsingFailure' | 'NamespaceDeletionContentFailure' | 'NamespaceContentRemaining' | 'NamespaceFinalizersRemaining';
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface Namespace extends KubeObject {
  kind: 'Namespace';
  spec?: { finalizers?: string[] };
  status?: { phase: 'Active' | 'Terminating'; conditions?: NamespaceCondition[] };
}

/** A reference to an object of a known kind in the same namespace, by name. */
export interface LocalObjectReference {
  name: string;
}

/**
 * An identity for the processes of a Pod. `secrets` lists the Secrets Pods using it may mount
 * (legacy); `automountServiceAccountToken: false` keeps the token out of Pods that do not ask.
 */
export interface ServiceAccount extends KubeObject {
  kind: 'ServiceAccount';
  secrets?: { name: string; namespace?: string; kind?: string; apiVersion?: string; uid?: string }[];
  imagePullSecrets?: LocalObjectReference[];
  automountServiceAccountToken?: boolean;
}

export interface ConfigMap extends KubeObject {
  kind: 'ConfigMap';
  data?: Record<string, string>;
}

/**
 * A Secret: `data` values are base64, as the API serves them; `stringData` is write-only (the API
 * server merges it into `data` and never returns it).
 */
export interface Secret extends KubeObject {
  kind: 'Secret';
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  immutable?: boolean;
}

export interface Event extends KubeObject {
  kind: 'Event';
  involvedObject: { kind: string; namespace?: string; name: string; uid?: string; apiVersion?: string; fieldPath?: string };
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: { component: string; host?: string };
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
}

// ---- Coordination -------------------------------------------------------------------------------

/** A Lease (coordination.k8s.io/v1): each kubelet renews one in kube-node-lease as its heartbeat. */
export interface Lease extends KubeObject {
  kind: 'Lease';
  spec: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    /** A MicroTime: RFC 3339 with microseconds. */
    renewTime?: string;
    leaseTransitions?: number;
  };
}

// ---- NetworkPolicy ------------------------------------------------------------------------------

export interface IPBlock {
  cidr: string;
  except?: string[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IPBlock;
}

export interface NetworkPolicyPort {
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicy extends KubeObject {
  kind: 'NetworkPolicy';
  spec: {
    podSelector: LabelSelector;
    policyTypes?: ('Ingress' | 'Egress')[];
    ingress?: { from?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[];
    egress?: { to?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[];
  };
}

// ---- Ingress ------------------------------------------------------------------------------------

/** A backend: a Service port (by number or by name), or a resource of another kind. */
export interface IngressBackend {
  service?: { name: string; port: { number?: number; name?: string } };
  resource?: { apiGroup?: string; kind: string; name: string };
}

export interface HTTPIngressPath {
  path?: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  backend: IngressBackend;
}

export interface IngressRule {
  host?: string;
  http?: { paths: HTTPIngressPath[] };
}

export interface IngressLoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ports?: { port: number; protocol: 'TCP' | 'UDP' | 'SCTP'; error?: string }[];
}

/** networking.k8s.io/v1 Ingress. */
export interface Ingress extends KubeObject {
  kind: 'Ingress';
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    tls?: { hosts?: string[]; secretName?: string }[];
    rules?: IngressRule[];
  };
  status?: { loadBalancer?: { ingress?: IngressLoadBalancerIngress[] } };
}

/** networking.k8s.io/v1 IngressClass: which controller implements the Ingresses of this class. */
export interface IngressClass extends KubeObject {
  kind: 'IngressClass';
  spec: {
    controller?: string;
    parameters?: { apiGroup?: string; kind: string; name: string; scope?: 'Cluster' | 'Namespace'; namespace?: string };
  };
}
