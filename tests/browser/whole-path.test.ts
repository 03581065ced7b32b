/**
 * The chapter "The whole path" in real Chromium: a request to a Service name makes a DNS lookup
 * and an HTTP connection, both traced; the three paths of the NAT table rewrite what the chapter
 * says they rewrite, as the engine's traces show.
 */
import { expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { openPageForTests } from './harness';

const chapter = openPageForTests('whole-path/');

async function widget(name: string): Promise<Locator> {
  const w = chapter.page.getByRole('figure', { name });
  await w.scrollIntoViewIfNeeded();
  await expect.poll(() => w.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
  return w;
}

test('a request to the Service name: a DNS lookup to the kube-dns ClusterIP, then TCP to web, both DNATed on node-1', async () => {
  const w = await widget('PacketTrace: client to http://web');
  await w.getByRole('button', { name: 'Send a request' }).click();
  const dns = w.getByRole('button', { name: /^DNS lookup: UDP 10\.244\.1\.\d+:\d+ → 10\.96\.0\.10:53$/ });
  await expect.poll(() => dns.count()).toBe(1);
  const hops = w.getByRole('list', { name: 'Hops of the connection' });
  expect(await hops.textContent()).toMatch(/node-1 nat PREROUTING.*DNAT: destination 10\.\d+\.\d+\.\d+:80 → 10\.244\.\d+\.\d+:8080/s);
  await dns.click();
  expect(await hops.textContent()).toMatch(/DNAT: destination 10\.96\.0\.10:53 → 10\.244\.\d+\.\d+:53/);
  expect(await hops.textContent()).toMatch(/conntrack undoes/);
});

test('Pod → Pod: nothing rewritten; Service → Pod: the destination only; outside → node → Pod: the destination, then the source', async () => {
  const w = await widget('PacketTrace: where NAT happens');
  const row = (label: string) => w.getByRole('listitem').filter({ has: chapter.page.getByRole('button', { name: label, exact: true }) });
  const send = async (label: string) => {
    await row(label).getByRole('button').click();
    await expect.poll(async () => (await row(label).textContent()) ?? '').toContain('Rewritten on the way in:');
    return (await row(label).textContent()) ?? '';
  };
  expect(await send('Pod → Pod')).toMatch(/Rewritten on the way in: nothing: no rule rewrote an address/);
  const service = await send('Pod → Service → Pod');
  expect(service).toMatch(/DNAT: destination 10\.\d+\.\d+\.\d+:80 → 10\.244\.\d+\.\d+:8080 \(node-1 nat PREROUTING\)/);
  expect(service).not.toMatch(/MASQUERADE|source/);
  const outside = await send('Outside → node → Pod');
  expect(outside).toMatch(/DNAT: destination 10\.0\.1\.12:30080 → 10\.244\.\d+\.\d+:8080 \(node-2 nat PREROUTING\)/);
  // MASQUERADE takes the address of the interface the packet leaves by: node-2's IP when the Pod
  // is on another node, node-2's bridge (10.244.2.1) when it is local.
  expect(outside).toMatch(/MASQUERADE: source 10\.0\.1\.11:\d+ → (10\.0\.1\.12|10\.244\.2\.1):\d+ \(node-2 nat POSTROUTING\)/);
  expect(chapter.problems).toEqual([]);
});
