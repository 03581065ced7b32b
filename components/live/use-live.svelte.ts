/**
 * How an island gets its live cluster: the engine's chunk is imported once the island has mounted
 * (so a page's first load carries no engine code), the scenario is replayed in small steps, and
 * `reset()` starts again from the widget's own scenario. Call it while a component initialises.
 */
import { onMount } from 'svelte';
import type { LiveCluster } from './live-cluster.svelte';
import type { Scenario } from './scenario';

export class LiveHandle {
  /** The live cluster, once started. */
  live: LiveCluster | undefined = $state.raw();
  /** Why the cluster could not start, in words. */
  error = $state('');
  #generation = 0;

  constructor(private readonly scenario: () => Scenario) {
    onMount(() => {
      this.reset();
      return () => this.#generation++;
    });
  }

  /** Starts (again) from `scenario`, or the widget's own scenario. */
  reset(scenario: Scenario = this.scenario()): void {
    const generation = ++this.#generation;
    import('./live-cluster.svelte')
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
