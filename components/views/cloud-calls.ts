/**
 * What the Cloud calls panel shows: one Service's `kubectl get svc` line, exactly as kubectl prints
 * it (its EXTERNAL-IP going from `<pending>` to the load balancer's address), beside every call the
 * cloud's API received (who asked, what, and what the cloud answered). The cloud and its API are
 * the simulator's invention (sim/cloud/cloud.ts); the calls are those the engine made.
 */
import type { Cluster } from '../../sim/cluster';
import type { Service } from '../../sim/api/types';
import { nowMs } from '../../sim/console/context';
import { servicePrinter } from '../../sim/console/printers/service';
import { renderTable } from '../../sim/console/printers/table';

export interface CloudCallView {
  /** Its place in the log: stable across renders. */
  n: number;
  /** Virtual seconds since the cluster started, as `cloud calls` prints them: `2s`. */
  time: string;
  caller: string;
  call: string;
  answer: string;
}

export interface CloudCallsView {
  /** Is there a cloud (false on bare metal: no cloud controller manager, no calls)? */
  cloud: boolean;
  provider: string;
  /** `kubectl get svc NAME`'s output, header and line; absent while there is no such Service. */
  getSvc?: string;
  /** The Service's TYPE and EXTERNAL-IP columns. */
  type?: string;
  externalIP?: string;
  calls: CloudCallView[];
}

export function cloudCallsView(cluster: Cluster, namespace: string, service: string): CloudCallsView {
  const svc = cluster.store.get<Service>('Service', namespace, service);
  const row = svc && servicePrinter.row(svc, { nowMs: nowMs(cluster), wide: false });
  return {
    cloud: cluster.cloud.enabled,
    provider: cluster.config.cloud.provider,
    getSvc: row && renderTable(servicePrinter.columns, [row]),
    type: row?.[1],
    externalIP: row?.[3],
    calls: cluster.cloud.calls.map((c, n) => ({ n, time: `${Math.floor(c.at / 1000)}s`, caller: c.caller, call: c.call, answer: c.answer })),
  };
}
