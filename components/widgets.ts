/**
 * Every widget of the course by id, for embed pages (/embed/<id>/), the gallery and share links.
 * An entry names the widget, says in one line what it shows, gives its default scenario, and
 * knows how to load its Svelte component and compute its build-time props (both lazily, so that
 * importing this file pulls in neither the engine nor any widget).
 *
 * Build time (an Astro page):
 *   const entry = widgetById('reconcile')!;
 *   const Component = (await entry.component()).default;
 *   const props = await entry.props(entry.scenario);   // includes `initial`, the first view
 *   <Component client:visible {...props} />
 * A share link carries a Scenario (manifests, seed, actions, time): pass it instead of the default.
 */
import type { Component } from 'svelte';
import type { Scenario } from './live/scenario';
import { scenarioOf } from './live/scenario';
import type { PanelSpec } from './panels/specs';
import intentWeb from '../sim/scenarios/intent/web.yaml?raw';
import policyPods from '../sim/scenarios/network-policy/pods.yaml?raw';
import denyIngressX from '../sim/scenarios/network-policy/deny-ingress-x.yaml?raw';
import servicesWeb from '../sim/scenarios/services/web.yaml?raw';
import readinessWeb from '../sim/scenarios/readiness/web.yaml?raw';
import nodePortWeb from '../sim/scenarios/nodeport/web.yaml?raw';
import loadBalancerWeb from '../sim/scenarios/load-balancer/web.yaml?raw';
import egressClients from '../sim/scenarios/egress/clients.yaml?raw';
import { debuggingPuzzle, puzzleNames } from './puzzles/debugging-puzzles';
import { cafeApps, cafeWithController, saveControllerFile } from './scenarios/ingress';
import { decisionObjects, exposedEveryWay } from './scenarios/exposed';
import { courseClusters } from './scenarios/clusters';

export interface WidgetEntry {
  /** The widget's id in URLs: `/embed/<id>/`. */
  id: string;
  title: string;
  /** One line: what the reader can do with it. */
  description: string;
  /** The caption shown under the title. */
  caption: string;
  /** What the widget starts from when nothing else is given. */
  scenario: Scenario;
  /** The Svelte component, loaded on demand. */
  component: () => Promise<{ default: Component<any> }>;
  /** The component's props for a scenario, with the first view computed (runs the engine: build time only). */
  props: (scenario: Scenario) => Promise<Record<string, unknown>>;
  /** Built on LiveWidget (by `live()` below): embed pages hydrate it as one. */
  live?: true;
}

/** A widget built on LiveWidget: its panels, and its props for a scenario (computed at build time). */
function live(entry: Omit<WidgetEntry, 'component' | 'props'> & { panels: PanelSpec[] }): WidgetEntry {
  const { panels, ...rest } = entry;
  return {
    ...rest,
    live: true,
    component: () => import('./LiveWidget.svelte'),
    props: async (scenario) => {
      const [{ replay }, { initialView }] = await Promise.all([import('./live/replay'), import('./panels/initial')]);
      const { cluster, applyErrors } = replay(scenario);
      return { title: rest.title, caption: rest.caption, widget: rest.id, scenario, panels, initial: panels.map((p) => initialView(cluster, scenario.namespace, p)), now: cluster.clock.now, applyErrors };
    },
  };
}

/** A Debugging chapter puzzle: a broken cluster, a goal the engine checks, hints. */
function puzzle(name: string): WidgetEntry {
  const { title, caption, scenario, puzzle } = debuggingPuzzle(name);
  return {
    id: `puzzle-${name}`,
    title,
    description: `A broken cluster to debug: ${puzzle.goal.text}`,
    caption,
    scenario,
    component: () => import('./PuzzleWidget.svelte'),
    props: async (scenario) => {
      const [{ replay }, { checkGoal }] = await Promise.all([import('./live/replay'), import('./puzzles/goal')]);
      return { ...debuggingPuzzle(name), scenario, widget: `puzzle-${name}`, initial: checkGoal(replay(scenario).cluster, puzzle.goal) };
    },
  };
}

const services = scenarioOf({ manifests: servicesWeb, source: 'web.yaml', time: 20_000 });
const readiness = scenarioOf({ manifests: readinessWeb, source: 'web.yaml', time: 20_000 });
const nodePort = scenarioOf({ manifests: nodePortWeb, source: 'web.yaml', time: 20_000 });
const loadBalancer = scenarioOf({ manifests: loadBalancerWeb, source: 'web.yaml', time: 20_000 });

/** Sends a request from the reader's laptop to each node's NodePort (the default cloud's public IPs, in node order). */
const nodePortPresets = (path: string) =>
  ['203.0.113.10', '203.0.113.11', '203.0.113.12'].map((ip, i) => ({ label: `laptop → node-${i + 1}:30080`, command: `curl -sS -m 3 http://${ip}:30080${path}` }));

/** The world map as the NodePort chapter shows it: the laptop's requests to each NodePort and to the ClusterIP, a Stop button per node. */
const worldMapPanels: PanelSpec[] = [
  { kind: 'trace', world: {}, acts: ['nodes'], presets: [...nodePortPresets('/hostname'), { label: 'laptop → the ClusterIP', command: 'curl -sS -m 3 http://$(kubectl get svc web -o jsonpath={.spec.clusterIP})/hostname' }] },
  { kind: 'console', examples: ['kubectl get svc web', 'cloud ip list', 'kubectl get nodes', 'ssh node-3 iptables-save -t nat | grep KUBE-NODEPORTS'] },
];

/** The laptop's requests to the load balancer and to node-3's NodePort (node-3 runs no web Pod in these scenarios). */
const loadBalancerPresets = [
  { label: 'laptop → load balancer', command: "curl -sS -m 3 http://$(kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/hostname" },
  { label: 'laptop → node-3:NodePort', command: "curl -sS -m 3 http://203.0.113.12:$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')/hostname" },
];

/** Requests from a Pod on node-1 and a Pod on node-2 to the echo host on the internet (sim/scenarios/egress/clients.yaml). */
const egressPresets = [1, 2].map((n) => ({ label: `client-${n} (node-${n}) → echo host`, command: `kubectl exec client-${n} -- curl -sS -m 3 http://198.51.100.20/` }));

/** Cloud calls as the LoadBalancer chapter shows it: the calls beside `kubectl get svc`, the world map with room for two load balancers and a Stop button per node, a console. */
const cloudCallsPanels: PanelSpec[] = [
  { kind: 'console', examples: ['kubectl expose deployment web --type=LoadBalancer --port=80 --target-port=8080', 'kubectl describe svc web', 'cloud lb describe $(cloud lb list | tail -1 | cut -d" " -f1)', 'kubectl expose deployment web --name=web-admin --type=LoadBalancer --port=8080 --target-port=8080'] },
  { kind: 'cloud', service: 'web' },
  { kind: 'trace', world: { loadBalancers: 2 }, acts: ['nodes'], presets: loadBalancerPresets },
];
/** The egress chapter's two client Pods, on the default cluster or on one of the course's other clusters. */
const egress = (cluster?: keyof typeof courseClusters) => scenarioOf({ manifests: egressClients, source: 'clients.yaml', time: 15_000, ...(cluster ? { clusterConfig: courseClusters[cluster] } : {}) });
const ingressBare = scenarioOf({ manifests: cafeApps, source: 'cafe.yaml', setup: saveControllerFile, time: 20_000 });
const ingressInstalled = scenarioOf({ manifests: cafeWithController, source: 'cafe.yaml', time: 20_000 });
const exposed = scenarioOf({ manifests: exposedEveryWay, source: 'web.yaml', time: 30_000 });

export const widgets: WidgetEntry[] = [
  {
    id: 'reconcile',
    title: 'Live cluster: scale the Deployment',
    description: 'Change spec.replicas or delete a Pod and watch the controllers reconcile desired and current state.',
    caption: 'Move the slider to change spec.replicas, or delete a Pod, then watch the controllers reconcile.',
    scenario: scenarioOf({ manifests: intentWeb, source: 'web.yaml', time: 30_000 }),
    component: () => import('./ReconcileWidget.svelte'),
    props: async (scenario) => {
      const [{ replay }, { reconcileView }] = await Promise.all([import('./live/replay'), import('./views/reconcile')]);
      const { cluster, applyErrors } = replay(scenario);
      return { title: 'Live cluster: scale the Deployment', caption: 'Move the slider to change spec.replicas, or delete a Pod, then watch the controllers reconcile.', scenario, deployment: 'web', initial: { ...reconcileView(cluster, scenario.namespace, 'web', 6), applyErrors } };
    },
  },
  {
    id: 'reachability',
    title: 'Reachability: who may talk to whom',
    description: 'Nine Pods in three namespaces and the fate of a real connection between every pair; write a NetworkPolicy, Apply it, and watch cells close.',
    caption: "Every cell is '.': Pods are open by default. Open the editor and Apply deny-ingress-x.yaml, then read the x columns and the x rows.",
    scenario: scenarioOf({ manifests: policyPods, source: 'pods.yaml', time: 21_000 }),
    component: () => import('./ReachabilityMatrix.svelte'),
    props: async (scenario) => {
      const [{ replay }, { probeReachability, upstreamPods }] = await Promise.all([import('./live/replay'), import('./views/reachability')]);
      const { cluster, applyErrors } = replay(scenario);
      return {
        scenario,
        files: [{ name: 'deny-ingress-x.yaml', text: denyIngressX }],
        pods: upstreamPods,
        port: 80,
        initial: { ...probeReachability(cluster, upstreamPods, 80), applyErrors },
      };
    },
  },
  live({
    id: 'cluster-map',
    title: 'Cluster map: Pods, nodes and a Service',
    description: 'Nodes with their Pod CIDRs, Pods with their IPs, a ClusterIP over every node; delete, scale, stop a node or its kube-proxy.',
    caption: 'Select a Pod for its actions, or scale with − and +.',
    scenario: services,
    panels: [{ kind: 'map', acts: ['scale', 'delete', 'node', 'kube-proxy'], deployment: 'web', capacity: 12, packets: true }],
  }),
  live({
    id: 'call-pod-ip',
    title: 'Live cluster: call a Pod by its IP',
    description: 'curl a Pod at its own IP from another Pod and watch the packet cross the map to exactly that Pod.',
    caption: 'Click an example, or type your own curl to a Pod IP from the map; the dot is the packet, labelled source → destination.',
    scenario: services,
    panels: [
      { kind: 'map', packets: true, capacity: 6 },
      { kind: 'console', examples: ['kubectl get pods -o wide', 'kubectl exec client -- curl -s http://10.244.1.3:8080', 'kubectl exec client -- curl -s http://10.244.2.3:8080'] },
    ],
  }),
  live({
    id: 'pods-change',
    title: 'Live cluster: Pods change, the Service stays',
    description: 'Delete or scale Pods: their IPs change, the Service\'s ClusterIP does not, and its endpoints follow.',
    caption: 'Select a web Pod and delete it, or scale with − and +: the Pod IPs change, the ClusterIP does not.',
    scenario: services,
    panels: [
      { kind: 'map', acts: ['scale', 'delete'], deployment: 'web', capacity: 6 },
      { kind: 'endpoints', service: 'web' },
    ],
  }),
  live({
    id: 'packet-trace',
    title: 'Packet trace: one request, hop by hop',
    description: 'Send a request from a Pod to a Pod IP, a ClusterIP or a Service name and step through every hop, rewrite and reply.',
    caption: 'Choose a source and a destination, send a request, then step through the hops.',
    scenario: services,
    panels: [{ kind: 'trace', from: 'client', to: 'web' }],
  }),
  {
    id: 'docker-trace',
    title: 'Docker beside Kubernetes: a request through port mapping',
    description: 'The same request between two Docker hosts: MASQUERADE and DNAT rewrite it, where Pods need neither.',
    caption: 'Step through the published-port request; then try the container\'s own address.',
    scenario: scenarioOf({ manifests: '', source: 'none.yaml' }),
    component: () => import('./DockerTrace.svelte'),
    props: async () => ({ title: 'Docker beside Kubernetes: a request through port mapping', caption: 'Step through the published-port request; then try the container\'s own address.' }),
  },
  live({
    id: 'endpoints',
    title: 'EndpointsView: from selector to rules',
    description: 'A Service\'s selector, the Pods it picks, the EndpointSlice\'s Pod IPs and every node\'s DNAT targets, live.',
    caption: 'Change a Pod\'s label on the map and follow it through the chain.',
    scenario: services,
    panels: [
      { kind: 'map', acts: ['label'], label: { key: 'app', values: ['web', 'debug'] }, capacity: 6, showLabels: true },
      { kind: 'endpoints', service: 'web' },
    ],
  }),
  live({
    id: 'rules',
    title: 'RulesView: kube-proxy\'s rules on a node',
    description: 'A node\'s iptables-save -t nat, filtered to one Service, changing when kube-proxy syncs.',
    caption: 'Scale with − and +, and watch the rules change after each sync.',
    scenario: services,
    panels: [
      { kind: 'map', acts: ['scale', 'kube-proxy'], deployment: 'web', capacity: 6 },
      { kind: 'rules', service: 'default/web', node: 'node-1' },
    ],
  }),
  live({
    id: 'balance',
    title: 'Balance: new connections versus one keep-alive connection',
    description: 'Which Pod served N requests on N connections, and N requests on one connection.',
    caption: 'Press both buttons and compare the bars.',
    scenario: services,
    panels: [{ kind: 'balance', client: 'client', service: 'web', requests: 12 }],
  }),
  live({
    id: 'console',
    title: 'Console: a terminal on a live cluster',
    description: 'kubectl, ssh NODE iptables-save, curl from a Pod: the engine\'s console, output as the real tools print it.',
    caption: 'Click an example or type a command; Tab completes.',
    scenario: services,
    panels: [{ kind: 'console', examples: ['kubectl get pods -o wide', 'kubectl get svc,endpointslices', 'ssh node-1 iptables-save -t nat | grep default/web'] }],
  }),
  live({
    id: 'readiness',
    title: 'Readiness: fail a probe, follow the traffic',
    description: 'Fail a Pod\'s readiness or liveness probe and watch EndpointsView, the rules and the console\'s curls.',
    caption: 'Select a web Pod, press Fail readiness, then send requests from the console.',
    scenario: readiness,
    panels: [
      { kind: 'map', acts: ['readiness', 'liveness'], readiness: { fail: 'kubectl exec {pod} -- touch /tmp/maintenance', restore: 'kubectl exec {pod} -- rm /tmp/maintenance' }, liveness: 'kubectl exec {pod} -- touch /tmp/broken', capacity: 6, packets: true },
      { kind: 'endpoints', service: 'web' },
      { kind: 'rules', service: 'default/web', node: 'node-2' },
      { kind: 'console', examples: ["kubectl exec client -- sh -c 'for i in $(seq 1 50); do curl -s http://web; echo; done' | sort | uniq -c", 'kubectl get pods -o wide', 'kubectl describe endpointslices -l kubernetes.io/service-name=web'] },
    ],
  }),
  live({
    id: 'world-map',
    title: 'World map: a NodePort from your laptop',
    description: 'The cluster inside its VPC, the internet and your laptop around it: send requests to each node\'s NodePort, stop a node, and trace every hop and address rewrite.',
    caption: 'Send a request to each node\'s NodePort and step through the hops; then stop a node and send again.',
    scenario: nodePort,
    panels: worldMapPanels,
  }),
  live({
    id: 'cluster-or-local',
    title: 'Cluster or Local: the source address a Pod sees',
    description: 'Ask agnhost\'s /clientip through each node\'s NodePort with externalTrafficPolicy Cluster, then Local: which nodes answer, and whether the Pod sees the laptop\'s address or a node\'s.',
    caption: 'Send the three requests, run the patch to Local in the console, and send them again.',
    scenario: nodePort,
    panels: [
      { kind: 'trace', world: {}, presets: nodePortPresets('/clientip') },
      { kind: 'console', examples: [`kubectl patch svc web -p '{"spec":{"externalTrafficPolicy":"Local"}}'`, `kubectl patch svc web -p '{"spec":{"externalTrafficPolicy":"Cluster"}}'`, "ssh node-3 iptables-save -t filter | grep 'no local endpoints'"] },
    ],
  }),
  live({
    id: 'cloud-calls',
    title: 'Cloud calls: type LoadBalancer asks the cloud',
    description: 'Expose a Deployment as type LoadBalancer and watch the cloud controller call the cloud\'s API, EXTERNAL-IP go from <pending> to an address, and the load balancer\'s targets pass or fail their health checks.',
    caption: 'Run the first example and watch the calls and EXTERNAL-IP; then send requests, stop node-3, and send them again.',
    scenario: loadBalancer,
    panels: cloudCallsPanels,
  }),
  live({
    id: 'bare-metal',
    title: 'Bare metal: type LoadBalancer, and no cloud',
    description: 'The same Deployment on two machines on a LAN, with no cloud: expose it as type LoadBalancer, and EXTERNAL-IP stays <pending> while the NodePort still answers.',
    caption: 'Run the first example, let time run, and compare EXTERNAL-IP with the cloud\'s; then call the NodePort from the laptop on the LAN.',
    scenario: { ...loadBalancer, clusterConfig: courseClusters['bare-metal'] },
    panels: [
      { kind: 'console', examples: ['kubectl expose deployment web --type=LoadBalancer --port=80 --target-port=8080', 'kubectl get svc web', "curl -s http://192.168.10.11:$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')/hostname"] },
      { kind: 'cloud', service: 'web' },
      { kind: 'map', world: {}, capacity: 4 },
    ],
  }),
  live({
    id: 'egress-node-snat',
    title: 'Egress through node SNAT',
    description: 'Two Pods on two nodes call a host on the internet: each node masquerades its Pod to its own address and the internet gateway maps that to the node\'s public IP, so the echo host sees a different address per node.',
    caption: 'Send both requests and step through them; compare what the echo host printed.',
    scenario: egress(),
    panels: [
      { kind: 'trace', world: {}, presets: egressPresets },
      { kind: 'console', examples: ['ssh node-1 iptables-save -t nat | grep IP-MASQ-AGENT', 'ssh node-1 ip route', 'cloud ip list'] },
    ],
  }),
  live({
    id: 'egress-nat-gateway',
    title: 'Egress through a NAT gateway',
    description: 'The same two Pods on nodes in a private subnet: the NAT gateway rewrites both to its one public IP, the address the echo host sees.',
    caption: 'Send both requests, step through one, and compare the echo host\'s answers with the first widget\'s.',
    scenario: egress('private-nat'),
    panels: [
      { kind: 'trace', world: {}, presets: egressPresets },
      { kind: 'console', examples: ['cloud nat list', 'cloud ip list', 'ssh node-1 ip route'] },
    ],
  }),
  live({
    id: 'egress-no-nat',
    title: 'Egress with no NAT gateway',
    description: 'Nodes in a private subnet with no NAT gateway: a Pod\'s request to the internet is masqueraded as always, then dies at the VPC\'s router, which has no route out.',
    caption: 'Send a request and step through it to the hop where it ends.',
    scenario: egress('private-no-nat'),
    panels: [
      { kind: 'trace', world: {}, presets: egressPresets.slice(0, 1) },
      { kind: 'console', examples: ['cloud ip list', 'kubectl get pods -o wide'] },
    ],
  }),
  ...puzzleNames.map(puzzle),
  live({
    id: 'ingress-controller',
    title: 'Live cluster: an Ingress, then its controller',
    description: 'An Ingress with no controller does nothing (no ADDRESS, nothing listens); apply the controller and the same request is answered.',
    caption: 'Run the examples in order: the Ingress does nothing until you apply nginx-ingress.yaml; then its ADDRESS fills and the same request is answered.',
    scenario: ingressBare,
    panels: [
      { kind: 'map', capacity: 6, packets: true },
      { kind: 'console', examples: [
        'kubectl get ingress',
        'kubectl get ingressclass',
        "kubectl exec client -- curl -sS -m 3 -H 'Host: bar.example.com' http://10.0.1.11/",
        'kubectl apply -f nginx-ingress.yaml',
        'kubectl get pods,svc -n nginx-ingress',
        'kubectl get ingress cafe',
        'kubectl exec client -- curl -sk --resolve bar.example.com:443:203.0.113.13 https://bar.example.com/',
      ] },
    ],
  }),
  live({
    id: 'ingress-trace',
    title: 'PacketTrace: through the Ingress controller',
    description: 'A request from a laptop on the internet through the cloud load balancer, a node and the Ingress controller\'s Pod, then the controller\'s own connection to the app Pod it chose: two connections, hop by hop.',
    caption: 'Click a row to send its request, then step through both connections: to the controller\'s Pod, then from it to an app Pod.',
    scenario: { ...ingressInstalled, time: 30_000 },
    panels: [
      { kind: 'trace', world: {}, from: 'client', to: 'dns:tea', presets: [
        { label: 'foo.example.com/coffee', command: 'curl -sk -m 3 --resolve foo.example.com:443:203.0.113.13 https://foo.example.com/coffee' },
        { label: 'foo.example.com/tea', command: 'curl -sk -m 3 --resolve foo.example.com:443:203.0.113.13 https://foo.example.com/tea' },
        { label: 'bar.example.com/', command: 'curl -sk -m 3 --resolve bar.example.com:443:203.0.113.13 https://bar.example.com/' },
      ] },
    ],
  }),
  live({
    id: 'ingress-per-request',
    title: 'Console: one connection, many requests',
    description: 'Six requests on one keep-alive connection: through the Ingress controller they reach both tea Pods (it routes each request); straight to the Service they stay on one Pod (kube-proxy chose once, per connection).',
    caption: 'Run both: six requests on one keep-alive connection through the Ingress reach both tea Pods; six on one connection to the Service stay on one.',
    scenario: ingressInstalled,
    panels: [
      { kind: 'console', examples: [
        "kubectl exec client -- curl -sk -w '\\n' --resolve bar.example.com:443:203.0.113.13 https://bar.example.com/ https://bar.example.com/ https://bar.example.com/ https://bar.example.com/ https://bar.example.com/ https://bar.example.com/",
        "kubectl exec client -- curl -s -w '\\n' http://tea http://tea http://tea http://tea http://tea http://tea",
      ] },
    ],
  }),
  live({
    id: 'ingress-routing',
    title: 'Console: many apps behind one address',
    description: 'Two hosts and several paths on one Ingress address: Host headers, --resolve, a redirect to HTTPS, a 404, TLS terminated at the controller.',
    caption: 'Click the examples: the same address answers for two hosts and several paths, redirects plain HTTP, and terminates TLS.',
    scenario: ingressInstalled,
    panels: [
      { kind: 'console', examples: [
        'kubectl get ingress cafe',
        "kubectl exec client -- curl -s -H 'Host: foo.example.com' http://203.0.113.13/coffee",
        'kubectl exec client -- curl -s --cacert /etc/example-ca/ca.crt --resolve foo.example.com:443:203.0.113.13 https://foo.example.com/coffee',
        'kubectl exec client -- curl -s --cacert /etc/example-ca/ca.crt --resolve foo.example.com:443:203.0.113.13 https://foo.example.com/tea',
        'kubectl exec client -- curl -s --cacert /etc/example-ca/ca.crt --resolve bar.example.com:443:203.0.113.13 https://bar.example.com/coffee/beans',
        "kubectl exec client -- curl -s -H 'Host: nope.example.com' http://203.0.113.13/",
        'kubectl exec client -- curl -sv --cacert /etc/example-ca/ca.crt --resolve bar.example.com:443:203.0.113.13 https://bar.example.com/',
      ] },
    ],
  }),
  {
    id: 'who-does-what',
    title: 'Who does what: the layers, live',
    description: 'The layers from the internet to a Pod, each marked Kubernetes, the cloud or both; choose one to see what implements it right now, read from the engine.',
    caption: 'Choose a layer: see who provides it and what implements it right now, then run its commands. Try Load balancer, then Services.',
    scenario: exposed,
    component: () => import('./WhoDoesWhat.svelte'),
    props: async (scenario) => {
      const [{ replay }, { whoDoesWhat }] = await Promise.all([import('./live/replay'), import('./views/who-does-what')]);
      const { cluster, applyErrors } = replay(scenario);
      return { scenario, initial: { layers: whoDoesWhat(cluster), now: cluster.clock.now, applyErrors } };
    },
  },
  {
    id: 'decision-matrix',
    title: 'Decision matrix: which to choose',
    description: 'Pick a requirement (internal, a lab, one external app, many apps with TLS, outbound internet): the answer, why, and commands that show it on a live cluster.',
    caption: 'Pick what you need, read the answer, then run its commands on the live cluster.',
    scenario: exposed,
    component: () => import('./DecisionMatrix.svelte'),
    props: async (scenario) => {
      const [{ replay }, { decisions }] = await Promise.all([import('./live/replay'), import('./views/decision-matrix')]);
      const { cluster, applyErrors } = replay(scenario);
      return { scenario, objects: decisionObjects, initial: { decisions: decisions(cluster, decisionObjects), now: cluster.clock.now, applyErrors } };
    },
  },
];

export function widgetById(id: string): WidgetEntry | undefined {
  return widgets.find((w) => w.id === id);
}
