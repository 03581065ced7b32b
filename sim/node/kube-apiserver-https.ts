import type { ConfiguredContext } from '../cluster-config';
import type { HostServer, HttpAnswer } from '../net/node-network';
import type { Pod } from '../api/types';
import { header, type Headers, type HttpRequest } from '../net/http';
import { ApiServerPort, apiServerAddress } from '../api/well-known';
import { apiServerCertificate } from '../api/cluster-ca';
import { serverVersion } from '../api/server-version';
import { tokenClaims } from './service-account-token';
import { goResponse } from './http-exchange';

/**
 * The API server as the network meets it: HTTPS on port 6443 of the control-plane node, which the
 * `kubernetes` Service (10.96.0.1:443) leads to. What a Pod's curl gets there:
 * - plain HTTP: Go's TLS server's fixed answer, an HTTP/1.0 400 with no headers (net/http
 *   server.go, conn.serve);
 * - the serving certificate signed by the cluster CA, which the Pod's projected ca.crt verifies;
 * - authentication: no Authorization header is `system:anonymous`; a Bearer token is a service
 *   account token this simulator signed, not expired, whose Pod still exists, else 401;
 * - authorization, as the default RBAC roles grant it: everyone may GET /healthz, /livez,
 *   /readyz and /version (system:public-info-viewer); an authenticated user may also GET the
 *   discovery paths /api, /api/*, /apis, /apis/*, /openapi, /openapi/* (system:discovery). No
 *   Role or RoleBinding exists in the simulator, so every resource request is refused, in
 *   RBAC's words (plugin/pkg/auth/authorizer/rbac: forbiddenMessage; the request's verb and
 *   resource as apiserver's RequestInfoFactory reads them from the URL);
 * - answers: `ok` from the health checks, APIVersions from /api, the build from /version (indented
 *   JSON with no newline, whoever asks: apiserver responsewriters.WriteRawJSON); other discovery
 *   paths are not simulated, and say so.
 * Errors are metav1.Status objects; JSON is indented for curl, Wget and browsers, as the API server
 * does for those user agents (apiserver negotiation: isPrettyPrint). Audit-Id is drawn from the
 * simulator's own stream; the flow-control headers of a real server are left out.
 */
export function kubeApiServerHttps(cluster: ConfiguredContext): HostServer {
  const auditIds = cluster.rng.stream('apiserver-audit-ids');
  const auditId = () => {
    const hex = Array.from({ length: 4 }, () => auditIds.uint32().toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const respond = (req: HttpRequest, status: number, body: unknown, contentType = 'application/json'): HttpAnswer => {
    const text = typeof body === 'string' ? body : encode(body, req);
    return goResponse(cluster, text, status, [['Audit-Id', auditId()], ['Cache-Control', 'no-cache, private'], ['Content-Type', contentType], ['X-Content-Type-Options', 'nosniff']]);
  };
  return {
    process: 'kube-apiserver',
    tls: () => ({ chain: apiServerCertificate }),
    http(path, req, tls) {
      if (!tls || !req) return plainHttpOnTlsPort;
      const user = authenticate(cluster, req.headers);
      if (!user) return respond(req, 401, status(401, 'Unauthorized', 'Unauthorized'));
      const request = requestInfo(req.method, path);
      const denied = authorize(user, request);
      if (denied) return respond(req, 403, status(403, 'Forbidden', denied.message, denied.details));
      if (['/healthz', '/livez', '/readyz'].includes(request.path)) return respond(req, 200, 'ok', 'text/plain; charset=utf-8');
      if (request.path === '/version') {
        const build = serverVersion(cluster.config.kubernetesVersion);
        if (build) return respond(req, 200, JSON.stringify(build, null, 2));
      }
      if (request.path === '/api') {
        const serverAddress = `${apiServerAddress(cluster.config)}:${ApiServerPort}`;
        return respond(req, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] });
      }
      return respond(req, 404, status(404, 'NotFound', `the simulator does not serve ${request.path}`, {}));
    },
  };
}

const plainHttpOnTlsPort: HttpAnswer = { version: 'HTTP/1.0', status: 400, reason: 'Bad Request', headers: [], body: 'Client sent an HTTP request to an HTTPS server.\n' };

interface User {
  name: string;
  authenticated: boolean;
}

/** The Bearer token's user, anonymous without one; undefined when the token is refused (401). */
function authenticate(cluster: ConfiguredContext, headers: Headers): User | undefined {
  const authorization = header(headers, 'Authorization');
  if (authorization === undefined) return { name: 'system:anonymous', authenticated: false };
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  const claims = token ? tokenClaims(token) : undefined;
  if (!claims) return undefined;
  const nowSeconds = Math.floor((cluster.clock.epochMs + cluster.clock.now) / 1000);
  const bound = claims['kubernetes.io'];
  const pod = cluster.store.get<Pod>('Pod', bound.namespace, bound.pod.name);
  // A bound token dies with its Pod (pkg/serviceaccount/claims.go: the Pod must still exist, same uid).
  if (claims.exp <= nowSeconds || !pod || pod.metadata.uid !== bound.pod.uid || pod.metadata.deletionTimestamp) return undefined;
  return { name: claims.sub, authenticated: true };
}

interface RequestInfo {
  path: string;
  verb: string;
  resource?: { group: string; resource: string; subresource?: string; namespace?: string; name?: string };
}

/**
 * What the API server reads from a URL (staging/src/k8s.io/apiserver/pkg/endpoints/request/
 * requestinfo.go, NewRequestInfo): /api/v1/… and /apis/GROUP/VERSION/… with a resource are
 * resource requests, `namespaces/NS/` scoping the rest; the verb comes from the method, GET
 * without a name being list (watch with ?watch=true).
 */
function requestInfo(method: string, target: string): RequestInfo {
  const [path, query = ''] = target.split('?');
  const parts = path.split('/').filter(Boolean);
  const nonResource = { path, verb: method.toLowerCase() };
  let rest: string[];
  let group = '';
  if (parts[0] === 'api' && parts.length >= 3) rest = parts.slice(2);
  else if (parts[0] === 'apis' && parts.length >= 4) [group, rest] = [parts[1], parts.slice(3)];
  else return nonResource;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2) rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  const verbs: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: name ? 'delete' : 'deletecollection' };
  const watch = /(^|&)watch=(true|1)(&|$)/.test(query);
  const verb = method === 'GET' || method === 'HEAD' ? (name ? 'get' : watch ? 'watch' : 'list') : (verbs[method] ?? method.toLowerCase());
  return { path, verb, resource: { group, resource, subresource, namespace, name } };
}

/** Paths the default ClusterRoles let everyone, and every authenticated user, GET. */
const publicInfo = ['/healthz', '/livez', '/readyz', '/version', '/version/'];
const discovery = ['/api', '/api/*', '/apis', '/apis/*', '/openapi', '/openapi/*', ...publicInfo];

/** RBAC's refusal, or undefined when a default role allows the request. */
function authorize(user: User, request: RequestInfo): { message: string; details: Record<string, string> } | undefined {
  const r = request.resource;
  if (!r) {
    const allowed = (user.authenticated ? discovery : publicInfo).some((p) => (p.endsWith('*') ? request.path.startsWith(p.slice(0, -1)) : request.path === p));
    if (request.verb === 'get' && allowed) return undefined;
    return { message: `forbidden: User "${user.name}" cannot ${request.verb} path "${request.path}"`, details: {} };
  }
  const resource = r.subresource ? `${r.resource}/${r.subresource}` : r.resource;
  const scope = r.namespace ? `in the namespace "${r.namespace}"` : 'at the cluster scope';
  const why = `User "${user.name}" cannot ${request.verb} resource "${resource}" in API group "${r.group}" ${scope}`;
  const qualified = r.group ? `${r.resource}.${r.group}` : r.resource;
  return {
    message: r.name ? `${qualified} "${r.name}" is forbidden: ${why}` : `${qualified} is forbidden: ${why}`,
    details: { ...(r.name ? { name: r.name } : {}), ...(r.group ? { group: r.group } : {}), kind: r.resource },
  };
}

/** A metav1.Status for a failed request; `details` is left out when the error carries none (401). */
function status(code: number, reason: string, message: string, details?: Record<string, string>): unknown {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

/** Indented without a final newline for curl, Wget and browsers; compact with one otherwise (json.Serializer). */
function encode(body: unknown, req: HttpRequest): string {
  const agent = header(req.headers, 'User-Agent') ?? '';
  const pretty = /^(curl|Wget|Mozilla\/5\.0)/.test(agent) || /(^|&)pretty=(true|1)/.test(req.path.split('?')[1] ?? '');
  return pretty ? JSON.stringify(body, null, 2) : `${JSON.stringify(body)}\n`;
}
