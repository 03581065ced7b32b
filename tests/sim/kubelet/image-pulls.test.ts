import { describe, expect, it } from 'vitest';
import type { Event, Pod } from '../../../sim/api/types';
import { imageKey } from '../../../sim/node/image-manager';
import { runtimeImageID, runtimeImageName } from '../../../sim/node/images';
import { boundPod, getPod, podEvents, startCluster, webStatus } from './helpers';

const pulled = (image: string, pull: string, total: string, size: number) =>
  `Pulled: Successfully pulled image "${image}" in ${pull} (${total} including waiting). Image size: ${size} bytes.`;

describe('image pulls (the kubelet image manager)', () => {
  it('names one image one way: nginx, nginx:latest and docker.io/library/nginx:latest', () => {
    expect(imageKey('nginx')).toBe('nginx:latest');
    expect(imageKey('docker.io/library/nginx:latest')).toBe('nginx:latest');
    expect(imageKey('registry.k8s.io/pause:3.10.1')).toBe('registry.k8s.io/pause:3.10.1');
  });

  it('a container status names the image as containerd does: fully qualified, with an ID once the container exists', () => {
    expect(runtimeImageName('nginx')).toBe('docker.io/library/nginx:latest');
    expect(runtimeImageName('nginx:1.29')).toBe('docker.io/library/nginx:1.29');
    expect(runtimeImageName('curlimages/curl:8.7.1')).toBe('docker.io/curlimages/curl:8.7.1');
    expect(runtimeImageName('index.docker.io/library/busybox')).toBe('docker.io/library/busybox:latest');
    expect(runtimeImageName('registry.k8s.io/e2e-test-images/agnhost:2.53')).toBe('registry.k8s.io/e2e-test-images/agnhost:2.53');
    expect(runtimeImageName('localhost:5000/app')).toBe('localhost:5000/app:latest');
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(runtimeImageName(`nginx@${digest}`)).toBe(`docker.io/library/nginx@${digest}`);
    expect(runtimeImageID(`nginx@${digest}`)).toBe(`docker.io/library/nginx@${digest}`);
    expect(runtimeImageID('nginx:1.29')).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(runtimeImageID('nginx')).toBe(runtimeImageID('docker.io/library/nginx:latest'));

    const cluster = startCluster();
    cluster.store.create(boundPod('web', { image: 'nginx:1.27' }));
    cluster.advance(1000); // pulling: the runtime has no container yet
    expect(getPod(cluster, 'web')?.status?.containerStatuses?.[0]).toMatchObject({ image: 'nginx:1.27', imageID: '' });
    cluster.advance(4000);
    expect(getPod(cluster, 'web')?.status?.containerStatuses?.[0]).toMatchObject({ image: 'docker.io/library/nginx:1.27', imageID: runtimeImageID('nginx:1.27') });
  });

  it('the first Pod on a node pulls; the next one finds the image already present', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('first', { image: 'nginx:1.27' }));
    cluster.advance(3000);
    // Pulling at 2.1 s: 0.25 s for the registry's round trips, 72 MB at 40 MB/s.
    expect(webStatus(cluster, 'first')?.state.waiting?.reason).toBe('ContainerCreating');
    expect(podEvents(cluster, 'first')).toEqual(['Pulling: Pulling image "nginx:1.27"']);
    cluster.advance(2000);
    expect(webStatus(cluster, 'first')?.state.running).toBeDefined();
    expect(podEvents(cluster, 'first')).toContain(pulled('nginx:1.27', '2.05s', '2.05s', 72_000_000));
    cluster.store.create(boundPod('second', { image: 'docker.io/library/nginx:1.27' }));
    cluster.advance(3000);
    expect(podEvents(cluster, 'second')).toEqual([
      'Pulled: Container image "docker.io/library/nginx:1.27" already present on machine',
      'Created: Created container: web',
      'Started: Started container web',
    ]);
  });

  it('pulls on a node run one at a time: a second Pod waits, and its own pull is quick', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('a', { image: 'nginx:1.27' }));
    cluster.store.create(boundPod('b', { image: 'nginx:1.27' }));
    cluster.advance(5000);
    expect(podEvents(cluster, 'a')).toContain(pulled('nginx:1.27', '2.05s', '2.05s', 72_000_000));
    expect(podEvents(cluster, 'b')).toContain('Pulling: Pulling image "nginx:1.27"');
    expect(podEvents(cluster, 'b')).toContain(pulled('nginx:1.27', '250ms', '2.3s', 72_000_000));
  });

  it('imagePullPolicy Always (the default for :latest or no tag) pulls at every start', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('a', { image: 'nginx', imagePullPolicy: 'Always' }));
    cluster.advance(5000);
    cluster.store.create(boundPod('b', { image: 'nginx', imagePullPolicy: 'Always' }));
    cluster.advance(3000);
    expect(podEvents(cluster, 'b')).toContain('Pulling: Pulling image "nginx"');
    expect(podEvents(cluster, 'b')).toContain(pulled('nginx', '250ms', '250ms', 72_000_000));
    expect(webStatus(cluster, 'b')?.state.running).toBeDefined();
  });

  it('imagePullPolicy Never with an image the node lacks: ErrImageNeverPull, and it keeps trying', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('never', { image: 'nginx:1.27', imagePullPolicy: 'Never' }));
    cluster.advance(3000);
    const message = 'Container image "nginx:1.27" is not present with pull policy of Never';
    expect(webStatus(cluster, 'never')?.state.waiting).toEqual({ reason: 'ErrImageNeverPull', message });
    expect(getPod(cluster, 'never')?.status?.phase).toBe('Pending');
    cluster.advance(30_000);
    const events = cluster.store.list<Event>('Event', 'default').filter((e) => e.involvedObject.name === 'never');
    expect(events.find((e) => e.reason === 'ErrImageNeverPull')).toMatchObject({ type: 'Warning', message, count: 4 });
    expect(events.find((e) => e.reason === 'Failed')).toMatchObject({ type: 'Warning', message: 'Error: ErrImageNeverPull' });
    // Once another Pod has pulled the image, the next try starts the container.
    cluster.store.create(boundPod('puller', { image: 'nginx:1.27' }));
    cluster.advance(15_000);
    expect(webStatus(cluster, 'never')?.state.running).toBeDefined();
  });

  it('the images kubeadm put on every node are present: CoreDNS starts without a pull', () => {
    const cluster = startCluster();
    cluster.advance(10_000);
    const coredns = cluster.store.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith('coredns-'));
    expect(coredns.length).toBeGreaterThan(0);
    const reasons = cluster.store
      .list<Event>('Event', 'kube-system')
      .filter((e) => e.involvedObject.name === coredns[0].metadata.name)
      .map((e) => e.reason);
    expect(reasons).toContain('Pulled');
    expect(reasons).not.toContain('Pulling');
  });
});
