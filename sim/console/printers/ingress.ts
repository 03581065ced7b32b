import type { Ingress, IngressClass } from '../../api/types';
import { since } from './age';
import { loadBalancerAddresses } from './service';
import type { KindPrinter } from './table';

/**
 * printIngress (pkg/printers/internalversion/printers.go): CLASS is spec.ingressClassName or
 * `<none>`; HOSTS lists the rules' hosts (`*` when none), three at most then `+ N more...`;
 * ADDRESS is what the controller wrote in status.loadBalancer (empty until one does); PORTS is
 * `80`, or `80, 443` when the Ingress has a TLS section.
 */
export const ingressPrinter: KindPrinter<Ingress> = {
  columns: ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age'],
  wideColumns: [],
  row(ing, ctx) {
    return [
      ing.metadata.name,
      ing.spec.ingressClassName ?? '<none>',
      formatHosts(ing.spec.rules ?? []),
      loadBalancerAddresses(ing.status?.loadBalancer?.ingress, ctx.wide),
      ing.spec.tls?.length ? '80, 443' : '80',
      since(ing.metadata.creationTimestamp, ctx.nowMs),
    ];
  },
};

/** formatHosts in printers.go. */
function formatHosts(rules: { host?: string }[]): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (list.length === max) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (!list.length) return '*';
  return more ? `${list.join(',')} + ${rules.length - max} more...` : list.join(',');
}

/** printIngressClass: PARAMETERS is `Kind.group/name` or `<none>`. */
export const ingressClassPrinter: KindPrinter<IngressClass> = {
  columns: ['Name', 'Controller', 'Parameters', 'Age'],
  wideColumns: [],
  row(ic, ctx) {
    const p = ic.spec.parameters;
    const parameters = p ? `${p.apiGroup ? `${p.kind}.${p.apiGroup}` : p.kind}/${p.name}` : '<none>';
    return [ic.metadata.name, ic.spec.controller ?? '', parameters, since(ic.metadata.creationTimestamp, ctx.nowMs)];
  },
};
