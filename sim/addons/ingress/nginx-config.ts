import type { EndpointSlice, Ingress, IngressBackend, Secret, Service } from '../../api/types';
import { decodeBase64 } from '../../api/base64';
import { SecretTypeTLS, TLSCertKey } from '../../api/validation/secret';
import { ingressClassAnnotation } from '../../api/validation/ingress';
import type { Store } from '../../core/store';
import { locationFor, type NginxLocation } from './nginx-location';

/**
 * The configuration NGINX Ingress Controller generates from the API objects, reduced to what
 * routing needs: one virtual server per host, its locations, each location's upstream (the
 * backend Service's ready endpoints, as Pod IP and port, read from its EndpointSlices: nginx
 * sends to Pods directly, not to the ClusterIP) and, for hosts in an Ingress' `tls`, the
 * certificate from the Secret. Rebuilt from the store on every change, as the controller
 * regenerates its config files. Source: nginx/kubernetes-ingress internal/configs/ingress.go and
 * version1/nginx.ingress.tmpl.
 */
export interface Upstream {
  /** `namespace/service:port`, for logs and traces. */
  name: string;
  endpoints: { ip: string; port: number }[];
}

export interface VirtualServer {
  /** The host (server_name); empty for an Ingress rule without a host. */
  host: string;
  /** `namespace/name` of the Ingress that defines it. */
  ingress: string;
  locations: NginxLocation<Upstream>[];
  /** For a host in the Ingress' `tls`: the certificate chain (PEM) from its Secret, or a refused handshake when that Secret is missing or not a TLS Secret. */
  tls?: { chain: string } | 'reject';
}

export interface NginxConfig {
  /** By host; the first Ingress (oldest) to claim a host keeps it, as the controller rejects the others. */
  servers: Map<string, VirtualServer>;
  /** The Ingresses of this controller's class, oldest first. */
  ingresses: Ingress[];
}

/** Does this controller (started with `-ingress-class=NAME`) handle the Ingress? */
export function hasIngressClass(ing: Ingress, className: string): boolean {
  return (ing.spec.ingressClassName ?? ing.metadata.annotations?.[ingressClassAnnotation]) === className;
}

export function buildConfig(store: Store, className: string): NginxConfig {
  const ingresses = store
    .list<Ingress>('Ingress')
    .filter((ing) => hasIngressClass(ing, className) && !ing.metadata.deletionTimestamp)
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
  const servers = new Map<string, VirtualServer>();
  for (const ing of ingresses) {
    const ns = ing.metadata.namespace ?? 'default';
    const key = `${ns}/${ing.metadata.name}`;
    const rules = ing.spec.rules?.length ? ing.spec.rules : [{ host: '' }];
    for (const rule of rules) {
      const host = (rule.host ?? '').toLowerCase();
      if (servers.has(host)) continue;
      const locations = (rule.http?.paths ?? []).map((p) => locationFor(p.path, p.pathType, upstreamOf(store, ns, p.backend)));
      // The defaultBackend serves what no path of the rule matches (location /), when the rule has no `/` itself.
      if (ing.spec.defaultBackend && !locations.some((l) => l.path === '/' && !l.exact)) locations.push(locationFor('/', 'Prefix', upstreamOf(store, ns, ing.spec.defaultBackend)));
      const tls = ing.spec.tls?.find((t) => (t.hosts ?? []).map((h) => h.toLowerCase()).includes(host));
      servers.set(host, { host, ingress: key, locations, ...(tls ? { tls: certificateOf(store, ns, tls.secretName) } : {}) });
    }
  }
  return { servers, ingresses };
}

/** The backend Service's ready endpoints for the backend's port, from its EndpointSlices. */
function upstreamOf(store: Store, ns: string, backend: IngressBackend): Upstream {
  const svcName = backend.service?.name ?? '';
  const port = backend.service?.port ?? {};
  const name = `${ns}/${svcName}:${port.number ?? port.name ?? ''}`;
  const svc = store.get<Service>('Service', ns, svcName);
  const sp = (svc?.spec.ports ?? []).find((p) => (port.number ? p.port === port.number : p.name === port.name));
  if (!svc || !sp) return { name, endpoints: [] };
  const endpoints: Upstream['endpoints'] = [];
  for (const slice of store.list<EndpointSlice>('EndpointSlice', ns)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svcName) continue;
    const slicePort = slice.ports.find((p) => (p.name ?? '') === (sp.name ?? ''));
    if (slicePort?.port === undefined) continue;
    for (const e of slice.endpoints) if (e.conditions.ready !== false && e.addresses[0]) endpoints.push({ ip: e.addresses[0], port: slicePort.port });
  }
  return { name, endpoints };
}

/** The PEM chain of a TLS Secret; a refused handshake when there is none (the controller's rejectHandshake). */
function certificateOf(store: Store, ns: string, secretName: string | undefined): VirtualServer['tls'] {
  const secret = secretName ? store.get<Secret>('Secret', ns, secretName) : undefined;
  const chain = secret?.type === SecretTypeTLS ? decodeBase64(secret.data?.[TLSCertKey] ?? '') : undefined;
  return chain ? { chain } : 'reject';
}
