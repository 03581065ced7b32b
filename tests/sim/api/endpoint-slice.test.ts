import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import { applyManifests } from '../../../sim/api/apply';
import type { EndpointSlice, Pod } from '../../../sim/api/types';

const slice = (addresses: string[], extra = '', addressType = 'IPv4') => `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: ext-1
  labels:
    kubernetes.io/service-name: ext
addressType: ${addressType}
ports:
- port: 80${extra}
endpoints:
- addresses: [${addresses.map((a) => `"${a}"`).join(', ')}]
`;

const selectorless = `apiVersion: v1
kind: Service
metadata:
  name: ext
spec:
  ports:
  - port: 80
`;

/** Applies `text` and returns the errors, checking nothing was stored. */
function rejected(text: string, cluster = new Cluster()): string[] {
  const before = cluster.store.resourceVersion;
  const { lines, errors } = applyManifests(cluster, text, 'ep.yaml');
  expect(lines).toEqual([]);
  expect(cluster.store.resourceVersion).toBe(before);
  return errors;
}

describe('kubectl apply: EndpointSlice (discovery.k8s.io/v1)', () => {
  it('is created with its ports defaulted (name "", protocol TCP) and conditions {}', () => {
    const cluster = new Cluster();
    expect(applyManifests(cluster, slice(['10.244.1.7']), 'ep.yaml')).toEqual({ lines: ['endpointslice.discovery.k8s.io/ext-1 created'], errors: [], warnings: [] });
    const s = cluster.store.get<EndpointSlice>('EndpointSlice', 'default', 'ext-1')!;
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(s.endpoints).toEqual([{ addresses: ['10.244.1.7'], conditions: {} }]);
    expect(applyManifests(cluster, slice(['10.244.1.7']), 'ep.yaml').lines).toEqual(['endpointslice.discovery.k8s.io/ext-1 unchanged']);
  });

  it('refuses addresses that are not IPv4, or loopback, or link-local', () => {
    expect(rejected(slice(['10.244.1.999']))).toEqual([
      'The EndpointSlice "ext-1" is invalid: endpoints[0].addresses[0]: Invalid value: "10.244.1.999": must be a valid IPv4 address (ep.yaml:11:15, document 1)',
    ]);
    // One Invalid error with two causes: kubectl lists them under one heading (helpers.go MultilineError).
    expect(rejected(slice(['127.0.0.1', '169.254.169.254']))).toEqual([
      'The EndpointSlice "ext-1" is invalid: \n' +
        '* endpoints[0].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128) (ep.yaml:11:15, document 1)\n' +
        '* endpoints[0].addresses[1]: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10) (ep.yaml:11:28, document 1)',
    ]);
    expect(rejected(slice(['fd00::1'])).join()).toContain('must be a valid IPv4 address');
    expect(applyManifests(new Cluster(), slice(['fd00::1'], '', 'IPv6'), 'ep.yaml').errors).toEqual([]);
  });

  it('refuses an unknown addressType, an endpoint without addresses, a bad protocol', () => {
    expect(rejected(slice(['10.0.0.1'], '', 'IP'))).toEqual([
      'The EndpointSlice "ext-1" is invalid: addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6" (ep.yaml:7:14, document 1)',
    ]);
    expect(rejected(slice([]))[0]).toBe('The EndpointSlice "ext-1" is invalid: endpoints[0].addresses: Required value: must contain at least 1 address (ep.yaml:11:14, document 1)');
    expect(rejected(slice(['10.0.0.1'], '\n  protocol: HTTP'))[0]).toContain('ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"');
  });

  it('keeps addressType immutable', () => {
    const cluster = new Cluster();
    applyManifests(cluster, slice(['10.0.0.1']), 'ep.yaml');
    expect(rejected(slice(['fd00::1'], '', 'IPv6'), cluster)).toEqual([
      'The EndpointSlice "ext-1" is invalid: addressType: Invalid value: "IPv6": field is immutable (ep.yaml:7:14, document 1)',
    ]);
  });
});

describe('kubectl apply: Endpoints (v1)', () => {
  const endpoints = (ip: string) => `apiVersion: v1
kind: Endpoints
metadata:
  name: ext
subsets:
- addresses:
  - ip: ${ip}
  ports:
  - port: 80
`;

  it('is created with the API server\'s deprecation warning', () => {
    const cluster = new Cluster();
    expect(applyManifests(cluster, endpoints('10.244.1.7'), 'ep.yaml')).toEqual({
      lines: ['endpoints/ext created'],
      errors: [],
      warnings: ['Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice'],
    });
  });

  it('refuses an address that is not an IP', () => {
    expect(rejected(endpoints('web'))).toEqual([
      'The Endpoints "ext" is invalid: subsets[0].addresses[0].ip: Invalid value: "web": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff) (ep.yaml:7:9, document 1)',
    ]);
  });
});

describe('a selector-less Service with a hand-made EndpointSlice', () => {
  it('gets kube-proxy rules to the Pod IP written in the slice, and the slice stays', () => {
    const cluster = new Cluster();
    const files: Record<string, string> = {
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: backend\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      'svc.yaml': selectorless,
    };
    const sh = new Console(cluster, { readFile: (p) => files[p] });
    expect(sh.run('kubectl apply -f pod.yaml').exitCode).toBe(0);
    expect(sh.run('kubectl apply -f svc.yaml').exitCode).toBe(0);
    expect(sh.run('kubectl wait --for=condition=Ready pod/backend').exitCode).toBe(0);
    const podIP = cluster.store.get<Pod>('Pod', 'default', 'backend')!.status!.podIP!;
    files['slice.yaml'] = slice([podIP]);
    expect(sh.run('kubectl apply -f slice.yaml').stdout).toBe('endpointslice.discovery.k8s.io/ext-1 created\n');
    sh.run('sleep 2');
    const node = [...cluster.nodes.keys()][0];
    const nat = sh.run(`ssh ${node} iptables-save -t nat`).stdout;
    expect(nat).toContain(`-m comment --comment "default/ext" -m tcp -j DNAT --to-destination ${podIP}:80`);
    expect(nat).toMatch(/-A KUBE-SVC-\w+ -m comment --comment "default\/ext -> [\d.]+:80" -j KUBE-SEP-/);
    // The EndpointSlice controller leaves slices it does not manage alone.
    sh.run('sleep 60');
    expect(cluster.store.list<EndpointSlice>('EndpointSlice', 'default').map((s) => s.metadata.name)).toContain('ext-1');
  });
});
