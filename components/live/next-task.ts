/**
 * Lets the browser run other tasks (input, paint) before the caller goes on: scheduler.yield()
 * where the browser has it (the continuation keeps its place ahead of other queued work), else a
 * message to ourselves, which unlike a nested setTimeout(0) is never clamped to 4 ms.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}

/**
 * Counts from 1 to `total`, one step per task, handing each count to `set`: a widget brings its
 * panels to life one per task instead of all in one long task. Returns the function that stops it.
 */
export function countPerTask(total: number, set: (n: number) => void): () => void {
  let stopped = false;
  void (async () => {
    for (let n = 1; n <= total && !stopped; n++) {
      await nextTask();
      if (!stopped) set(n);
    }
  })();
  return () => (stopped = true);
}
