/**
 * How nginx picks the `location` for a request URI, for the two kinds of location NGINX Ingress
 * Controller writes from an Ingress path (internal/configs/ingress.go, generateIngressPath):
 * `location = /p` for pathType Exact, and a plain prefix `location /p` for Prefix and
 * ImplementationSpecific. nginx takes an exact location that equals the URI first; otherwise the
 * longest prefix location the URI starts with (ngx_http_core_module, "location").
 *
 * A plain nginx prefix compares characters, not path elements: `/foo` also matches `/foobar`,
 * where the Ingress spec's Prefix would not (kubernetes.io, Ingress, "Examples" table). That is
 * how this controller behaves, and the simulator keeps it.
 */
export interface NginxLocation<T> {
  path: string;
  exact: boolean;
  /** What the location proxies to. */
  target: T;
}

export function matchLocation<T>(locations: readonly NginxLocation<T>[], uri: string): NginxLocation<T> | undefined {
  let best: NginxLocation<T> | undefined;
  for (const loc of locations) {
    if (loc.exact) {
      if (loc.path === uri) return loc;
      continue;
    }
    if (uri.startsWith(loc.path) && (!best || loc.path.length > best.path.length)) best = loc;
  }
  return best;
}

/** The location an Ingress path becomes; ImplementationSpecific with no path is `/`. */
export function locationFor<T>(path: string | undefined, pathType: string, target: T): NginxLocation<T> {
  return { path: path || '/', exact: pathType === 'Exact', target };
}
