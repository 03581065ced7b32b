// How the browser bench drives a widget as a busy reader would, while the page records every
// frame's duration and every long task. One driver per widget kind; the bench uses each driver on
// the first built page that has its widget.
import type { Locator, Page } from 'playwright-core';

export interface Driver {
  name: string;
  /** Whether a built page's HTML holds the widget. */
  present(html: string): boolean;
  /** The widget on the page. */
  find(page: Page): Locator;
  /** Brings the widget to its heavy state, then keeps acting on it until `until` (page time, ms). */
  drive(page: Page, widget: Locator, until: () => Promise<boolean>): Promise<string>;
}

const driveMs = 6000;

/** Chapter 1's reconcile widget at 4× virtual speed: scaled between 1 and its maximum, Pods deleted. */
const reconcile: Driver = {
  name: 'reconcile widget (scale 1 ↔ max at 4× speed, delete Pods)',
  present: (html) => html.includes('Desired replicas'),
  find: (page) => page.getByRole('figure').filter({ has: page.getByRole('slider', { name: /Desired replicas/ }) }).first(),
  async drive(page, widget, until) {
    await widget.getByRole('combobox', { name: 'Speed' }).selectOption('4');
    const slider = widget.getByRole('slider', { name: /Desired replicas/ });
    let scales = 0;
    let deletes = 0;
    while (!(await until())) {
      await slider.focus();
      // A range input's keyboard step fires `change`, which the widget applies.
      await page.keyboard.press(scales % 2 ? 'Home' : 'End');
      scales++;
      const del = widget.getByRole('button', { name: /^Delete Pod/ });
      if (await del.count()) {
        await del.first().click({ timeout: 2000 }).catch(() => undefined);
        deletes++;
      }
      await page.waitForTimeout(400);
    }
    return `${scales} scales, ${deletes} Pod deletions`;
  },
};

export const drivers: Driver[] = [reconcile];

export interface FrameStats {
  wallMs: number;
  frames: number;
  p50: number;
  p95: number;
  longTasks: number;
  longestTask: number;
  work: string;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** Scrolls the driver's widget into view, waits for its engine, then drives it for a few seconds. */
export async function driveWidget(page: Page, driver: Driver): Promise<FrameStats> {
  const widget = driver.find(page);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => el.getAttribute('aria-busy') === 'false', await widget.elementHandle(), { timeout: 120_000 });
  // A string, not a function: tsx would wrap the named frame callback in a helper the page lacks.
  const t0 = await page.evaluate(`(() => {
    window.__frames = [];
    window.__framing = true;
    let last = performance.now();
    const frame = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__framing) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    return performance.now();
  })()`) as number;
  const until = async () => (await page.evaluate(() => performance.now())) - t0 >= driveMs;
  const work = await driver.drive(page, widget, until);
  const { frames, tasks, t1 } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean; __longTasks: { start: number; duration: number }[] };
    w.__framing = false;
    return { frames: w.__frames.slice(1), tasks: w.__longTasks, t1: performance.now() };
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const during = tasks.filter((t) => t.start >= t0 && t.start <= t1);
  return {
    wallMs: t1 - t0,
    frames: frames.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    longTasks: during.length,
    longestTask: Math.max(0, ...during.map((t) => t.duration)),
    work,
  };
}
