import { describe, expect, it } from 'vitest';
import type { Lease, Node } from '../../../sim/api/types';
import { boundPod, getPod, podEvents, startCluster, webStatus } from './helpers';

describe('kubelet: node registration, Lease, stop and start', () => {
  it('registers a Ready Node with its addresses, Pod CIDR and system info', () => {
    const cluster = startCluster();
    const node = cluster.store.get<Node>('Node', '', 'node-2');
    expect(node?.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'node-2', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' });
    expect(node?.spec).toMatchObject({ podCIDR: '10.244.2.0/24', podCIDRs: ['10.244.2.0/24'] });
    // The kubelet registers InternalIP and Hostname; the cloud's node controller adds the public IP.
    expect(node?.status?.addresses).toEqual([
      { type: 'InternalIP', address: '10.0.1.12' },
      { type: 'ExternalIP', address: '203.0.113.11' },
      { type: 'Hostname', address: 'node-2' },
    ]);
    expect(node?.status?.nodeInfo?.kubeletVersion).toBe(cluster.config.kubernetesVersion);
    expect(node?.status?.nodeInfo?.containerRuntimeVersion).toMatch(/^containerd:\/\/2\./);
    expect(node?.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True']);
    expect(node?.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ reason: 'KubeletReady', message: 'kubelet is posting ready status' });
  });

  it('renews its Lease every 10 s, and not at all while the node is stopped', () => {
    const cluster = startCluster();
    const renewTime = () => cluster.store.get<Lease>('Lease', 'kube-node-lease', 'node-1')?.spec.renewTime;
    expect(cluster.store.get<Lease>('Lease', 'kube-node-lease', 'node-1')?.spec).toMatchObject({ holderIdentity: 'node-1', leaseDurationSeconds: 40 });
    cluster.advance(10_000);
    expect(renewTime()).toBe('2026-01-01T00:00:10.000000Z');
    cluster.stopNode('node-1');
    cluster.advance(120_000);
    expect(renewTime()).toBe('2026-01-01T00:00:10.000000Z');
    expect(cluster.store.get<Lease>('Lease', 'kube-node-lease', 'node-2')?.spec.renewTime).toBe('2026-01-01T00:02:10.000000Z');
    cluster.startNode('node-1');
    expect(renewTime()).toBe('2026-01-01T00:02:10.100000Z');
  });

  it('a stopped node runs nothing; started again, its Pods restart in new sandboxes', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('web', { ports: [{ containerPort: 80 }] }));
    cluster.store.create(boundPod('gone'));
    cluster.advance(3000);
    const oldIP = getPod(cluster, 'web')?.status?.podIP ?? '';
    const host = cluster.nodes.get('node-1')!;
    cluster.stopNode('node-1');
    expect(host.sandboxes.get(oldIP)?.listening.size).toBe(0);
    expect(cluster.exec('default', 'web', undefined, ['hostname']).stderr).toBe(
      'Error from server: error dialing backend: dial tcp 10.0.1.11:10250: i/o timeout\n',
    );
    cluster.store.delete('Pod', 'default', 'gone');
    cluster.advance(60_000);
    // Nobody on the machine acts on the deletion or updates the status.
    expect(getPod(cluster, 'gone')?.metadata.deletionTimestamp).toBeDefined();
    expect(getPod(cluster, 'web')?.status?.phase).toBe('Running');

    cluster.startNode('node-1');
    cluster.advance(3000);
    expect(getPod(cluster, 'gone')).toBeUndefined();
    const status = webStatus(cluster, 'web');
    expect(status).toMatchObject({ restartCount: 1, ready: true, lastState: { terminated: { exitCode: 255, reason: 'Unknown' } } });
    const newIP = getPod(cluster, 'web')?.status?.podIP ?? '';
    expect(newIP).not.toBe(oldIP);
    expect(host.sandboxes.has(oldIP)).toBe(false);
    expect([...(host.sandboxes.get(newIP)?.listening ?? [])]).toEqual(['TCP/80']);
    expect(cluster.exec('default', 'web', undefined, ['hostname']).stdout).toBe('web\n');
  });

  it('graceful deletion: Terminating while the container shuts down, then the Pod and its IP are gone', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('web', { ports: [{ containerPort: 80 }] }));
    cluster.advance(3000);
    const ip = getPod(cluster, 'web')?.status?.podIP ?? '';
    const host = cluster.nodes.get('node-1')!;
    cluster.store.delete('Pod', 'default', 'web');
    cluster.advance(1000);
    expect(getPod(cluster, 'web')?.metadata.deletionTimestamp).toBeDefined();
    expect(host.sandboxes.get(ip)?.listening.has('TCP/80')).toBe(true);
    expect(podEvents(cluster, 'web')).toContain('Killing: Stopping container web');
    cluster.advance(1000);
    expect(getPod(cluster, 'web')).toBeUndefined();
    expect(host.sandboxes.has(ip)).toBe(false);
    expect(host.ipam.allocations().map((a) => a.ip)).not.toContain(ip);
  });

  it('a shell as PID 1 ignores SIGTERM: its Pod stays Terminating for the whole grace period', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('shell', { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }, { terminationGracePeriodSeconds: 10 }));
    cluster.advance(3000);
    cluster.store.delete('Pod', 'default', 'shell');
    cluster.advance(9500);
    expect(getPod(cluster, 'shell')?.metadata.deletionTimestamp).toBeDefined();
    cluster.advance(1000);
    expect(getPod(cluster, 'shell')).toBeUndefined();
  });
});

describe('kubelet: a termination cut short by a power-off', () => {
  it('ends when the node starts again', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('web'));
    cluster.advance(3000);
    const ip = getPod(cluster, 'web')?.status?.podIP ?? '';
    cluster.store.delete('Pod', 'default', 'web');
    cluster.advance(500);
    cluster.stopNode('node-1');
    cluster.advance(30_000);
    expect(getPod(cluster, 'web')?.metadata.deletionTimestamp).toBeDefined();
    cluster.startNode('node-1');
    cluster.advance(100);
    expect(getPod(cluster, 'web')).toBeUndefined();
    expect(cluster.nodes.get('node-1')?.sandboxes.has(ip)).toBe(false);
  });
});
