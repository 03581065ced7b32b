import type { Container, Pod, PodSpec, Probe } from '../types';

/**
 * The API server's defaults for a PodSpec (in a Pod or a Pod template).
 * Source: kubernetes/kubernetes pkg/apis/core/v1/defaults.go — SetDefaults_PodSpec (dnsPolicy
 * ClusterFirst, restartPolicy Always, terminationGracePeriodSeconds 30, schedulerName
 * default-scheduler), SetDefaults_Container (imagePullPolicy from the image tag, terminationMessagePath
 * /dev/termination-log, terminationMessagePolicy File), defaultHostNetworkPorts (hostPort =
 * containerPort in a hostNetwork Pod), SetDefaults_Probe (timeoutSeconds 1,
 * periodSeconds 10, successThreshold 1, failureThreshold 3; initialDelaySeconds stays unset, which
 * means 0), SetDefaults_HTTPGetAction (path "/", scheme HTTP); ContainerPort.protocol defaults to
 * TCP (the `+default="TCP"` marker in staging/src/k8s.io/api/core/v1/types.go).
 */
export const podSpecDefaults = {
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  schedulerName: 'default-scheduler',
} as const;

export const probeDefaults = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 } as const;

export function setPodSpecDefaults(spec: PodSpec): void {
  spec.dnsPolicy ??= podSpecDefaults.dnsPolicy;
  spec.restartPolicy ??= podSpecDefaults.restartPolicy;
  spec.terminationGracePeriodSeconds ??= podSpecDefaults.terminationGracePeriodSeconds;
  spec.schedulerName ??= podSpecDefaults.schedulerName;
  // SetDefaults_PodSpec gives an empty securityContext; a container's `resources` is a struct, not
  // a pointer, so the API prints it even empty.
  spec.securityContext ??= {};
  for (const c of spec.containers ?? []) setContainerDefaults(c);
  // defaultHostNetworkPorts: a host-network Pod's ports are the node's own.
  if (spec.hostNetwork) for (const c of spec.containers ?? []) for (const p of c.ports ?? []) p.hostPort ||= p.containerPort;
  for (const v of spec.volumes ?? []) {
    // SetDefaults_SecretVolumeSource and SetDefaults_ConfigMapVolumeSource: defaultMode 0644 (420).
    if (v.secret) v.secret.defaultMode ??= volumeDefaultMode;
    if (v.configMap) v.configMap.defaultMode ??= volumeDefaultMode;
    // SetDefaults_ProjectedVolumeSource (0644) and SetDefaults_ServiceAccountTokenProjection (an hour).
    if (v.projected) {
      v.projected.defaultMode ??= volumeDefaultMode;
      for (const source of v.projected.sources ?? []) if (source.serviceAccountToken) source.serviceAccountToken.expirationSeconds ??= 3600;
    }
  }
}

/**
 * What a Pod gets besides its spec's defaults: enableServiceLinks true and, where a container
 * limits a resource without requesting it, a request equal to the limit (SetDefaults_Pod).
 */
export function setPodDefaults(pod: Pod): void {
  const spec = pod.spec;
  setPodSpecDefaults(spec);
  spec.enableServiceLinks ??= true;
  for (const c of [...spec.containers ?? [], ...spec.ephemeralContainers ?? []]) {
    const resources = (c.resources ??= {});
    for (const [name, limit] of Object.entries(resources.limits ?? {})) {
      if (resources.requests?.[name] === undefined) resources.requests = { ...resources.requests, [name]: limit };
    }
  }
}

/** SecretVolumeSourceDefaultMode and ConfigMapVolumeSourceDefaultMode: 0644. */
export const volumeDefaultMode = 0o644;

function setContainerDefaults(c: Container): void {
  c.imagePullPolicy ??= imagePullPolicyFor(c.image ?? '');
  c.resources ??= {};
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  // SetDefaults_ObjectFieldSelector; the API writes apiVersion before fieldPath (the Go struct's order).
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef = { apiVersion: e.valueFrom.fieldRef.apiVersion || 'v1', fieldPath: e.valueFrom.fieldRef.fieldPath };
  for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) if (probe) setProbeDefaults(probe);
}

/** Zero means "unset" to the Go decoder, so a 0 written in YAML takes the default too. */
function setProbeDefaults(probe: Probe): void {
  for (const [field, value] of Object.entries(probeDefaults) as [keyof typeof probeDefaults, number][]) {
    if (!probe[field]) probe[field] = value;
  }
  if (probe.httpGet) {
    probe.httpGet.path ||= '/';
    probe.httpGet.scheme ??= 'HTTP';
  }
}

/** `Always` for an image with the tag `latest` or no tag at all, `IfNotPresent` otherwise (a tag or a digest). */
export function imagePullPolicyFor(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  const tag = colon < 0 ? 'latest' : lastPart.slice(colon + 1);
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}
