/**
 * How an island gets its live cluster: the engine's chunk is imported once the island has mounted
 * (so a page's first load carries no engine code; a live widget's island hydrates `client:engaged`,
 * components/live/client-engaged.ts), the scenario is replayed in small steps, and
 * `reset()` starts again from the widget's own scenario. Call it while a component initialises.
 *
 * Given the widget's registry id and title (`share`), the handle is also what Share and Embed
 * need: it starts from the scenario a share link or an embed page's URL carries for this widget
 * (components/share/share-link.ts), or says in `shareError` why it could not.
 */
import { onMount } from 'svelte';
import type { LiveCluster } from './live-cluster.svelte';
import type { Scenario } from './scenario';
import { frameId, sharedFor } from '../share/shared-for';
import { nextTask } from './next-task';

/** Who a widget is, for share links and embeds. */
export interface ShareIdentity {
  /** The widget's id in components/widgets.ts: `reconcile`. */
  widget: string;
  /** The widget's title; its frame's id on the page comes from it. */
  title: string;
}

export class LiveHandle {
  /** The live cluster, once started. */
  live: LiveCluster | undefined = $state.raw();
  /** Why the cluster could not start, in words. */
  error = $state('');
  /** Why the scenario in the page's URL was not used, in words; empty when there was none or it was used. */
  shareError = $state('');
  #generation = 0;

  constructor(
    private readonly scenario: () => Scenario,
    /** The widget's id and title, for share links and embeds; without it the widget has neither. */
    readonly share?: ShareIdentity,
  ) {
    onMount(() => {
      const generation = this.#generation;
      void (share ? sharedFor(new URL(location.href), share.widget, frameId(share.title)) : Promise.resolve(undefined)).then((shared) => {
        if (generation !== this.#generation) return; // unmounted meanwhile
        if (shared && 'error' in shared) this.shareError = shared.error;
        this.reset(shared && 'scenario' in shared ? shared.scenario : undefined);
      });
      return () => this.#generation++;
    });
  }

  /** Starts (again) from `scenario`, or the widget's own scenario. */
  reset(scenario: Scenario = this.scenario()): void {
    const generation = ++this.#generation;
    // The engine's chunk takes a phone over 100 ms to evaluate: its YAML library first, in a task
    // of its own, so that neither task is long.
    import('yaml')
      .then(nextTask)
      .then(() => import('./live-cluster.svelte'))
      .then(({ LiveCluster }) => LiveCluster.start(scenario))
      .then((live) => {
        if (generation === this.#generation) {
          this.live = live;
          this.error = '';
        }
      })
      .catch((error: unknown) => {
        if (generation === this.#generation) this.error = `The live cluster could not start: ${error instanceof Error ? error.message : String(error)}`;
      });
  }
}
