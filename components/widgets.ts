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
import intentWeb from '../sim/scenarios/intent/web.yaml?raw';
import policyPods from '../sim/scenarios/network-policy/pods.yaml?raw';
import denyIngressX from '../sim/scenarios/network-policy/deny-ingress-x.yaml?raw';

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
}

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
      return { scenario, deployment: 'web', initial: { ...reconcileView(cluster, scenario.namespace, 'web', 6), applyErrors } };
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
];

export function widgetById(id: string): WidgetEntry | undefined {
  return widgets.find((w) => w.id === id);
}
