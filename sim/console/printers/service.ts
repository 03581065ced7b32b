import type { Service } from '../../api/types';
import { formatLabels } from '../../api/labels';
import { since } from './age';
import type { KindPrinter } from './table';

/**
 * printService (pkg/printers/internalversion/printers.go): EXTERNAL-IP is `<none>` for ClusterIP
 * and NodePort, the load balancer's address or `<pending>` for LoadBalancer (clipped to 16
 * characters unless wide); PORT(S) is `80/TCP` or `80:30080/TCP`.
 */
export const servicePrinter: KindPrinter<Service> = {
  columns: ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age'],
  wideColumns: ['Selector'],
  row(svc, ctx) {
    const ports = (svc.spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
    const cells = [
      svc.metadata.name,
      svc.spec.type ?? 'ClusterIP',
      svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '<none>',
      externalIP(svc, ctx.wide),
      ports || '<none>',
      since(svc.metadata.creationTimestamp, ctx.nowMs),
    ];
    if (ctx.wide) cells.push(formatLabels(svc.spec.selector));
    return cells;
  },
};

/** loadBalancerWidth = 16 in printers.go. */
const loadBalancerWidth = 16;

function externalIP(svc: Service, wide: boolean): string {
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return '<none>';
    case 'LoadBalancer':
      return loadBalancerAddresses(svc.status?.loadBalancer?.ingress, wide) || '<pending>';
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/**
 * loadBalancerStatusStringer (and ingressLoadBalancerStatusStringer): each ingress point's IP, or
 * its hostname, sorted and de-duplicated, joined by `,`; clipped to 16 characters unless wide.
 */
export function loadBalancerAddresses(ingress: { ip?: string; hostname?: string }[] | undefined, wide: boolean): string {
  const addresses = [...new Set((ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean))].sort();
  const r = addresses.join(',');
  return !wide && r.length > loadBalancerWidth ? r.slice(0, loadBalancerWidth - 3) + '...' : r;
}
