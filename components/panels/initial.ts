/**
 * The first view of each panel of a live widget, computed from a cluster: at build time by the
 * Astro wrapper (so the page arrives showing the engine's state), and by tests. Plain: no Svelte.
 */
import type { Cluster } from '../../sim/cluster';
import { serviceChain, type ServiceChain } from '../../sim/queries/service-chain';
import { clusterView, type ClusterView } from '../views/cluster';
import { cloudCallsView, type CloudCallsView } from '../views/cloud-calls';
import { worldView, type WorldView } from '../views/world';
import { rulesView, type RulesView } from '../views/rules';
import type { PanelSpec } from './specs';

export type InitialView =
  | { kind: 'map'; view: ClusterView; world?: WorldView }
  | { kind: 'endpoints'; chain?: ServiceChain }
  | { kind: 'rules'; view: RulesView; nodes: string[] }
  | { kind: 'console' }
  | { kind: 'balance'; pods: string[] }
  | { kind: 'trace'; view: ClusterView; world?: WorldView }
  | { kind: 'cloud'; view: CloudCallsView };

/** The first node's name: where RulesView starts when the spec names none. */
export function firstNode(cluster: Cluster): string {
  return [...cluster.nodes.keys()].sort()[0] ?? '';
}

export function initialView(cluster: Cluster, namespace: string, spec: PanelSpec): InitialView {
  switch (spec.kind) {
    case 'map':
      return { kind: 'map', view: clusterView(cluster, namespace), ...(spec.world ? { world: worldView(cluster) } : {}) };
    case 'endpoints':
      return { kind: 'endpoints', chain: serviceChain(cluster, namespace, spec.service) };
    case 'rules':
      return { kind: 'rules', view: rulesView(cluster, spec.node ?? firstNode(cluster), spec.service), nodes: [...cluster.nodes.keys()].sort() };
    case 'console':
      return { kind: 'console' };
    case 'balance':
      return { kind: 'balance', pods: (serviceChain(cluster, namespace, spec.service)?.pods ?? []).map((p) => p.name) };
    case 'trace':
      return { kind: 'trace', view: clusterView(cluster, namespace), ...(spec.world ? { world: worldView(cluster) } : {}) };
    case 'cloud':
      return { kind: 'cloud', view: cloudCallsView(cluster, namespace, spec.service) };
  }
}
