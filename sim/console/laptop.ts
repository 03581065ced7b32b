import type { Cluster } from '../cluster';
import type { ExecResult } from '../node/programs';
import { curl } from '../node/programs/curl';
import type { Filter } from '../shell/filters';

/**
 * The console's plain `curl` (outside `kubectl exec`): it runs on the reader's laptop, a host on
 * the internet (on bare metal, a machine on the nodes' LAN), so it reaches the cluster only as the
 * world does: a node's public IP and NodePort, or a load balancer's public IP. The laptop's
 * resolver knows no cluster names: address it by IP.
 */
export function laptopCurl(cluster: Cluster, args: string[]): ExecResult {
  const fs = new Map([
    ['/etc/hosts', '127.0.0.1\tlocalhost\n'],
    ['/etc/resolv.conf', ''],
  ]);
  return curl({ cluster, address: cluster.cloud.laptop.address, fs, tty: true }, args);
}

/**
 * The reader's `cat [FILE…]` (GNU coreutils): the files one after the other, or its stdin with
 * none (or `-`); a missing file gets `cat: NAME: No such file or directory` and exit code 1.
 * Source: coreutils src/cat.c.
 */
export const laptopCat: Filter = (args, { stdin, readFile }) => {
  let stdout = '';
  let stderr = '';
  for (const name of args.length ? args : ['-']) {
    const text = name === '-' ? (stdin ?? '') : readFile?.(name);
    if (text === undefined) stderr += `cat: ${name}: No such file or directory\n`;
    else stdout += text;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};
