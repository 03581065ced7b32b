/**
 * One animation-frame loop for the whole page, however many widgets run: each playing widget
 * registers a callback, and the loop runs only while at least one is registered.
 */
type FrameCallback = (elapsedMs: number) => void;

const callbacks = new Set<FrameCallback>();
let frame = 0;
let last = 0;

function tick(t: number): void {
  // A hidden tab's long pause is not replayed: at most 100 ms of wall time per frame.
  const elapsed = Math.min(t - last, 100);
  last = t;
  for (const cb of callbacks) cb(elapsed);
  frame = callbacks.size ? requestAnimationFrame(tick) : 0;
}

/** Calls `cb` with the wall milliseconds since the previous frame; returns the function that stops it. */
export function onFrame(cb: FrameCallback): () => void {
  callbacks.add(cb);
  if (!frame) {
    last = performance.now();
    frame = requestAnimationFrame(tick);
  }
  return () => {
    callbacks.delete(cb);
    if (!callbacks.size && frame) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  };
}

/**
 * Resolves in a task after the next frame has been drawn, so that work split across tasks leaves
 * every frame its turn (a continuation from scheduler.yield() runs ahead of rendering: a loop of
 * them held frames back as one long task would). While the tab is hidden and draws no frames, at
 * once in a task of its own.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (document.hidden) setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
