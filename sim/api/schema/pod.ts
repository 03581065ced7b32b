import { array, boolean, int32, int64, intOrString, map, object, string } from './schema';
import { objectMeta, resource } from './meta';
import { localObjectReference } from './service-account';

/** v1.Probe with its four handlers (sim/api/types.ts Probe). */
const probe = object('v1.Probe', {
  exec: object('v1.ExecAction', { command: array(string) }),
  httpGet: object('v1.HTTPGetAction', { path: string, port: intOrString, host: string, scheme: string, httpHeaders: array(object('v1.HTTPHeader', { name: string, value: string })) }),
  tcpSocket: object('v1.TCPSocketAction', { port: intOrString, host: string }),
  grpc: object('v1.GRPCAction', { port: int32, service: string }),
  terminationGracePeriodSeconds: int64,
  initialDelaySeconds: int32,
  periodSeconds: int32,
  timeoutSeconds: int32,
  successThreshold: int32,
  failureThreshold: int32,
});

const keySelector = (kind: string) => object(`v1.${kind}KeySelector`, { name: string, key: string, optional: boolean });

/** v1.EnvVarSource, less resourceFieldRef (sim/api/types.ts EnvVarSource). */
const envVarSource = object('v1.EnvVarSource', {
  fieldRef: object('v1.ObjectFieldSelector', { apiVersion: string, fieldPath: string }),
  configMapKeyRef: keySelector('ConfigMap'),
  secretKeyRef: keySelector('Secret'),
});

const seccompProfile = object('v1.SeccompProfile', { type: string, localhostProfile: string });

/**
 * v1.SecurityContext and v1.PodSecurityContext, the fields readers meet in the tutorials: stored
 * and printed as given; the simulator's containers run as they would without them.
 */
const securityContext = object('v1.SecurityContext', {
  runAsUser: int64,
  runAsGroup: int64,
  runAsNonRoot: boolean,
  privileged: boolean,
  allowPrivilegeEscalation: boolean,
  readOnlyRootFilesystem: boolean,
  capabilities: object('v1.Capabilities', { add: array(string), drop: array(string) }),
  seccompProfile,
});
const podSecurityContext = object('v1.PodSecurityContext', {
  runAsUser: int64,
  runAsGroup: int64,
  runAsNonRoot: boolean,
  fsGroup: int64,
  fsGroupChangePolicy: string,
  supplementalGroups: array(int64),
  sysctls: array(object('v1.Sysctl', { name: string, value: string })),
  seccompProfile,
});

/** v1.Container; lists merge by the keys the API declares (ports by containerPort, env by name). */
const container = object('v1.Container', {
  name: string,
  image: string,
  command: array(string),
  args: array(string),
  ports: array(object('v1.ContainerPort', { name: string, containerPort: int32, protocol: string, hostPort: int32, hostIP: string }), 'containerPort'),
  env: array(object('v1.EnvVar', { name: string, value: string, valueFrom: envVarSource }), 'name'),
  resources: object('v1.ResourceRequirements', { requests: map(intOrString), limits: map(intOrString) }),
  volumeMounts: array(object('v1.VolumeMount', { name: string, mountPath: string, readOnly: boolean, subPath: string }), 'mountPath'),
  readinessProbe: probe,
  livenessProbe: probe,
  startupProbe: probe,
  imagePullPolicy: string,
  terminationMessagePath: string,
  terminationMessagePolicy: string,
  stdin: boolean,
  stdinOnce: boolean,
  tty: boolean,
  workingDir: string,
  securityContext,
});

const keyToPath = array(object('v1.KeyToPath', { key: string, path: string, mode: int32 }));

/** v1.Volume, with the sources the engine models (sim/api/types.ts Volume). */
const volume = object('v1.Volume', {
  name: string,
  secret: object('v1.SecretVolumeSource', { secretName: string, items: keyToPath, defaultMode: int32, optional: boolean }),
  configMap: object('v1.ConfigMapVolumeSource', { name: string, items: keyToPath, defaultMode: int32, optional: boolean }),
  emptyDir: object('v1.EmptyDirVolumeSource', { medium: string, sizeLimit: intOrString }),
  projected: object('v1.ProjectedVolumeSource', {
    defaultMode: int32,
    sources: array(
      object('v1.VolumeProjection', {
        serviceAccountToken: object('v1.ServiceAccountTokenProjection', { path: string, expirationSeconds: int64, audience: string }),
        configMap: object('v1.ConfigMapProjection', { name: string, items: keyToPath, optional: boolean }),
        secret: object('v1.SecretProjection', { name: string, items: keyToPath, optional: boolean }),
        downwardAPI: object('v1.DownwardAPIProjection', {
          items: array(object('v1.DownwardAPIVolumeFile', { path: string, fieldRef: object('v1.ObjectFieldSelector', { apiVersion: string, fieldPath: string }), mode: int32 })),
        }),
      }),
    ),
  }),
});

/** v1.PodSpec (sim/api/types.ts PodSpec). */
export const podSpec = object('v1.PodSpec', {
  containers: array(container, 'name'),
  nodeName: string,
  nodeSelector: map(),
  restartPolicy: string,
  terminationGracePeriodSeconds: int64,
  dnsPolicy: string,
  dnsConfig: object('v1.PodDNSConfig', { nameservers: array(string), searches: array(string), options: array(object('v1.PodDNSConfigOption', { name: string, value: string })) }),
  schedulerName: string,
  hostname: string,
  subdomain: string,
  setHostnameAsFQDN: boolean,
  hostNetwork: boolean,
  serviceAccountName: string,
  // The deprecated alias the API server keeps equal to serviceAccountName.
  serviceAccount: string,
  automountServiceAccountToken: boolean,
  imagePullSecrets: array(localObjectReference, 'name'),
  enableServiceLinks: boolean,
  priority: int32,
  priorityClassName: string,
  preemptionPolicy: string,
  securityContext: podSecurityContext,
  volumes: array(volume, 'name'),
  tolerations: array(object('v1.Toleration', { key: string, operator: string, value: string, effect: string, tolerationSeconds: int64 })),
});

/** v1.PodTemplateSpec, inside Deployments and ReplicaSets. */
export const podTemplateSpec = object('v1.PodTemplateSpec', { metadata: objectMeta, spec: podSpec });

/** The status a Pod may carry when pasted back from `kubectl get -o yaml`; the server ignores it on apply. */
const podStatus = object('v1.PodStatus', {
  phase: string,
  conditions: array(object('v1.PodCondition', { type: string, status: string, lastTransitionTime: string, lastProbeTime: string, reason: string, message: string }), 'type'),
  hostIP: string,
  hostIPs: array(object('v1.HostIP', { ip: string })),
  podIP: string,
  podIPs: array(object('v1.PodIP', { ip: string })),
  qosClass: string,
  startTime: string,
  reason: string,
  message: string,
});

export const podSchema = resource('v1.Pod', { spec: podSpec, status: podStatus });
