/**
 * Lighthouse (mobile, its default form factor and throttling) on every page of the built course,
 * with a bare Starlight page (./bare-starlight, built here) measured in the same run as the
 * reference. Budgets: performance ≥ 98 and not below the bare page; accessibility, best practices
 * and SEO 100. Prints one line per page with a verdict beside every figure and saves each report
 * (HTML and JSON) under lighthouse-reports/ (git-ignored). Exits 1 when a page misses a budget.
 *
 * Run after `npm run build`: `npm run test:lighthouse` (LIGHTHOUSE_PAGES=a/,b/ for some pages only,
 * LIGHTHOUSE_RUNS=5 to measure each page five times). With LIGHTHOUSE_PERFORMANCE=report (as CI runs
 * it for now) a performance miss is printed with its verdict but does not fail the run: widgets that
 * hydrate during load (embed pages) still block the main thread past the budget (issue 12). Chromium is Debian's (CHROME_PATH, default
 * /usr/bin/chromium). Performance varies with the machine's load: the bare page is measured three
 * times, and a page under its budget twice more, each judged on the median of its runs, as
 * Lighthouse's docs advise for a score that moves between runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags } from 'lighthouse';
import { builtPages } from '../browser/site-pages';
import { serveStatic } from '../browser/static-server';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const reportDir = here('../../lighthouse-reports/');
const bareRoot = here('./bare-starlight/');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];
type Scores = Record<Category, number>;

const minimum: Scores = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };

/** The newest modification time of the files under `dir` (dist/, .astro/ and node_modules/ left out). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (['dist', '.astro', 'node_modules'].includes(e.name)) continue;
    const path = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

/** Builds the bare Starlight site (its dist/ is git-ignored) when it is missing or older than its sources. */
function buildBare(): void {
  const built = `${bareRoot}dist/index.html`;
  if (existsSync(built) && statSync(built).mtimeMs > newest(bareRoot)) return;
  execFileSync('npx', ['astro', 'build', '--root', bareRoot, '--silent'], { stdio: 'inherit' });
}

interface Run {
  scores: Scores;
  tbt: number;
  lcp: number;
  failing: string[];
  version: string;
}

/**
 * A page that asks search engines not to index it (an embed page: its widget belongs to a chapter)
 * fails SEO's is-crawlable on purpose; its SEO score is taken over the other SEO audits.
 */
async function audit(url: string, port: number, name: string, n: number, noindex = false): Promise<Run> {
  const flags: Flags = { port, output: ['html', 'json'], logLevel: 'error', onlyCategories: [...categories] };
  const result = await lighthouse(url, flags);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr, report } = result;
  const [html, json] = report as string[];
  const file = `${reportDir}${name}${n ? `.${n + 1}` : ''}`;
  writeFileSync(`${file}.html`, html);
  writeFileSync(`${file}.json`, json);
  const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Scores;
  if (noindex) {
    const refs = lhr.categories.seo.auditRefs.filter((r) => r.weight > 0 && r.id !== 'is-crawlable' && lhr.audits[r.id].score !== null);
    const weight = refs.reduce((w, r) => w + r.weight, 0);
    scores.seo = Math.round((100 * refs.reduce((sum, r) => sum + r.weight * (lhr.audits[r.id].score ?? 0), 0)) / weight);
  }
  // The audits that cost points outside performance, by id, for the reader of the log.
  const failing = categories
    .filter((c) => c !== 'performance')
    .flatMap((c) => lhr.categories[c].auditRefs.filter((r) => r.weight > 0 && (lhr.audits[r.id].score ?? 1) < 1).map((r) => `${c}: ${r.id}`))
    .filter((f) => !(noindex && f === 'seo: is-crawlable'));
  return { scores, tbt: lhr.audits['total-blocking-time'].numericValue ?? NaN, lcp: lhr.audits['largest-contentful-paint'].numericValue ?? NaN, failing, version: lhr.lighthouseVersion };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Audits a page once (or LIGHTHOUSE_RUNS times), and twice more when its performance misses
 * `floor`; the median decides.
 */
async function measure(url: string, port: number, name: string, floor: number, noindex = false): Promise<Run> {
  const runs: Run[] = [];
  for (let n = 0; n < atLeast; n++) runs.push(await audit(url, port, name, n, noindex));
  if (runs.length < 3 && runs[0].scores.performance < floor && (performanceEnforced || floor > 100)) while (runs.length < 3) runs.push(await audit(url, port, name, runs.length, noindex));
  const perf = median(runs.map((r) => r.scores.performance));
  const chosen = runs.find((r) => r.scores.performance === perf)!;
  return { ...chosen, tbt: median(runs.map((r) => r.tbt)), lcp: median(runs.map((r) => r.lcp)) };
}

const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');
const performanceEnforced = process.env.LIGHTHOUSE_PERFORMANCE !== 'report';
/** How many times every page is measured at least (LIGHTHOUSE_RUNS=5 to compare builds on a busy machine). */
const atLeast = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));

buildBare();
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });
const course = await serveStatic({ dist: 'dist' });
const bare = await serveStatic({ dist: `${bareRoot}dist`, base: '/' });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let missed = 0;
try {
  // The reference is always measured three times: its median is what every page is held to.
  const reference = await measure(bare.url, chrome.port, 'bare-starlight', 101);
  const line = (name: string, run: Run, floor: number) =>
    `${name.padEnd(28)} ` +
    categories.map((c) => `${c} ${run.scores[c]} (≥ ${c === 'performance' ? floor : minimum[c]}: ${verdict(run.scores[c] >= (c === 'performance' ? floor : minimum[c]))})`).join(', ') +
    `; TBT ${Math.round(run.tbt)} ms, LCP ${Math.round(run.lcp)} ms`;
  console.log(`Lighthouse ${reference.version}, mobile; reports in lighthouse-reports/`);
  console.log(`bare Starlight (reference, median of its runs): performance ${reference.scores.performance}; TBT ${Math.round(reference.tbt)} ms, LCP ${Math.round(reference.lcp)} ms`);
  // Not below the bare page measured in this run, and never below the absolute floor.
  const floor = Math.max(minimum.performance, reference.scores.performance);
  // LIGHTHOUSE_PAGES=services/,embed/console/ measures only those pages (the reference still runs).
  const only = process.env.LIGHTHOUSE_PAGES?.split(',');
  for (const { path, file } of builtPages().filter((p) => !only || only.includes(p.path))) {
    const name = path.replace(/\/$/, '').replace(/[/.]/g, '-') || 'index';
    const noindex = /<meta name="robots" content="noindex/.test(readFileSync(file, 'utf8'));
    const run = await measure(new URL(path, course.url).href, chrome.port, name, floor, noindex);
    console.log(line(`/${path}`, run, floor) + (noindex ? ' (noindex on purpose: SEO without is-crawlable)' : ''));
    for (const f of run.failing) console.log(`    ${f}`);
    missed += categories.filter((c) => (c !== 'performance' || performanceEnforced) && run.scores[c] < (c === 'performance' ? floor : minimum[c])).length;
  }
} finally {
  chrome.kill();
  await course.stop();
  await bare.stop();
}
console.log(missed ? `${missed} budget(s) missed` : performanceEnforced ? 'every page within its budgets' : 'accessibility, best practices and SEO within budget on every page (performance reported, not enforced)');
process.exit(missed ? 1 : 0);
