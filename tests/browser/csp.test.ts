/**
 * The site works under a strict Content-Security-Policy: no 'unsafe-eval' and no 'unsafe-inline'
 * for scripts (inline scripts are allowed by their hashes only, as a host's header would list
 * them), and nothing but the site's own origin. Every page is served with that header; its islands
 * must hydrate and start their engines with no violation reported and no request leaving the origin.
 *
 * 'wasm-unsafe-eval' stays: Pagefind's search runs WebAssembly, which CSP governs with that keyword
 * only; it allows compiling WebAssembly, not eval() or new Function().
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { hydrateIslands, launchChromium, startPreview, watchPage, type PreviewServer } from './harness';
import { builtPages } from './site-pages';

const pages = builtPages();

/** The sha256 source of every inline script of the site, as CSP's hash-source writes it. */
function inlineScriptHashes(): string[] {
  const hashes = new Set<string>();
  for (const { file } of pages) {
    for (const [, attrs, body] of readFileSync(file, 'utf8').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/\bsrc=/.test(attrs) || /\btype="application\/(?:ld\+)?json"/.test(attrs) || !body) continue;
      hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    }
  }
  return [...hashes];
}

function policy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

let strict: PreviewServer;
let noInline: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  strict = await startPreview(process.cwd(), { 'content-security-policy': policy(inlineScriptHashes()) });
  noInline = await startPreview(process.cwd(), { 'content-security-policy': policy([]) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await strict?.stop();
  await noInline?.stop();
});

/** A browser context that records every CSP violation the page reports. */
async function recordingContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  return context;
}

describe.each(pages)('/$path', ({ path }) => {
  test('hydrates and runs under the strict policy with no violation and nothing off the origin', async () => {
    const context = await recordingContext();
    const page = await context.newPage();
    const { problems } = watchPage(page, strict.origin);
    await page.goto(new URL(path, strict.url).href, { waitUntil: 'load' });
    await hydrateIslands(page);
    // A live engine moves its clock when stepped.
    for (const step of await page.getByRole('button', { name: /^Step/ }).all()) await step.click();
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

test('search (Pagefind, WebAssembly) answers under the strict policy', async () => {
  const context = await recordingContext();
  const page = await context.newPage();
  const { problems } = watchPage(page, strict.origin);
  await page.goto(strict.url, { waitUntil: 'load' });
  await page.getByRole('button', { name: 'Search' }).click();
  const box = page.getByRole('textbox', { name: 'Search' });
  await box.fill('Pod');
  await box.press('Enter');
  await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

test('the check notices a violation: without the hashes, inline scripts are reported', async () => {
  const context = await recordingContext();
  const page = await context.newPage();
  await page.goto(noInline.url, { waitUntil: 'load' });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)).toBeGreaterThan(0);
  await context.close();
});
