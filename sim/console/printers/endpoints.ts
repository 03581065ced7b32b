import type { KubeObject } from '../../api/types';
import { since } from './age';
import type { KindPrinter } from './table';

/** The fields of a v1 Endpoints object that kubectl prints. */
export interface EndpointsObject extends KubeObject {
  subsets?: {
    addresses?: { ip: string }[];
    notReadyAddresses?: { ip: string }[];
    ports?: { name?: string; port: number; protocol?: string }[];
  }[];
}

/**
 * printEndpoints / formatEndpoints (pkg/printers/internalversion/printers.go): ready addresses
 * only, as `ip:port` for every port, at most three then `+ N more...`; `<none>` without subsets.
 */
export const endpointsPrinter: KindPrinter<EndpointsObject> = {
  columns: ['Name', 'Endpoints', 'Age'],
  wideColumns: [],
  row(ep, ctx) {
    return [ep.metadata.name, formatEndpoints(ep), since(ep.metadata.creationTimestamp, ctx.nowMs)];
  },
};

function formatEndpoints(ep: EndpointsObject): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports?.length) {
      count += addresses.length;
      for (const a of addresses) if (list.length < max) list.push(a.ip);
      continue;
    }
    for (const port of ss.ports) {
      count += addresses.length;
      for (const a of addresses) if (list.length < max) list.push(`${a.ip}:${port.port}`);
    }
  }
  const ret = list.join(',');
  return count > max ? `${ret} + ${count - max} more...` : ret;
}
