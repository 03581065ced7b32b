import type { ReplicaSet } from '../../api/types';
import { since } from './age';
import { formatLabelSelector } from './selector-format';
import type { KindPrinter } from './table';

/** printReplicaSet (pkg/printers/internalversion/printers.go). */
export const replicaSetPrinter: KindPrinter<ReplicaSet> = {
  columns: ['Name', 'Desired', 'Current', 'Ready', 'Age'],
  wideColumns: ['Containers', 'Images', 'Selector'],
  row(rs, ctx) {
    const cells = [
      rs.metadata.name,
      String(rs.spec.replicas ?? 1),
      String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0),
      since(rs.metadata.creationTimestamp, ctx.nowMs),
    ];
    if (ctx.wide) {
      const cs = rs.spec.template.spec.containers;
      cells.push(cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), formatLabelSelector(rs.spec.selector));
    }
    return cells;
  },
};
