/**
 * Test fixtures for the data plane: Pod sandboxes and Services with hand-made EndpointSlices,
 * written straight into the nodes and the store, so the data plane can be tested on its own.
 */
import type { Cluster } from '../../../sim/cluster';
import type { EndpointSlice, Service, ServiceSpec } from '../../../sim/api/types';
import type { PodSandbox } from '../../../sim/net/node-network';

/** A Pod's network namespace on `node`, with an IP from the node's IPAM, listening on `ports` (TCP). */
export function addSandbox(cluster: Cluster, node: string, podName: string, ports: number[] = [8080], namespace = 'default'): PodSandbox {
  const host = cluster.nodes.get(node)!;
  const uid = `uid-${podName}`;
  const ip = host.ipam.allocate(uid)!;
  const sandbox: PodSandbox = { ip, podKey: `${namespace}/${podName}`, podName, uid, listening: new Set(ports.map((p) => `TCP/${p}`)) };
  host.sandboxes.set(ip, sandbox);
  return sandbox;
}

/** Removes a Pod's sandbox, as the kubelet does when the Pod is gone. */
export function removeSandbox(cluster: Cluster, sandbox: PodSandbox): void {
  for (const host of cluster.nodes.values()) {
    if (host.sandboxes.get(sandbox.ip) === sandbox) {
      host.sandboxes.delete(sandbox.ip);
      host.ipam.release(sandbox.ip);
    }
  }
}

export interface EndpointSpec {
  sandbox: PodSandbox;
  node: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

/**
 * A selector-less Service `name` (port 80 → targetPort, named `http`) and one EndpointSlice listing
 * `endpoints`, as an EndpointSlice controller would write it.
 */
export function addService(cluster: Cluster, name: string, endpoints: EndpointSpec[], spec: Partial<ServiceSpec> = {}, targetPort = 8080, namespace = 'default'): Service {
  const svc = cluster.store.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort }], ...spec },
  });
  setEndpoints(cluster, name, endpoints, targetPort, namespace);
  return svc;
}

/** Writes (or rewrites) the Service's one EndpointSlice. */
export function setEndpoints(cluster: Cluster, name: string, endpoints: EndpointSpec[], targetPort = 8080, namespace = 'default'): void {
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${name}-abcde`, namespace, labels: { 'kubernetes.io/service-name': name } },
    addressType: 'IPv4',
    ports: [{ name: 'http', port: targetPort, protocol: 'TCP' }],
    endpoints: endpoints.map((e) => ({
      addresses: [e.sandbox.ip],
      conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false },
      nodeName: e.node,
      targetRef: { kind: 'Pod', namespace, name: e.sandbox.podName },
    })),
  };
  if (cluster.store.get('EndpointSlice', namespace, slice.metadata.name)) {
    cluster.store.mutate<EndpointSlice>('EndpointSlice', namespace, slice.metadata.name, (d) => {
      d.endpoints = slice.endpoints;
    });
  } else cluster.store.create(slice);
}
