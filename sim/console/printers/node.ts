import type { Node } from '../../api/types';
import { since } from './age';
import type { KindPrinter } from './table';

/**
 * printNode (pkg/printers/internalversion/printers.go): STATUS is Ready / NotReady / Unknown from
 * the Ready condition, plus SchedulingDisabled when cordoned; ROLES from node-role.kubernetes.io/*
 * labels.
 */
export const nodePrinter: KindPrinter<Node> = {
  columns: ['Name', 'Status', 'Roles', 'Age', 'Version'],
  wideColumns: ['Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'],
  row(node, ctx) {
    const info = node.status?.nodeInfo;
    const cells = [node.metadata.name, nodeStatus(node), nodeRoles(node), since(node.metadata.creationTimestamp, ctx.nowMs), info?.kubeletVersion ?? ''];
    if (ctx.wide) {
      const address = (type: string) => node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
      cells.push(address('InternalIP'), address('ExternalIP'), info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>');
    }
    return cells;
  },
};

export function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort().join(',') || '<none>';
}
