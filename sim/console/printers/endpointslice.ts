import type { EndpointSlice } from '../../api/types';
import { since } from './age';
import type { KindPrinter } from './table';

/**
 * printEndpointSlice (pkg/printers/internalversion/printers.go): PORTS and ENDPOINTS list at most
 * three entries then `+ N more...`; an empty list prints `<unset>`. Every address is listed,
 * ready or not.
 */
export const endpointSlicePrinter: KindPrinter<EndpointSlice> = {
  columns: ['Name', 'AddressType', 'Ports', 'Endpoints', 'Age'],
  wideColumns: [],
  row(eps, ctx) {
    const ports = (eps.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : p.name ? p.name : '*'));
    const addresses = (eps.endpoints ?? []).flatMap((e) => e.addresses);
    return [eps.metadata.name, eps.addressType, listWithMore(ports), listWithMore(addresses), since(eps.metadata.creationTimestamp, ctx.nowMs)];
  },
};

/** printers.go listWithMoreString, with max 3. */
export function listWithMore(items: string[], max = 3): string {
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length ? items.join(',') : '<unset>';
}
