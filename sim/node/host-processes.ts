import type { NodeHost } from './node-host';

/**
 * Process ids on a node: fixed for what systemd starts at boot, then handed out in the order
 * processes are first seen (a service started again, a Pod's shim, pause and containers), so the
 * same session prints the same PIDs; a new boot starts over. No random number is drawn.
 */

/** The services a freshly booted Ubuntu node runs, with the PIDs they typically get there. */
export const bootServices = {
  systemd: 1,
  'systemd-journald': 318,
  containerd: 652,
  sshd: 694,
  kubelet: 705,
  'kube-proxy': 712,
} as const;

/** Where PIDs handed out after boot start. */
const firstDynamicPid = 1024;

interface PidTable {
  next: number;
  byKey: Map<string, number>;
}

declare module './node-host' {
  interface NodeHost {
    /** The node's process ids, by what the process is (`kube-proxy#2`, `shim/<pod uid>`). */
    pids?: PidTable;
    /** How many times the machine booted again after the first boot (the journal's boots). */
    boot?: number;
    /** Virtual ms of the last boot (0: the cluster's start). */
    bootedAt?: number;
  }
}

/** The machine boots again (`sim start node`): a new boot in the journal, and PIDs start over. */
export function bootAgain(node: NodeHost, now: number): void {
  node.boot = (node.boot ?? 0) + 1;
  node.bootedAt = now;
  node.pids = undefined;
}

/** The PID of the process `key` names on the node: `fixed` the first time if given, else the next free one. */
export function pidOf(node: NodeHost, key: string, fixed?: number): number {
  const table = (node.pids ??= { next: firstDynamicPid, byKey: new Map() });
  let pid = table.byKey.get(key);
  if (pid === undefined) {
    pid = fixed ?? table.next++;
    table.byKey.set(key, pid);
  }
  return pid;
}
