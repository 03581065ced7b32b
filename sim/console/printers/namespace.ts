import type { Namespace } from '../../api/types';
import { since } from './age';
import type { KindPrinter } from './table';

/** printNamespace (pkg/printers/internalversion/printers.go). */
export const namespacePrinter: KindPrinter<Namespace> = {
  columns: ['Name', 'Status', 'Age'],
  wideColumns: [],
  row(ns, ctx) {
    return [ns.metadata.name, ns.status?.phase ?? 'Active', since(ns.metadata.creationTimestamp, ctx.nowMs)];
  },
};
