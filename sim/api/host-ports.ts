import type { Pod } from './types';

/** One port a Pod asks of its node: `hostIP` 0.0.0.0 when it named none. */
export interface HostPort {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  hostIP: string;
  hostPort: number;
  containerPort: number;
}

/** The host ports of a Pod's containers (ports with a non-zero hostPort). */
export function hostPortsOf(pod: Pod): HostPort[] {
  return pod.spec.containers.flatMap((c) =>
    (c.ports ?? [])
      .filter((p) => p.hostPort)
      .map((p) => ({ protocol: p.protocol ?? 'TCP', hostIP: p.hostIP || '0.0.0.0', hostPort: p.hostPort!, containerPort: p.containerPort })),
  );
}

/**
 * Do two host ports collide on one node? Same protocol and port, and the same address or either
 * on every address (0.0.0.0). Source: kubernetes/pkg/scheduler/framework/types.go (HostPortInfo.CheckConflict).
 */
export function hostPortsConflict(a: HostPort, b: HostPort): boolean {
  return a.protocol === b.protocol && a.hostPort === b.hostPort && (a.hostIP === b.hostIP || a.hostIP === '0.0.0.0' || b.hostIP === '0.0.0.0');
}
