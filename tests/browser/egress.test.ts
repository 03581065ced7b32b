/**
 * The chapter "Egress" in real Chromium, doing what the reader does: through node SNAT the echo
 * host sees each Pod's node's public IP (a different one per node); through a NAT gateway both
 * Pods appear as the NAT gateway's one public IP; in a private subnet with no NAT the request
 * reaches nothing and dies at the VPC's router.
 */
import { expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { openLiveWidget, openPageForTests } from './harness';

const chapter = openPageForTests('egress/');
const text = async (l: Locator) => (await l.textContent()) ?? '';

/** Clicks a preset row's button and returns the row's text once its request has run. */
async function send(w: Locator, label: string): Promise<string> {
  const row = w.getByRole('listitem').filter({ has: chapter.page.getByRole('button', { name: label, exact: true }) });
  // The request runs within the click (curl's time is virtual): the row says what it printed.
  await row.getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => text(row)).toContain('It printed:');
  return text(row);
}

test('node SNAT: the echo host sees each Pod\'s node\'s public IP, rewritten by the node, then the internet gateway', async () => {
  const w = await openLiveWidget(chapter.page, 'Egress through node SNAT');
  const one = await send(w, 'client-1 (node-1) → echo host');
  expect(one).toMatch(/MASQUERADE: source 10\.244\.1\.\d+:\d+ → 10\.0\.1\.11:\d+ \(node-1 nat POSTROUTING\)/);
  expect(one).toMatch(/SNAT: source 10\.0\.1\.11:\d+ → 203\.0\.113\.10:\d+ \(igw\)/);
  expect(one).toMatch(/It printed: 203\.0\.113\.10$/);
  expect(await send(w, 'client-2 (node-2) → echo host')).toMatch(/It printed: 203\.0\.113\.11$/);
  expect(chapter.problems).toEqual([]);
});

test('NAT gateway: both Pods reach the echo host with the NAT gateway\'s one public IP', async () => {
  const w = await openLiveWidget(chapter.page, 'Egress through a NAT gateway');
  const one = await send(w, 'client-1 (node-1) → echo host');
  expect(one).toMatch(/SNAT: source 10\.0\.1\.11:\d+ → 10\.0\.0\.5:\d+ \(nat-gw\)/);
  expect(one).toMatch(/SNAT: source 10\.0\.0\.5:\d+ → 203\.0\.113\.10:\d+ \(igw\)/);
  expect(one).toMatch(/It printed: 203\.0\.113\.10$/);
  expect(await send(w, 'client-2 (node-2) → echo host')).toMatch(/It printed: 203\.0\.113\.10$/);
  await w.getByRole('button', { name: 'cloud nat list', exact: true }).click();
  await expect.poll(() => text(w.getByRole('log', { name: 'Console output' }))).toMatch(/nat-gw\s+10\.0\.0\.5\s+203\.0\.113\.10/);
  expect(chapter.problems).toEqual([]);
});

test('a private subnet with no NAT: the request reaches nothing, and dies at the VPC\'s router', async () => {
  const w = await openLiveWidget(chapter.page, 'Egress with no NAT gateway');
  const row = await send(w, 'client-1 (node-1) → echo host');
  expect(row).toMatch(/It printed: curl: \(28\) Connection timed out after 3\d{3} milliseconds command terminated with exit code 28/);
  expect(row).toMatch(/the connection ended: timeout/);
  const hops = w.getByRole('list', { name: 'Hops of the connection' });
  await hops.getByRole('button').last().click();
  expect(await text(hops)).toMatch(/vpc\s*10\.0\.1\.11:\d+ → 198\.51\.100\.20:80\s*the VPC has no route to 198\.51\.100\.20/);
  expect(chapter.problems).toEqual([]);
});
