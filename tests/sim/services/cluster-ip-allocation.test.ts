import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import type { Service } from '../../../sim/api/types';
import { ApiError } from '../../../sim/core/api-error';
import { service } from './fixtures';
import { cidrContains, ipToInt } from '../../../sim/net/ip';

function create(cluster: Cluster, svc: Service): Service {
  return cluster.store.create(svc);
}

describe('ClusterIP allocation', () => {
  it('gives the kubernetes Service the first address and kube-dns the tenth, as kubeadm does', () => {
    const cluster = new Cluster();
    expect(cluster.store.get<Service>('Service', 'default', 'kubernetes')?.spec.clusterIP).toBe('10.96.0.1');
    expect(cluster.store.get<Service>('Service', 'kube-system', 'kube-dns')?.spec.clusterIP).toBe('10.96.0.10');
  });

  it('allocates other Services from the upper band, mirrored in clusterIPs, the same way for the same seed', () => {
    const ips = (seed: number) => {
      const cluster = new Cluster({ seed });
      return ['a', 'b', 'c'].map((n) => create(cluster, service(n)).spec);
    };
    const first = ips(7);
    for (const spec of first) {
      expect(spec.clusterIPs).toEqual([spec.clusterIP]);
      // 10.96.0.0/12: the static band is the first 256 addresses (10.96.0.1 – 10.96.1.0).
      expect(cidrContains('10.96.0.0/12', spec.clusterIP!)).toBe(true);
      expect(ipToInt(spec.clusterIP!)).toBeGreaterThan(ipToInt('10.96.1.0'));
    }
    expect(new Set(first.map((s) => s.clusterIP)).size).toBe(3);
    expect(ips(7)).toEqual(first);
  });

  it('honours a requested free address, refuses a taken one in the API server wording, and changes nothing', () => {
    const cluster = new Cluster();
    expect(create(cluster, service('fixed', { clusterIP: '10.96.0.20' })).spec.clusterIP).toBe('10.96.0.20');
    const before = cluster.store.list('Service').length;
    let error: unknown;
    try {
      create(cluster, service('clash', { clusterIP: '10.96.0.10' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).reason).toBe('Invalid');
    // The API server's message, and what kubectl prints of it.
    expect((error as ApiError).message).toBe(
      'Service "clash" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    expect(String(error)).toBe(
      'The Service "clash" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    expect(cluster.store.get('Service', 'default', 'clash')).toBeUndefined();
    expect(cluster.store.list('Service')).toHaveLength(before);
    expect(() => create(cluster, service('outside', { clusterIP: '192.168.0.1' }))).toThrow(
      'failed to allocate IP 192.168.0.1: the provided network does not match the current range',
    );
  });

  it('frees an address when its Service is deleted', () => {
    const cluster = new Cluster();
    create(cluster, service('one', { clusterIP: '10.96.0.30' }));
    cluster.store.delete('Service', 'default', 'one');
    expect(create(cluster, service('two', { clusterIP: '10.96.0.30' })).spec.clusterIP).toBe('10.96.0.30');
  });

  it('keeps the address on update and refuses to change it', () => {
    const cluster = new Cluster();
    const svc = create(cluster, service('web'));
    const next = structuredClone(svc);
    delete next.spec.clusterIP;
    delete next.spec.clusterIPs;
    next.metadata.labels = { tier: 'front' };
    expect(cluster.store.update(next).spec.clusterIP).toBe(svc.spec.clusterIP);
    const moved = structuredClone(svc);
    moved.spec.clusterIP = '10.96.0.99';
    moved.spec.clusterIPs = ['10.96.0.99'];
    expect(() => cluster.store.update(moved)).toThrow('may not change once set');
  });

  it('leaves clusterIP: None headless', () => {
    const cluster = new Cluster();
    const svc = create(cluster, service('db', { clusterIP: 'None' }));
    expect(svc.spec.clusterIP).toBe('None');
    expect(svc.spec.clusterIPs).toEqual(['None']);
  });

  it('allocates NodePorts in 30000-32767 and refuses taken or out-of-range ones', () => {
    const cluster = new Cluster();
    const np = create(cluster, service('np', { type: 'NodePort' }));
    const port = np.spec.ports![0].nodePort!;
    expect(port).toBeGreaterThanOrEqual(30086);
    expect(port).toBeLessThanOrEqual(32767);
    expect(() => create(cluster, service('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: port }] }))).toThrow(
      `Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: ${port}: provided port is already allocated`,
    );
    expect(() => create(cluster, service('np3', { type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }))).toThrow(
      'spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(create(cluster, service('plain')).spec.ports![0].nodePort).toBeUndefined();
  });
});
