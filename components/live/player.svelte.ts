/**
 * The virtual-time player of one widget: play, pause, step, speed. Time runs only while the
 * widget is on screen and the tab is visible, once the page has loaded, on the page's one frame
 * clock. Under `prefers-reduced-motion` it starts paused: the reader steps, and reaches the same
 * states.
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

/**
 * Whether the page has loaded and the browser has had a moment with nothing to do. Time starts
 * running only then: a widget in view on load would otherwise advance its cluster every frame
 * while the page is still loading (about 0.6 s of main-thread work on a phone 4× slower), and the
 * reader cannot tell a clock that starts a moment later.
 */
const page = $state({ settled: typeof document === 'undefined' });
if (typeof document !== 'undefined') {
  const settle = () => (page.settled = true);
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(settle, { timeout: 1000 }) : setTimeout(settle, 100));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

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
      if (!cluster || !this.playing || !this.onScreen || !this.pageVisible || !page.settled) return;
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
