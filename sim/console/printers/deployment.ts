import type { Deployment } from '../../api/types';
import { since } from './age';
import { formatLabelSelector } from './selector-format';
import type { KindPrinter } from './table';

/** printDeployment (pkg/printers/internalversion/printers.go): READY is ready/desired. */
export const deploymentPrinter: KindPrinter<Deployment> = {
  columns: ['Name', 'Ready', 'Up-to-date', 'Available', 'Age'],
  wideColumns: ['Containers', 'Images', 'Selector'],
  row(d, ctx) {
    const s = d.status ?? {};
    const cells = [
      d.metadata.name,
      `${s.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
      String(s.updatedReplicas ?? 0),
      String(s.availableReplicas ?? 0),
      since(d.metadata.creationTimestamp, ctx.nowMs),
    ];
    if (ctx.wide) {
      const cs = d.spec.template.spec.containers;
      cells.push(cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), formatLabelSelector(d.spec.selector));
    }
    return cells;
  },
};
