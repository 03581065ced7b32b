import type { EndpointSlice, Ingress, IngressBackend, IngressClass, Service } from '../../api/types';
import type { Store } from '../../core/store';
import { loadBalancerAddresses } from '../printers/service';
import { eventsFor, writeEvents } from './events';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer';
import { formatEndpointSlices } from './service';

/**
 * `kubectl describe ingress`, following describeIngressV1 in k8s.io/kubectl/pkg/describe/describe.go:
 * each backend as `service:port (endpoints)`, the endpoints being the ready addresses of the
 * Service's EndpointSlices for the backend's port.
 */
export function describeIngress(store: Store, ing: Ingress, nowMs: number): string {
  const w = new PrefixWriter();
  const ns = ing.metadata.namespace ?? 'default';
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  writeLabels(w, 'Labels', ing.metadata.labels);
  w.write(0, `Namespace:\t${ns}\n`);
  w.write(0, `Address:\t${loadBalancerAddresses(ing.status?.loadBalancer?.ingress, true)}\n`);
  w.write(0, `Ingress Class:\t${ing.spec.ingressClassName ?? '<none>'}\n`);
  const defaultBackend = ing.spec.defaultBackend ? describeBackend(store, ns, ing.spec.defaultBackend) : '<default>';
  w.write(0, `Default backend:\t${defaultBackend}\n`);
  if (ing.spec.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of ing.spec.tls) w.write(1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`);
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of ing.spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${rule.host || '*'}\t\n`);
    for (const p of rule.http.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${describeBackend(store, ns, p.backend)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${defaultBackend}\n`);
  writeAnnotations(w, 'Annotations', ing.metadata.annotations);
  writeEvents(w, eventsFor(store, ing), nowMs);
  return w.toString();
}

/** describeBackendV1: `web:80 (10.244.1.3:8080,…)`, or the error that looking it up met. */
function describeBackend(store: Store, ns: string, backend: IngressBackend): string {
  if (backend.service) {
    const { name, port } = backend.service;
    const label = `${name}:${port?.number ? port.number : (port?.name ?? '')}`;
    const svc = store.get<Service>('Service', ns, name);
    if (!svc) return `${label} (<error: services "${name}" not found>)`;
    const sp = (svc.spec.ports ?? []).find((p) => (port?.number ? p.port === port.number : !!port?.name && p.name === port.name));
    const slices = store.list<EndpointSlice>('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
    return `${label} (${formatEndpointSlices(slices, sp?.name ?? '')})`;
  }
  if (backend.resource) return `APIGroup: ${backend.resource.apiGroup ?? '<none>'}, Kind: ${backend.resource.kind}, Name: ${backend.resource.name}`;
  return '';
}

/** `kubectl describe ingressclass` (describeIngressClassV1). */
export function describeIngressClass(store: Store, ic: IngressClass, nowMs: number): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ic.metadata.name}\n`);
  writeLabels(w, 'Labels', ic.metadata.labels);
  writeAnnotations(w, 'Annotations', ic.metadata.annotations);
  w.write(0, `Controller:\t${ic.spec.controller ?? ''}\n`);
  const p = ic.spec.parameters;
  if (p) {
    w.write(0, 'Parameters:\n');
    if (p.apiGroup) w.write(1, `APIGroup:\t${p.apiGroup}\n`);
    w.write(1, `Kind:\t${p.kind}\n`);
    w.write(1, `Name:\t${p.name}\n`);
  }
  writeEvents(w, eventsFor(store, ic), nowMs);
  return w.toString();
}
