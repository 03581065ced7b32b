import type { EndpointSlice, Service } from '../../api/types';
import { formatLabels } from '../../api/labels';
import { LabelServiceName } from '../../api/well-known';
import type { Store } from '../../core/store';
import { eventsFor, writeEvents } from './events';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer';

/**
 * `kubectl describe service`, following describeService in k8s.io/kubectl/pkg/describe/describe.go:
 * Endpoints lists the ready endpoints of the Service's EndpointSlices (label
 * kubernetes.io/service-name) for each port, at most three.
 */
export function describeService(store: Store, svc: Service, nowMs: number): string {
  const w = new PrefixWriter();
  const spec = svc.spec;
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname).join(', ')}\n`);
  const slices = store.list<EndpointSlice>('EndpointSlice', svc.metadata.namespace).filter((s) => s.metadata.labels?.[LabelServiceName] === svc.metadata.name);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const protocol = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${p.port}/${protocol}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${protocol}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  writeEvents(w, eventsFor(store, svc), nowMs);
  return w.toString();
}

/** describe.go formatEndpointSlices: ready endpoints of the named port as `ip:port`, three then `+ N more...`. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let count = 0;
  for (const slice of slices) {
    const ready = slice.endpoints.filter((e) => e.conditions.ready !== false);
    if (slice.ports.length === 0) {
      for (const e of ready) {
        if (list.length < max) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of slice.ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of ready) {
        if (list.length < max) list.push(`${e.addresses[0]}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return count > max ? `${ret} + ${count - max} more...` : ret;
}
