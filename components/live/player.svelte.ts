/**
 * The virtual-time player of one widget: play, pause, step, speed. Time runs only while the
 * widget is on screen and the tab is visible, on the page's one frame clock. Under
 * `prefers-reduced-motion` it starts paused: the reader steps, and reaches the same states.
 *
 * Create it while a component initialises (it uses `$effect`), attach it with
 * `{@attach player.watch}` on the widget's root element, and let TimeControls drive it.
 */
import { MediaQuery } from 'svelte/reactivity';
import { onFrame } from './frame-clock';

/** What the player moves: a live cluster, once the engine has loaded. */
export interface Advanceable {
  advance(ms: number): void;
}

export const speeds = [0.5, 1, 2, 4] as const;

export class Player {
  playing: boolean = $state(false);
  speed: number = $state(1);
  /** The widget intersects the viewport. */
  onScreen = $state(false);
  /** The tab is visible. */
  pageVisible = $state(true);
  readonly reducedMotion = new MediaQuery('(prefers-reduced-motion: reduce)');

  constructor(
    private readonly target: () => Advanceable | undefined,
    autoplay = true,
  ) {
    this.playing = autoplay && !this.reducedMotion.current;
    $effect(() => {
      const update = () => (this.pageVisible = document.visibilityState === 'visible');
      update();
      document.addEventListener('visibilitychange', update);
      return () => document.removeEventListener('visibilitychange', update);
    });
    $effect(() => {
      const cluster = this.target();
      if (!cluster || !this.playing || !this.onScreen || !this.pageVisible) return;
      const rate = this.speed;
      let owed = 0;
      return onFrame((elapsed) => {
        owed += elapsed * rate;
        const ms = Math.floor(owed);
        if (ms > 0) {
          owed -= ms;
          cluster.advance(ms);
        }
      });
    });
  }

  /** An attachment: observes whether `element` is on screen. */
  watch = (element: Element) => {
    const observer = new IntersectionObserver(([entry]) => (this.onScreen = entry.isIntersecting));
    observer.observe(element);
    return () => observer.disconnect();
  };

  /** Advances by `ms` at once, playing or not. */
  step(ms: number): void {
    this.target()?.advance(ms);
  }
}
