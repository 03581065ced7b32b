import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { applyManifests } from '../../../sim/api/apply';
import type { Pod } from '../../../sim/api/types';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}`;

const apply = (text: string) => applyManifests(new Cluster(), text, 'p.yaml');

describe('Pod ports and probes, as the API server validates and defaults them', () => {
  it('refuses a hostPort out of range, and a hostNetwork Pod whose hostPort is not its containerPort', () => {
    expect(apply(pod('  containers: [{name: a, image: nginx, ports: [{containerPort: 80, hostPort: 70000}]}]')).errors[0]).toContain(
      'spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
    expect(apply(pod('  hostNetwork: true\n  containers: [{name: a, image: nginx, ports: [{containerPort: 80, hostPort: 8080}]}]')).errors[0]).toContain(
      'spec.containers[0].ports[0].containerPort: Invalid value: 80: must match `hostPort` when `hostNetwork` is true',
    );
  });

  it('gives a hostNetwork Pod hostPort = containerPort', () => {
    const cluster = new Cluster();
    expect(applyManifests(cluster, pod('  hostNetwork: true\n  containers: [{name: a, image: nginx, ports: [{containerPort: 80}]}]'), 'p.yaml').errors).toEqual([]);
    expect(cluster.store.get<Pod>('Pod', 'default', 'p')!.spec.containers[0].ports![0].hostPort).toBe(80);
  });

  it('takes gRPC probes and probe-level grace periods, except on readiness probes', () => {
    expect(apply(pod('  containers: [{name: a, image: nginx, livenessProbe: {grpc: {port: 2379}, terminationGracePeriodSeconds: 5}}]')).errors).toEqual([]);
    expect(apply(pod('  containers: [{name: a, image: nginx, livenessProbe: {grpc: {port: 0}}}]')).errors[0]).toContain(
      'spec.containers[0].livenessProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive',
    );
    expect(apply(pod('  containers: [{name: a, image: nginx, livenessProbe: {exec: {command: [cat, x]}, terminationGracePeriodSeconds: -1}}]')).errors[0]).toContain(
      'spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: -1: must be greater than 0',
    );
    expect(apply(pod('  containers: [{name: a, image: nginx, readinessProbe: {tcpSocket: {port: 80}, terminationGracePeriodSeconds: 10}}]')).errors[0]).toContain(
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
    );
  });
});
