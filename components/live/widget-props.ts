import type { Action } from './scenario';

/** What every live widget's Astro wrapper takes (LiveWidget.astro and the one-panel wrappers). */
export interface LiveWidgetProps {
  /** The widget's accessible name and visible title. */
  title: string;
  /** One line saying what to try. */
  caption: string;
  /** YAML manifests applied at start (a scenario file's text, imported with `?raw`). */
  manifests: string;
  /** The file name they are applied as: `kubectl apply -f SOURCE`. */
  source: string;
  namespace?: string;
  /** The cluster's shape, as a cluster config file's YAML (sim/scenarios/cluster-*.yaml, imported `?raw`): the default three-node cloud cluster when absent. */
  clusterConfig?: string;
  seed?: number;
  /** Commands the scenario runs before the reader comes, at their virtual instants. */
  setup?: Action[];
  /** Virtual time the cluster has run when the reader first sees it. */
  warmupMs?: number;
  /** Start with time running (unless the reader prefers reduced motion). Default true. */
  autoplay?: boolean;
  /**
   * The widget's id in components/widgets.ts when this is that widget (same panels, same
   * manifests): it then has Share and Embed.
   */
  widget?: string;
}
