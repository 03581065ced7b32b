import type { EndpointSlice, Namespace, Service } from '../../api/types';
import type { Store } from '../../core/store';
import { LabelServiceName } from '../../api/well-known';
import { isIPv4 } from '../../net/ip';
import { reverseName, type DnsQuestion, type DnsRecord, type DnsResponse } from './message';

/**
 * CoreDNS's `kubernetes` plugin: answers names under the cluster domain from the API objects it
 * watches (Services, EndpointSlices, Namespaces), following the Kubernetes DNS specification.
 *  - `<svc>.<ns>.svc.<zone>` A: the ClusterIP; for a headless Service, the addresses of its ready
 *    endpoints (no ready endpoint: NXDOMAIN).
 *  - `<endpoint>.<svc>.<ns>.svc.<zone>` A, for headless Services: the endpoint's hostname, or its IP
 *    with dashes (10-244-1-5).
 *  - `_<port>._<proto>.<svc>.<ns>.svc.<zone>` SRV, for named ports: `0 100 <port> <svc>.<ns>.svc.<zone>`
 *    for a ClusterIP Service, one record per ready endpoint for a headless one.
 *  - `<a-b-c-d>.<ns>.pod.<zone>` A: the address written in the name (`pods insecure`).
 *  - A namespace, `svc.<zone>` or the zone itself: the name exists, with no record (NODATA).
 *  - `<d.c.b.a>.in-addr.arpa` PTR: the Service whose ClusterIP it is, else each endpoint with that
 *    address (`<endpoint>.<svc>.<ns>.svc.<zone>`); anything else falls through to `forward`.
 * Everything else in the zone is NXDOMAIN. The zone's answers are authoritative (AA), and a
 * negative one carries the zone's SOA (`ns.dns.<zone> hostmaster.<zone>`, refresh 7200, retry 1800,
 * expire 86400, minimum the TTL; plugin/backend_lookup.go SOA). Names outside the zone go to
 * `forward`, which here has no upstream that knows them: a non-authoritative NXDOMAIN with the
 * root zone's SOA, as a public resolver answers.
 * Sources: https://coredns.io/plugins/kubernetes/, kubernetes/dns docs/specification.md; the TTL is
 * kubeadm's Corefile (`ttl 30`, cmd/kubeadm/app/phases/addons/dns/manifests.go).
 */
export const CoreDnsTTL = 30;

export function answerFromStore(store: Store, zone: string, q: DnsQuestion, nowMs: number): DnsResponse {
  if (q.name === zone || q.name.endsWith(`.${zone}`)) {
    const r = zoneAnswer(store, zone, q);
    return r.answers.length ? { ...r, authoritative: true } : { ...r, authoritative: true, authority: [zoneSoa(store, zone)] };
  }
  if (q.type === 'PTR') {
    const answers = reverseAnswer(store, zone, q.name);
    if (answers.length) return { rcode: 'NOERROR', answers, additional: [], authoritative: true };
  }
  return upstreamNxdomain(nowMs);
}

/** What `forward` relays for a name no upstream knows: NXDOMAIN, not authoritative, with the root zone's SOA. */
export function upstreamNxdomain(nowMs: number): DnsResponse {
  return { rcode: 'NXDOMAIN', answers: [], additional: [], authoritative: false, authority: [rootSoa(nowMs)] };
}

/** The SOA the kubernetes plugin gives its zone; the serial is when its Services or EndpointSlices last changed (here: the newest one's creation, in Unix seconds). */
function zoneSoa(store: Store, zone: string): DnsRecord {
  const created = [...store.list<Service>('Service'), ...store.list<EndpointSlice>('EndpointSlice')].map((o) => Date.parse(o.metadata.creationTimestamp ?? '') || 0);
  const serial = Math.floor(Math.max(0, ...created) / 1000);
  return { name: zone, type: 'SOA', ttl: CoreDnsTTL, soa: { mname: `ns.dns.${zone}`, rname: `hostmaster.${zone}`, serial, refresh: 7200, retry: 1800, expire: 86400, minimum: CoreDnsTTL } };
}

/** The root zone's SOA, as an upstream resolver returns it with NXDOMAIN (Verisign's serial is the date, YYYYMMDDnn). */
function rootSoa(nowMs: number): DnsRecord {
  const serial = Number(new Date(nowMs).toISOString().slice(0, 10).replaceAll('-', '')) * 100;
  return { name: '', type: 'SOA', ttl: 86400, soa: { mname: 'a.root-servers.net', rname: 'nstld.verisign-grs.com', serial, refresh: 1800, retry: 900, expire: 604800, minimum: 86400 } };
}

/** PTR records for an in-addr.arpa name: a Service's ClusterIP, else the endpoints with that address (plugin/kubernetes/reverse.go). */
function reverseAnswer(store: Store, zone: string, name: string): DnsRecord[] {
  const services = store.list<Service>('Service');
  const ptr = (target: string): DnsRecord => ({ name, type: 'PTR', ttl: CoreDnsTTL, ptr: target });
  const bySvcIP = services.find((s) => s.spec.clusterIP && s.spec.clusterIP !== 'None' && reverseName(s.spec.clusterIP) === name);
  if (bySvcIP) return [ptr(`${bySvcIP.metadata.name}.${bySvcIP.metadata.namespace ?? 'default'}.svc.${zone}`)];
  return services.flatMap((svc) => readyEndpoints(store, svc, `${svc.metadata.name}.${svc.metadata.namespace ?? 'default'}.svc.${zone}`))
    .filter((e) => reverseName(e.ip) === name)
    .map((e) => ptr(e.fqdn));
}

/** The kubernetes plugin's answer for a name in its zone. */
function zoneAnswer(store: Store, zone: string, q: DnsQuestion): DnsResponse {
  const nx: DnsResponse = { rcode: 'NXDOMAIN', answers: [], additional: [] };
  const nodata: DnsResponse = { rcode: 'NOERROR', answers: [], additional: [] };
  const labels = q.name === zone ? [] : q.name.slice(0, -zone.length - 1).split('.');
  const nsExists = (ns: string) => store.get<Namespace>('Namespace', '', ns) !== undefined;
  const n = labels.length;
  if (n === 0 || (n === 1 && (labels[0] === 'svc' || labels[0] === 'pod'))) return nodata;

  if (labels[n - 1] === 'pod') {
    if (n !== 3 || !nsExists(labels[1])) return nx;
    const ip = labels[0].replaceAll('-', '.');
    if (!isIPv4(ip)) return nx;
    return q.type === 'A' ? answer([a(q.name, ip)]) : nodata;
  }
  if (labels[n - 1] !== 'svc') return nx;
  if (n === 2) return nsExists(labels[0]) ? nodata : nx;

  const [svcName, ns] = labels.slice(n - 3, n - 1);
  const svc = store.get<Service>('Service', ns, svcName);
  if (!svc || svc.spec.type === 'ExternalName') return nx;
  const fqdn = `${svcName}.${ns}.svc.${zone}`;
  const headless = svc.spec.clusterIP === 'None';
  const endpoints = headless ? readyEndpoints(store, svc, fqdn) : [];

  if (n === 3) {
    if (!headless) return q.type === 'A' ? answer([a(q.name, svc.spec.clusterIP!)]) : nodata;
    if (!endpoints.length) return nx;
    return q.type === 'A' ? answer(endpoints.map((e) => a(q.name, e.ip))) : nodata;
  }
  if (n === 4) {
    const ep = headless ? endpoints.find((e) => e.name === labels[0]) : undefined;
    if (!ep) return nx;
    return q.type === 'A' ? answer([a(q.name, ep.ip)]) : nodata;
  }
  if (n === 5 && labels[0].startsWith('_') && labels[1].startsWith('_')) {
    const portName = labels[0].slice(1);
    const proto = labels[1].slice(1).toUpperCase();
    const port = svc.spec.ports?.find((p) => p.name === portName && (p.protocol ?? 'TCP') === proto);
    if (!port) return nx;
    if (q.type !== 'SRV') return nodata;
    if (!headless) return answer([srv(q.name, port.port, fqdn, 100)], [a(fqdn, svc.spec.clusterIP!)]);
    const targets = endpoints.filter((e) => e.ports.some((p) => p.name === portName && p.protocol === proto));
    if (!targets.length) return nx;
    const weight = Math.floor(100 / targets.length);
    return answer(
      targets.map((e) => srv(q.name, e.ports.find((p) => p.name === portName)!.port, e.fqdn, weight)),
      targets.map((e) => a(e.fqdn, e.ip)),
    );
  }
  return nx;
}

interface ReadyEndpoint {
  /** The name the endpoint answers to under its Service: its hostname, or its IP with dashes. */
  name: string;
  fqdn: string;
  ip: string;
  ports: { name: string; protocol: string; port: number }[];
}

/** The ready endpoints of a Service, from all its EndpointSlices, in slice order. */
function readyEndpoints(store: Store, svc: Service, svcFqdn: string): ReadyEndpoint[] {
  const out: ReadyEndpoint[] = [];
  const slices = store
    .list<EndpointSlice>('EndpointSlice', svc.metadata.namespace ?? 'default')
    .filter((s) => s.metadata.labels?.[LabelServiceName] === svc.metadata.name);
  for (const slice of slices) {
    const ports = (slice.ports ?? []).map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port ?? 0 }));
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions.ready === false) continue;
      for (const ip of ep.addresses) {
        const name = ep.hostname ?? ip.replaceAll('.', '-');
        out.push({ name, fqdn: `${name}.${svcFqdn}`, ip, ports });
      }
    }
  }
  return out;
}

function answer(answers: DnsRecord[], additional: DnsRecord[] = []): DnsResponse {
  return { rcode: 'NOERROR', answers, additional };
}

function a(name: string, address: string): DnsRecord {
  return { name, type: 'A', ttl: CoreDnsTTL, address };
}

function srv(name: string, port: number, target: string, weight: number): DnsRecord {
  return { name, type: 'SRV', ttl: CoreDnsTTL, srv: { priority: 0, weight, port, target } };
}
