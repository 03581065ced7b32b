/**
 * The chapter "kube-proxy" in real Chromium: a node whose kube-proxy is stopped keeps stale rules
 * while the others learn a new Pod; requests on separate connections spread, requests on one
 * keep-alive connection all reach one Pod.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openLiveWidget, openPageForTests } from './harness';

const chapter = openPageForTests('kube-proxy/');

const dnatCount = async (widget: ReturnType<Page['getByRole']>, node: string) => {
  await widget.getByRole('group', { name: 'Node' }).getByRole('button', { name: node }).click();
  return ((await widget.getByRole('group', { name: 'Rules' }).locator('pre').textContent()) ?? '').match(/-j DNAT/g)?.length ?? 0;
};

test('kube-proxy writes the rules on each node; stopped, its node keeps the old ones', async () => {
  const widget = await openLiveWidget(chapter.page, 'Live cluster: kube-proxy writes the rules');
  expect(await dnatCount(widget, 'node-1')).toBe(3);
  await widget.getByRole('group', { name: 'Cluster map' }).getByRole('button', { name: /^Pod web-\S+, 10\.244\.2\./ }).click();
  await widget.getByRole('button', { name: 'Stop kube-proxy on node-2' }).click();
  await widget.getByRole('button', { name: 'Scale up' }).click();
  await expect.poll(() => dnatCount(widget, 'node-1'), { timeout: 20_000 }).toBe(4);
  expect(await dnatCount(widget, 'node-2')).toBe(3);
  expect(await widget.getByRole('group', { name: 'Rules' }).textContent()).toMatch(/kube-proxy is stopped on node-2/);
});

test('separate connections spread over the Pods; one keep-alive connection stays on one Pod', async () => {
  const widget = await openLiveWidget(chapter.page, 'Balance: new connections versus one keep-alive connection');
  await widget.getByRole('button', { name: 'Send 12 requests on 12 new connections' }).click();
  await widget.getByRole('button', { name: 'Send 12 requests on one keep-alive connection' }).click();
  const legend = (await widget.locator('.legend').textContent())?.replace(/\s+/g, ' ');
  expect(legend).toMatch(/separate connections: 12 requests, 12 connections/);
  expect(legend).toMatch(/one keep-alive connection: 12 requests, 1 connection/);
  const chart = (await widget.getByRole('img').getAttribute('aria-label'))!;
  const separate = [...chart.matchAll(/: (\d+) of the separate connections/g)].map((m) => Number(m[1]));
  const keepAlive = [...chart.matchAll(/, (\d+) on the keep-alive connection/g)].map((m) => Number(m[1]));
  expect(separate.filter((n) => n > 0).length).toBeGreaterThan(1);
  expect(keepAlive.filter((n) => n > 0)).toEqual([12]);
});

test('the page logs no console error and requests nothing from another host', () => {
  expect(chapter.problems).toEqual([]);
});
