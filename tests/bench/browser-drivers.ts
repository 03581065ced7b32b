// How the browser bench drives a widget as a busy reader would, while the page records every
// frame's duration and every long task. The driving runs inside the page, on its own timers:
// driven from the test runner instead, Playwright's injected scripts (finding elements by role,
// actionability checks) run on the page's main thread and, throttled 4×, take longer than the
// widget's own work, so the figures would measure the harness. One driver per widget kind; the
// bench uses each on the first built page that has its widget.
import type { Page } from 'playwright-core';

export interface Driver {
  name: string;
  /** Whether a built page's HTML holds the widget. */
  present(html: string): boolean;
  /** A CSS selector for the widget's root element (the first match is driven). */
  selector: string;
  /**
   * The body of an async function run in the page with `widget` (the root element) in scope: it
   * prepares the widget's heavy state (before frames are counted) and returns `act`, called every
   * `everyMs`, which performs one reader action and returns a word for it (counted in the report).
   */
  script: string;
  everyMs: number;
}

/** Chapter 1's reconcile widget at 4× virtual speed: scaled between 1 and its maximum, Pods deleted. */
const reconcile: Driver = {
  name: 'reconcile widget (scale 1 ↔ max at 4× speed, delete a Pod)',
  present: (html) => html.includes('Desired replicas'),
  selector: 'figure:has(input[type=range])',
  everyMs: 300,
  script: `
    const speed = widget.querySelector('select');
    speed.value = [...speed.options].at(-1).value;
    speed.dispatchEvent(new Event('change', { bubbles: true }));
    const slider = widget.querySelector('input[type=range]');
    let n = 0;
    const set = (value) => {
      slider.value = value;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      slider.dispatchEvent(new Event('change', { bubbles: true }));
    };
    return () => {
      n++;
      if (n % 2) { set(n % 4 === 1 ? slider.max : slider.min === '0' ? '1' : slider.min); return 'scale'; }
      const del = widget.querySelector('button[aria-label^="Delete Pod"]:not(:disabled)');
      if (del) { del.click(); return 'delete'; }
      return 'none';
    };
  `,
};

/**
 * ClusterMap with 12 Pods and a stream of packets (issue 7): on the readiness chapter's widget, the
 * Console scales web to 11 replicas (with the client, 12 Pods on the map) and waits until all are
 * Ready, then runs 12 curls to the Service every 400 ms, each drawn as a packet crossing the map.
 * Typed into the Console as a reader would (input, then Enter).
 */
const clusterMap: Driver = {
  name: 'ClusterMap with 12 Pods (Console: 12 curls to the Service every 400 ms)',
  present: (html) => html.includes('Live cluster: fail a readiness probe'),
  selector: 'figure[aria-label="Live cluster: fail a readiness probe"]',
  everyMs: 400,
  script: `
    const input = widget.querySelector('input[aria-label="Command"]');
    const type = (command) => {
      input.value = command;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    };
    const pods = () => widget.querySelectorAll('.panel-map [role=button][aria-label^="Pod "]').length;
    const ready = () => widget.querySelectorAll('.panel-map [role=button][aria-label^="Pod "][aria-label*=", Ready, "]').length;
    type('kubectl scale deployment web --replicas=11');
    // Until the 12 Pods are Ready: their start (containers, probes, endpoints, rule syncs) is the
    // preparation, not the drive; counted, it put its own long tasks into the drive's frames.
    for (let waited = 0; ready() < 12; waited += 200) {
      if (waited > 60000) throw new Error('the map shows ' + pods() + ' Pods, ' + ready() + ' Ready, not 12');
      await new Promise((r) => setTimeout(r, 200));
    }
    widget.querySelector('.panel-map').scrollIntoView({ block: 'start', behavior: 'instant' });
    return () => {
      type("kubectl exec client -- sh -c 'for i in $(seq 1 12); do curl -s http://web; done'");
      return pods() + ' Pods, 12 curls';
    };
  `,
};

export const drivers: Driver[] = [reconcile, clusterMap];

export interface FrameStats {
  wallMs: number;
  frames: number;
  p50: number;
  p95: number;
  longTasks: number;
  longestTask: number;
  work: string;
}

const driveMs = 6000;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** Scrolls the driver's widget into view, waits for its engine, then drives it for a few seconds. */
export async function driveWidget(page: Page, driver: Driver): Promise<FrameStats> {
  const widget = page.locator(driver.selector).first();
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => el.getAttribute('aria-busy') === 'false', await widget.elementHandle(), { timeout: 120_000 });
  // A string, not a function: tsx would wrap the named callbacks in a helper the page lacks.
  const result = (await page.evaluate(`new Promise((done, fail) => {
    const widget = document.querySelector(${JSON.stringify(driver.selector)});
    (async () => { ${driver.script} })().then((act) => {
    const frames = [];
    const counts = {};
    const t0 = performance.now();
    let last = t0;
    let running = true;
    const frame = (t) => {
      frames.push(t - last);
      last = t;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const timer = setInterval(() => {
      const word = act();
      counts[word] = (counts[word] ?? 0) + 1;
    }, ${driver.everyMs});
    setTimeout(() => {
      running = false;
      clearInterval(timer);
      const t1 = performance.now();
      const tasks = window.__longTasks.filter((t) => t.start >= t0 && t.start <= t1);
      done({ frames: frames.slice(1), tasks, wallMs: t1 - t0, counts });
    }, ${driveMs});
    }, fail);
  })`)) as { frames: number[]; tasks: { duration: number }[]; wallMs: number; counts: Record<string, number> };
  const sorted = [...result.frames].sort((a, b) => a - b);
  return {
    wallMs: result.wallMs,
    frames: result.frames.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    longTasks: result.tasks.length,
    longestTask: Math.max(0, ...result.tasks.map((t) => t.duration)),
    work: Object.entries(result.counts)
      .map(([word, n]) => `${n} × ${word}`)
      .join(', '),
  };
}
