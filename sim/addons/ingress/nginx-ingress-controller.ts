import type { EndpointSlice, Ingress, IngressClass, Pod, Secret, Service } from '../../api/types';
import { Controller } from '../../core/controller';
import { deepEqual, objectKey, splitKey } from '../../core/store';
import type { PodSandbox } from '../../net/node-network';
import type { HttpRequest, HttpResponse } from '../../net/http';
import { header, requestHost, requestPath } from '../../net/http';
import type { TlsOffer } from '../../net/tls/handshake';
import type { HttpPeer, Server } from '../../node/main-programs';
import type { HostEnvironment } from '../../node/programs';
import { exchange } from '../../node/http-exchange';
import { buildConfig, hasIngressClass, type NginxConfig, type Upstream } from './nginx-config';
import { matchLocation } from './nginx-location';
import { nginxPage, proxiedResponse } from '../../node/nginx-pages';

/**
 * NGINX Ingress Controller (F5's nginx/kubernetes-ingress), as it runs in its Pod: the controller
 * process watches Ingresses, IngressClasses, Services, EndpointSlices and Secrets through the API,
 * regenerates nginx's configuration when they change, and reports each Ingress' address in its
 * status; nginx, in the same Pod, answers every HTTP request by host and path, straight to a Pod
 * IP of the backend Service. The community ingress-nginx controller (kubernetes/ingress-nginx),
 * long the usual choice, was retired in March 2026; this one is a maintained nginx-based controller.
 *
 * Modelled: classes (`-ingress-class`, default `nginx`), hosts and paths (see nginx-location.ts),
 * TLS termination with a Secret and the redirect of plain HTTP to HTTPS for TLS hosts
 * (`ssl-redirect`, on by default), the default server's 404 (and no TLS handshake for unknown
 * names, as without `-default-server-tls-secret`), 502 when a backend has no ready endpoint, the
 * X-Real-IP / X-Forwarded-* headers, `random two least_conn` load balancing (random here: requests
 * are one at a time), the `AddedOrUpdated` Event, and status from `-external-service`'s load
 * balancer. Not modelled: annotations, mergeable Ingresses, VirtualServer resources.
 * Sources: internal/k8s/controller.go, internal/k8s/status.go, internal/configs/version1/nginx.tmpl
 * and nginx.ingress.tmpl.
 */
export interface NginxIngressFlags {
  ingressClass: string;
  /** `-external-service`: the Service whose load balancer address the Ingresses report. */
  externalService?: string;
  reportIngressStatus: boolean;
}

export class NginxIngressController extends Controller {
  readonly name = 'nginx-ingress-controller';
  private config?: NginxConfig;
  /** The configuration each Ingress was last reported with, to record AddedOrUpdated only on a change. */
  private applied = new Map<string, string>();
  private readonly unwatch: (() => void)[] = [];

  constructor(
    private readonly env: HostEnvironment,
    private readonly pod: Pod,
    private readonly flags: NginxIngressFlags,
    /** Is this process still running? The watches end when it is not. */
    private readonly alive: () => boolean,
  ) {
    super(env);
    const store = env.store;
    const onIngress = (ing: Ingress) => {
      if (hasIngressClass(ing, flags.ingressClass) || this.applied.has(objectKey(ing))) this.enqueue(objectKey(ing));
    };
    const everyIngress = () => {
      for (const ing of store.list<Ingress>('Ingress')) onIngress(ing);
    };
    this.watch<Ingress>('Ingress', (e) => onIngress(e.object));
    this.watch<IngressClass>('IngressClass', everyIngress);
    this.watch<Secret>('Secret', everyIngress);
    this.watch<Service>('Service', (e) => {
      if (this.isExternalService(e.object)) everyIngress();
      else this.config = undefined;
    });
    this.watch<EndpointSlice>('EndpointSlice', () => void (this.config = undefined));
    everyIngress();
  }

  /** Subscribes to a kind; every event first drops the generated configuration, which is rebuilt when next needed. */
  private watch<T extends Ingress | IngressClass | Secret | Service | EndpointSlice>(kind: string, handler: (e: { object: T }) => void): void {
    this.unwatch.push(
      this.env.store.watch<T>(kind, (e) => {
        if (!this.alive()) return this.stop();
        this.config = undefined;
        handler(e);
      }),
    );
  }

  private stop(): void {
    for (const u of this.unwatch.splice(0)) u();
  }

  private isExternalService(svc: Service): boolean {
    return svc.metadata.name === this.flags.externalService && svc.metadata.namespace === this.pod.metadata.namespace;
  }

  /** nginx's configuration, regenerated from the store when something it depends on changed. */
  private current(): NginxConfig {
    this.config ??= buildConfig(this.env.store, this.flags.ingressClass);
    return this.config;
  }

  /** One Ingress: record that its configuration was applied, and report the address in its status. */
  protected reconcile(key: string): void {
    if (!this.alive()) return this.stop();
    const { namespace, name } = splitKey(key);
    const store = this.env.store;
    const ing = store.get<Ingress>('Ingress', namespace, name);
    if (!ing || !hasIngressClass(ing, this.flags.ingressClass)) {
      this.applied.delete(key);
      return;
    }
    const signature = JSON.stringify(ing.spec);
    if (this.applied.get(key) !== signature) {
      this.applied.set(key, signature);
      this.env.recordEvent(ing, 'Normal', 'AddedOrUpdated', `Configuration for ${key} was added or updated`, this.name);
      this.log(key, 'configuration added or updated; nginx reloaded');
    }
    if (!this.flags.reportIngressStatus) return;
    const ingress = this.externalAddresses();
    const loadBalancer = ingress.length ? { ingress } : {};
    if (deepEqual(ing.status?.loadBalancer ?? {}, loadBalancer)) return;
    store.update<Ingress>({ ...ing, status: { ...ing.status, loadBalancer } });
    this.log(key, `status: address ${ingress.map((i) => i.ip ?? i.hostname).join(',') || '(none)'}`);
  }

  /** getExternalServiceAddress: the external Service's load balancer IPs (or hostnames), then its externalIPs. */
  private externalAddresses(): { ip?: string; hostname?: string }[] {
    const name = this.flags.externalService;
    const svc = name ? this.env.store.get<Service & { spec: { externalIPs?: string[] } }>('Service', this.pod.metadata.namespace ?? '', name) : undefined;
    if (!svc) return [];
    const addresses = [...(svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || ''), ...(svc.spec.externalIPs ?? [])].filter(Boolean);
    return addresses.map((a) => (/^[\d.]+$/.test(a) ? { ip: a } : { hostname: a }));
  }

  /** The TLS a listening socket speaks: on 443, the certificate of the host asked for by SNI. */
  tls(socket: string, sni: string | undefined): TlsOffer | undefined {
    if (socket !== 'TCP/443') return undefined;
    const server = sni ? this.current().servers.get(sni.toLowerCase()) : undefined;
    if (!server?.tls || server.tls === 'reject') return { reject: 'unrecognized_name' };
    return { chain: server.tls.chain };
  }

  /** nginx answering one request that reached this Pod. */
  serve(req: HttpRequest, peer: HttpPeer, sandbox: PodSandbox): HttpResponse {
    const now = this.env.clock.epochMs + this.env.clock.now;
    if (peer.socket === 'TCP/8081') return { status: 200, headers: [['Content-Type', 'text/plain']], body: 'Ready' };
    const https = peer.socket === 'TCP/443';
    const host = requestHost(req);
    const config = this.current();
    // Over TLS the virtual server is the one the handshake chose (SNI); else the Host header's.
    const server = config.servers.get(https ? (peer.tls?.sni ?? '').toLowerCase() : host) ?? (https ? undefined : config.servers.get(''));
    if (!server) return nginxPage(404, now);
    if (!https && server.tls) return nginxPage(301, now, `https://${host}:443${req.path}`);
    const location = matchLocation(server.locations, requestPath(req));
    if (!location) return nginxPage(404, now);
    return this.proxy(location.target, req, peer, https, sandbox.ip, now);
  }

  /** proxy_pass to one endpoint of the upstream, with the headers the controller's template sets. */
  private proxy(upstream: Upstream, req: HttpRequest, peer: HttpPeer, https: boolean, fromIP: string, now: number): HttpResponse {
    if (!upstream.endpoints.length) return nginxPage(502, now);
    const endpoint = upstream.endpoints[this.env.rng.stream('ingress-nginx').int(upstream.endpoints.length)];
    const dial = this.env.dataplane.connect({ fromIP, protocol: 'TCP', dstIP: endpoint.ip, dstPort: endpoint.port });
    if (dial.outcome !== 'established' || !dial.connection) return nginxPage(dial.outcome === 'timeout' ? 504 : 502, now);
    const forwardedFor = header(req.headers, 'X-Forwarded-For');
    const host = requestHost(req);
    const set: [string, string][] = [
      ['Host', host],
      ['X-Real-IP', peer.clientIP],
      ['X-Forwarded-For', forwardedFor ? `${forwardedFor}, ${peer.clientIP}` : peer.clientIP],
      ['X-Forwarded-Host', host],
      ['X-Forwarded-Port', peer.socket.slice(4)],
      ['X-Forwarded-Proto', https ? 'https' : 'http'],
      ['Connection', 'close'],
    ];
    const replaced = new Set(set.map(([n]) => n.toLowerCase()));
    const proxied: HttpRequest = { method: req.method, path: req.path, headers: [...set, ...req.headers.filter(([n]) => !replaced.has(n.toLowerCase()))] };
    const answer = exchange(this.env, dial.connection, proxied);
    dial.connection.close();
    return proxiedResponse(answer, now);
  }
}

/** The Server the controller's Pod listens with: HTTP 80, HTTPS 443, readiness 8081. */
export function nginxServer(controller: NginxIngressController, sandbox: () => PodSandbox | undefined): Server {
  return {
    sockets: ['TCP/80', 'TCP/443', 'TCP/8081'],
    tls: (socket, sni) => controller.tls(socket, sni),
    http: (req, peer) => {
      const s = sandbox();
      return s ? controller.serve(req, peer, s) : nginxPage(502, 0);
    },
  };
}
