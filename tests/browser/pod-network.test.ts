/**
 * The chapter "The Pod network" in real Chromium: a request from the client Pod to a Pod IP on
 * another node crosses every hop with its addresses unchanged, and arrives from the client's own
 * IP; the same request between Docker hosts is rewritten twice.
 */
import { expect, test } from 'vitest';
import { openLiveWidget, openPageForTests } from './harness';

const chapter = openPageForTests('pod-network/');

test('Pod to Pod across nodes: no hop rewrites the packet, and the server sees the client\'s IP', async () => {
  const widget = await openLiveWidget(chapter.page, 'Packet trace: from one Pod to another');
  await widget.getByRole('combobox', { name: 'From Pod' }).selectOption({ label: 'client (10.244.2.2)' });
  await widget.getByRole('combobox', { name: 'To' }).selectOption({ label: 'Pod IP 10.244.1.3 (web-55f6cc6694-rkbld)' });
  await widget.getByRole('button', { name: 'Send a request' }).click();
  const hops = widget.getByRole('list', { name: 'Hops of the connection' });
  const rows = (await hops.getByRole('button').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
  const request = rows.filter((r) => !r.startsWith('↩'));
  expect(request.length).toBeGreaterThan(8);
  expect(request.some((r) => r.includes('node-1'))).toBe(true);
  for (const r of request) expect(r).toMatch(/10\.244\.2\.2:\d+ → 10\.244\.1\.3:8080/);
  expect(rows.join('\n')).not.toMatch(/DNAT:|MASQUERADE:/);
  expect(await widget.getByText('No rule rewrote this packet at any hop').count()).toBe(1);
  expect(await widget.getByText(/established, served by web-55f6cc6694-rkbld/).count()).toBe(1);
});

test('between Docker hosts the same request is rewritten twice, and the server sees host-a', async () => {
  const widget = chapter.page.getByRole('figure', { name: 'Docker beside Kubernetes: the same request through port mapping' });
  await widget.scrollIntoViewIfNeeded();
  const hops = widget.getByRole('list', { name: 'Hops between the Docker hosts' });
  await expect.poll(async () => (await hops.textContent()) ?? '').toMatch(/MASQUERADE: source 172\.17\.0\.2:\d+ → 192\.168\.1\.10:\d+/);
  expect(await hops.textContent()).toMatch(/DNAT: destination 192\.168\.1\.11:8080 → 172\.17\.0\.2:80/);
  await widget.getByRole('radio', { name: /web's container address/ }).check();
  await expect.poll(async () => (await widget.textContent()) ?? '').toMatch(/refused/);
});

test('the page logs no console error and requests nothing from another host', () => {
  expect(chapter.problems).toEqual([]);
});
