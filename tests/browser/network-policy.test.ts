/**
 * The chapter "NetworkPolicy" in real Chromium: the reader opens the manifest editor (which loads
 * only then), applies policies and sees the reachability matrix change; bad YAML, unknown kinds,
 * wrong fields and huge pastes get a message in the editor and change nothing.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useSite, watchPage } from './harness';

let page: Page;
let watched: { problems: string[] };
const requested: string[] = [];
const scenario = (f: string) => readFileSync(`sim/scenarios/network-policy/${f}`, 'utf8');

const site = useSite();

beforeAll(async () => {
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  watched = watchPage(page, site.server.origin);
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(new URL('network-policy/', site.server.url).href, { waitUntil: 'load' });
});

/** A matrix widget, scrolled into view and hydrated (its editor's Edit button enabled). */
async function widget(name: string): Promise<Locator> {
  const w = page.getByRole('figure', { name });
  await w.scrollIntoViewIfNeeded();
  await expect.poll(() => w.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
  return w;
}

const blocked = (w: Locator) => w.locator('td.no').count();
const cell = (w: Locator, from: string, to: string) => w.getByText(`${from} to ${to}:`, { exact: false });

/** Opens the widget's editor and replaces its text, as a reader pasting would. */
async function edit(w: Locator, text: string): Promise<void> {
  const edit = w.getByRole('button', { name: 'Edit YAML' });
  if (await edit.count()) await edit.click();
  const box = w.getByRole('textbox', { name: /^YAML of / });
  await box.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

test('the editor is not loaded before the reader opens it', async () => {
  await widget('Reachability: a default deny for ingress');
  expect(requested.filter((u) => /codemirror|lang-yaml/i.test(u))).toEqual([]);
});

test('open by default; applying a default deny blocks the x columns and only them', async () => {
  const w = await widget('Reachability: a default deny for ingress');
  expect(await blocked(w)).toBe(0);
  await w.getByRole('button', { name: 'Edit YAML' }).click();
  await expect.poll(() => w.getByRole('textbox', { name: 'YAML of deny-ingress-x.yaml' }).count(), { timeout: 10_000 }).toBe(1);
  expect(requested.some((u) => /codemirror/i.test(u))).toBe(true);
  await w.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => w.getByText('networkpolicy.networking.k8s.io/deny-ingress created').count()).toBe(1);
  // 9 rows × 3 x columns, less the 3 Pods of x reaching themselves.
  await expect.poll(() => blocked(w)).toBe(24);
  expect(await cell(w, 'y/a', 'x/b').textContent()).toContain('blocked');
  expect(await cell(w, 'x/b', 'y/a').textContent()).toContain('connected');
});

test('one peer or two: splitting the from element admits all of y, and b of the policy\'s own namespace', async () => {
  const w = await widget('Reachability: one peer or two');
  const column = async () => {
    const open: string[] = [];
    for (const from of ['x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c']) {
      if ((await cell(w, from, 'x/a').textContent())?.includes('connected')) open.push(from);
    }
    return open;
  };
  expect(await column()).toEqual(['y/b']);
  await edit(w, scenario('from-and.yaml').replace('      podSelector:', '    - podSelector:'));
  await w.getByRole('button', { name: 'Diff' }).click();
  await expect.poll(() => w.getByText('networking.k8s.io.v1.NetworkPolicy.x.a-from-y-b').count()).toBe(1);
  expect(await w.locator('.l.add').filter({ hasText: '- podSelector:' }).count()).toBeGreaterThan(0);
  await w.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(column).toEqual(['x/b', 'y/a', 'y/b', 'y/c']);
});

test('bad YAML, an unknown kind, a wrong field and a huge paste: a message, and nothing applied', async () => {
  const w = await widget('Reachability: egress on the client, ingress on the server');
  const before = await blocked(w);
  const problems = w.locator('.problems li');

  await edit(w, scenario('egress-y-b.yaml').replace('  podSelector:\n    matchLabels:\n      pod: b', '  podSelector:\n    matchLabels:\n     pod: b\n      x: y'));
  await w.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => problems.count()).toBeGreaterThan(0);
  expect(await w.getByText(/nothing was applied/).count()).toBe(1);
  expect(await problems.first().textContent()).toMatch(/line \d+, column \d+.*error parsing egress-y-b.yaml/s);
  expect(await w.locator('.cm-lint-marker-error').count()).toBeGreaterThan(0);

  await edit(w, scenario('egress-y-b.yaml').replace('kind: NetworkPolicy\nmetadata:\n  name: b-sends', 'kind: NetworkPolicie\nmetadata:\n  name: b-sends'));
  await w.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(async () => (await problems.allTextContents()).join('\n')).toMatch(/no matches for kind "NetworkPolicie"/);
  // The first document was fine, but nothing of the file is applied while the second is wrong.
  expect(await w.getByText('a-from-anywhere configured').count()).toBe(0);

  await edit(w, scenario('egress-y-b.yaml').replace('  policyTypes:\n  - Egress', '  policyTypes:\n  - Egress\n  egres: []'));
  await w.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(async () => (await problems.allTextContents()).join('\n')).toMatch(/unknown field "spec.egres"/);

  // A huge paste, as the clipboard delivers it to the editor.
  await w.getByRole('textbox', { name: /^YAML of / }).evaluate((box) => {
    const data = new DataTransfer();
    data.setData('text/plain', `# ${'x'.repeat(600 * 1024)}\n`);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => w.getByText(/this editor holds at most 512 KB/).count()).toBe(1);
  expect(await blocked(w)).toBe(before);
});

test('an egress rule for port 53 opens DNS and nothing else', async () => {
  const w = await widget('Reachability: egress denied, DNS included');
  const dns = (from: string) => cell(w, from, 'kube-system/kube-dns:53/UDP');
  expect(await dns('x/a').textContent()).toContain('blocked');
  const before = await blocked(w);
  await edit(w, `${scenario('deny-egress-x.yaml')}  egress:\n  - ports:\n    - port: 53\n      protocol: UDP\n    - port: 53\n      protocol: TCP\n`);
  await w.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(async () => (await dns('x/a').textContent()) ?? '').toContain('connected');
  expect(await blocked(w)).toBe(before - 3);
  expect(await cell(w, 'x/a', 'y/a').textContent()).toContain('blocked');
});

test('on flannel the same policy changes nothing', async () => {
  const w = await widget('Reachability: the same policy on flannel');
  expect(await blocked(w)).toBe(0);
  expect(watched.problems).toEqual([]);
});
