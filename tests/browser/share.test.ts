/**
 * A share link round trip: the reader changes a widget (scales the Deployment, deletes a Pod,
 * steps time), presses Share, and the link, opened in a fresh browser, shows the same cluster:
 * the same Pods with the same names and IPs, at the same virtual instant. A widget on a cluster
 * of its own (the egress chapter's NAT gateway) carries that cluster in the link; a link that asks
 * for a cluster the course does not have is refused, in words, inside the widget.
 */
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useSite, watchPage } from './harness';
import { decodeSharedScenario } from '../../components/share/shared-scenario';
import { shareUrl } from '../../components/share/share-link';
import { courseClusters } from '../../components/scenarios/clusters';
import { widgetById } from '../../components/widgets';

const site = useSite();

/** A fresh reader, under reduced motion so that time moves only when stepped. */
async function reader(url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const { problems } = watchPage(page, site.server.origin);
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

async function started(page: Page, name: string): Promise<Locator> {
  const widget = page.getByRole('figure', { name });
  await widget.scrollIntoViewIfNeeded();
  await expect.poll(() => widget.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
  return widget;
}

/** What the widget shows: the clock, the desired count and every Pod's line. */
async function state(widget: Locator): Promise<string[]> {
  const pods = await widget.getByRole('listitem', { name: /^Pod / }).allTextContents();
  return [(await widget.getByText(/^t = /).textContent()) ?? '', await widget.locator('output').first().innerText(), ...pods.map((p) => p.replace(/\s+/g, ' ').trim())];
}

test('a share link opens the same widget in the same state', async () => {
  const name = 'Live cluster: scale the Deployment';
  const first = await reader(new URL('intent/', site.server.url).href);
  const widget = await started(first.page, name);
  const slider = widget.getByRole('slider', { name: /Desired replicas/ });
  await slider.focus();
  await first.page.keyboard.press('ArrowRight');
  await first.page.keyboard.press('ArrowRight');
  for (let i = 0; i < 4; i++) await widget.getByRole('button', { name: /^Step/ }).click();
  await widget.getByRole('button', { name: /^Delete Pod / }).first().click();
  await widget.getByRole('button', { name: /^Step/ }).click();
  const before = await state(widget);
  expect(before[1]).toBe('5');

  await widget.getByRole('button', { name: 'Share' }).click();
  const link = await widget.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/\/intent\/\?share=[\w-]+#live-cluster-scale-the-deployment$/);

  const second = await reader(link);
  const opened = await started(second.page, name);
  await expect.poll(() => state(opened), { timeout: 20_000 }).toEqual(before);
  // The other widget on the page is not touched by the link.
  const other = await started(second.page, 'Live cluster: delete a Pod');
  expect((await state(other))[1]).toBe('3');
  expect([...first.problems, ...second.problems]).toEqual([]);
});

test('a link that was tampered with says so in the widget, which starts from its own scenario', async () => {
  const { page, problems } = await reader(new URL('intent/?share=AAAA-not-deflate#live-cluster-scale-the-deployment', site.server.url).href);
  const widget = await started(page, 'Live cluster: scale the Deployment');
  await expect.poll(() => widget.getByRole('alert').allTextContents()).toContainEqual(expect.stringMatching(/shared scenario .*own scenario instead/));
  expect((await state(widget))[1]).toBe('3');
  expect(problems).toEqual([]);
});

test('a widget on a cluster of its own shares that cluster: the link rebuilds the NAT gateway and the reader\'s commands', async () => {
  const name = 'Egress through a NAT gateway';
  const first = await reader(new URL('egress/', site.server.url).href);
  const widget = await started(first.page, name);
  await widget.getByRole('button', { name: 'cloud nat list', exact: true }).click();
  await widget.getByRole('button', { name: /^Step/ }).click();
  const consoleText = () => widget.getByRole('log', { name: 'Console output' }).innerText();
  const clock = () => widget.getByText(/^t = /).textContent();
  const before = [await clock(), await consoleText()];
  expect(before[1]).toMatch(/nat-gw\s+10\.0\.0\.5\s+203\.0\.113\.10/);

  await widget.getByRole('button', { name: 'Share' }).click();
  const link = await widget.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/\/egress\/\?share=[\w-]+#egress-through-a-nat-gateway$/);
  const shared = decodeSharedScenario(new URL(link).searchParams.get('share')!);
  expect(shared.ok && shared.value.scenario.clusterConfig).toBe(courseClusters['private-nat']);

  const second = await reader(link);
  const opened = await started(second.page, name);
  const again = async () => [await opened.getByText(/^t = /).textContent(), await opened.getByRole('log', { name: 'Console output' }).innerText()];
  await expect.poll(again, { timeout: 20_000 }).toEqual(before);
  expect([...first.problems, ...second.problems]).toEqual([]);
});

test('a link asking for a cluster the course does not have is refused inside the widget, which runs its own', async () => {
  const entry = widgetById('egress-nat-gateway')!;
  const page = new URL('egress/', site.server.url);
  const link = shareUrl(page, entry.id, 'egress-through-a-nat-gateway', { ...entry.scenario, clusterConfig: 'name: huge\nnodes:\n  - {name: n1, ip: 10.0.0.9}\n' });
  const { page: opened, problems } = await reader(link);
  const widget = await started(opened, 'Egress through a NAT gateway');
  await expect.poll(() => widget.getByRole('alert').allTextContents()).toContainEqual(expect.stringMatching(/a cluster this site does not know.*own scenario instead/));
  await widget.getByRole('button', { name: 'cloud nat list', exact: true }).click();
  await expect.poll(() => widget.getByRole('log', { name: 'Console output' }).innerText()).toMatch(/nat-gw/);
  expect(problems).toEqual([]);
});
