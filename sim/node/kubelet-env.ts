import type { ComponentContext } from '../core/component';
import type { ConfigMap, Container, EnvVar, Pod, Secret, Service } from '../api/types';
import { decodeBase64 } from '../api/base64';
import { podFieldValue } from '../api/pod-fields';
import { podHostname } from './kubelet-pod-files';
import { environFile, environPath } from './programs/environ';

/**
 * The environment a container starts with: the image's PATH, HOSTNAME from the runtime, the
 * container's own `env`, the Service variables the kubelet adds, and HOME (runc sets /root for
 * root when the image does not). The list is fixed when the container starts: a Service created
 * later is not in it until the container restarts — the reason the docs prefer DNS.
 *
 * Service variables (pkg/kubelet/envvars/envvars.go FromServices, kubelet_pods.go
 * getServiceEnvVarMap): for every Service with a ClusterIP in the Pod's namespace (service links
 * are on by default: enableServiceLinks true), plus `kubernetes` from `default` in every
 * namespace, with the name upper-cased and `-` turned into `_`:
 *   WEB_SERVICE_HOST=10.96.0.12, WEB_SERVICE_PORT=80 (the first port), WEB_SERVICE_PORT_HTTP=80
 *   (each named port), WEB_PORT=tcp://10.96.0.12:80 (the first port, Docker-links style), and for
 *   each port WEB_PORT_80_TCP=tcp://10.96.0.12:80, WEB_PORT_80_TCP_PROTO=tcp,
 *   WEB_PORT_80_TCP_PORT=80, WEB_PORT_80_TCP_ADDR=10.96.0.12.
 * A container's `value` may refer to earlier variables and the Service variables as $(NAME);
 * `$$` is a literal `$` (third_party/forked/golang/expansion). The kubelet hands the Service
 * variables over in Go map order (random); here they come sorted by Service, in FromServices' order.
 * (enableServiceLinks: false is not in this simulator's Pod API yet.)
 */

/** PATH of the busybox and Debian-based images the course runs (their image config's Env). */
const imagePath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The master services whose variables every namespace gets (kubelet_pods.go masterServices). */
const masterServices = new Set(['kubernetes']);

/**
 * Each stored Service's variables, made once: stored objects are frozen, so a Service object's
 * variables never change, and every container started in its namespace reads them.
 */
const envVarsOfService = new WeakMap<Service, [string, string][]>();

function cachedServiceEnvVars(service: Service): [string, string][] {
  let vars = envVarsOfService.get(service);
  if (!vars) {
    vars = serviceEnvVars(service);
    if (Object.isFrozen(service)) envVarsOfService.set(service, vars);
  }
  return vars;
}

/** The variables one Service contributes, in FromServices' order. */
function serviceEnvVars(service: Service): [string, string][] {
  const ip = service.spec.clusterIP;
  const ports = service.spec.ports ?? [];
  if (!ip || ip === 'None' || !ports.length) return [];
  const prefix = envName(service.metadata.name);
  const vars: [string, string][] = [
    [`${prefix}_SERVICE_HOST`, ip],
    [`${prefix}_SERVICE_PORT`, String(ports[0].port)],
  ];
  for (const p of ports) if (p.name) vars.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  ports.forEach((p, i) => {
    const protocol = p.protocol ?? 'TCP';
    const url = `${protocol.toLowerCase()}://${ip}:${p.port}`;
    if (i === 0) vars.push([`${prefix}_PORT`, url]);
    const portPrefix = `${prefix}_PORT_${p.port}_${protocol.toUpperCase()}`;
    vars.push([portPrefix, url], [`${portPrefix}_PROTO`, protocol.toLowerCase()], [`${portPrefix}_PORT`, String(p.port)], [`${portPrefix}_ADDR`, ip]);
  });
  return vars;
}

function envName(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}

/** The Services whose variables a Pod in `namespace` gets, by name (a Service of the Pod's namespace wins). */
function visibleServices(cluster: ComponentContext, namespace: string): Service[] {
  const byName = new Map<string, Service>();
  for (const s of cluster.store.list<Service>('Service', 'default')) if (masterServices.has(s.metadata.name)) byName.set(s.metadata.name, s);
  for (const s of cluster.store.list<Service>('Service', namespace)) byName.set(s.metadata.name, s);
  return [...byName.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** Expands $(NAME) references in a container's env value; unknown names stay as written. */
function expand(value: string, vars: ReadonlyMap<string, string>): string {
  return value.replace(/\$\$|\$\(([^)]*)\)/g, (ref, name: string | undefined) => (name === undefined ? '$' : vars.get(name) ?? ref));
}

/** The addresses the runtime knows when it creates a container: the sandbox's IP and the node's. */
export interface PodAddresses {
  podIP: string;
  hostIP: string;
}

/**
 * The environment of `container` of `pod` if it started now, made when first asked for from what
 * the kubelet read now (the Services, and the ConfigMap and Secret keys `valueFrom` names); or,
 * when such a key is missing (and not optional), the error the kubelet reports instead of creating it.
 * Source: pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables, podFieldSelectorRuntimeValue).
 */
export function containerEnvironment(cluster: ComponentContext, pod: Pod, container: Container, addresses: PodAddresses): (() => Map<string, string>) | { error: string } {
  const services = visibleServices(cluster, pod.metadata.namespace ?? 'default');
  const sourced = new Map<EnvVar, string | undefined>();
  for (const v of container.env ?? []) {
    if (!v.valueFrom) continue;
    const value = sourcedValue(cluster, pod, v, addresses);
    if (typeof value === 'object') return value;
    sourced.set(v, value);
  }
  return () => environment(pod, container, services, sourced);
}

/** The environment from the Services and the `valueFrom` values read at start. */
function environment(pod: Pod, container: Container, visible: Service[], sourced: Map<EnvVar, string | undefined>): Map<string, string> {
  const services = new Map(visible.flatMap(cachedServiceEnvVars));
  const env = new Map<string, string>([
    ['PATH', imagePath],
    ['HOSTNAME', podHostname(pod)],
  ]);
  const declared = new Map<string, string>();
  for (const v of container.env ?? []) {
    const value = sourced.has(v) ? sourced.get(v) : expand(v.value ?? '', new Map([...services, ...declared]));
    if (value === undefined) continue;
    declared.set(v.name, value);
    env.set(v.name, value);
  }
  for (const [name, value] of services) if (!env.has(name)) env.set(name, value);
  if (!env.has('HOME')) env.set('HOME', '/root');
  return env;
}

/** A `valueFrom` variable's value; undefined for an optional key that is missing (the variable is left out). */
function sourcedValue(cluster: ComponentContext, pod: Pod, v: EnvVar, addresses: PodAddresses): string | undefined | { error: string } {
  const from = v.valueFrom!;
  if (from.fieldRef) return podFieldValue(pod, from.fieldRef.fieldPath ?? '', addresses);
  const namespace = pod.metadata.namespace ?? 'default';
  const ref = from.configMapKeyRef ?? from.secretKeyRef;
  if (!ref) return '';
  const isConfigMap = !!from.configMapKeyRef;
  const object = cluster.store.get<ConfigMap | Secret>(isConfigMap ? 'ConfigMap' : 'Secret', namespace, ref.name ?? '');
  if (!object) return ref.optional ? undefined : { error: `${isConfigMap ? 'configmap' : 'secret'} "${ref.name}" not found` };
  const key = ref.key ?? '';
  const value = isConfigMap ? (object as ConfigMap).data?.[key] : (object as Secret).data?.[key];
  if (value === undefined) return ref.optional ? undefined : { error: `couldn't find key ${key} in ${isConfigMap ? 'ConfigMap' : 'Secret'} ${namespace}/${ref.name}` };
  return isConfigMap ? value : (decodeBase64(value) ?? '');
}

/** Puts the container's environment where its processes find it (/proc/1/environ). */
export function writeEnviron(fs: Map<string, string>, env: Map<string, string>): void {
  fs.set('/proc/1/', '');
  fs.set(environPath, environFile(env));
}
