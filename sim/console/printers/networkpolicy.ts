import type { NetworkPolicy } from '../../api/types';
import { since } from './age';
import { formatLabelSelector } from './selector-format';
import type { KindPrinter } from './table';

/** printNetworkPolicy (pkg/printers/internalversion/printers.go). */
export const networkPolicyPrinter: KindPrinter<NetworkPolicy> = {
  columns: ['Name', 'Pod-Selector', 'Age'],
  wideColumns: [],
  row(np, ctx) {
    return [np.metadata.name, formatLabelSelector(np.spec.podSelector), since(np.metadata.creationTimestamp, ctx.nowMs)];
  },
};
