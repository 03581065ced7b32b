/**
 * The chapter "NodePort" in real Chromium, doing what the reader does: the laptop's curl reaches
 * every node's NodePort (node-3 runs no web Pod and answers too) but not the ClusterIP; once
 * node-2 is stopped its NodePort times out and nothing reroutes the request. With
 * externalTrafficPolicy Cluster the Pod sees a node's address; with Local it sees the laptop's,
 * and a node with no local Pod drops the request.
 */
import { expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { openLiveWidget, openPageForTests } from './harness';

const chapter = openPageForTests('nodeport/');

/** Clicks a preset row's button and returns the row's text once its request has run. */
async function send(w: Locator, label: string): Promise<string> {
  const row = w.getByRole('listitem').filter({ has: chapter.page.getByRole('button', { name: label, exact: true }) });
  // The request runs within the click (curl's time is virtual): the row says what it printed.
  await row.getByRole('button', { name: label, exact: true }).click();
  await expect.poll(async () => (await row.textContent()) ?? '').toContain('It printed:');
  return (await row.textContent()) ?? '';
}

test('the laptop reaches a NodePort on every node, through the internet gateway, and never the ClusterIP', async () => {
  const w = await openLiveWidget(chapter.page, 'World map: a NodePort from your laptop');
  const viaNode2 = await send(w, 'laptop → node-2:30080');
  expect(viaNode2).toMatch(/DNAT: destination 203\.0\.113\.11:30080 → 10\.0\.1\.12:30080 \(igw\)/);
  expect(viaNode2).toMatch(/DNAT: destination 10\.0\.1\.12:30080 → 10\.244\.\d+\.\d+:8080 \(node-2 nat PREROUTING\)/);
  expect(viaNode2).toMatch(/It printed: web-/);
  // node-3 runs no web Pod, and its NodePort answers all the same.
  expect(await send(w, 'laptop → node-3:30080')).toMatch(/It printed: web-/);
  expect(await send(w, 'laptop → the ClusterIP')).toMatch(/It printed: curl: \(28\) Connection timed out/);
  // The hops name each element the packet crossed: it never got past the internet.
  const hops = await w.getByRole('list', { name: 'Hops of the connection' }).textContent();
  expect(hops).toMatch(/^laptop\s*192\.0\.2\.10:\d+ → 10\.\d+\.\d+\.\d+:80.*internet\s*192\.0\.2\.10:\d+ → 10\.\d+\.\d+\.\d+:80\s*$/s);
  expect(chapter.problems).toEqual([]);
});

test('stop node-2: its NodePort times out, and still does once Kubernetes has marked node-2 NotReady; the other nodes answer', async () => {
  const w = await openLiveWidget(chapter.page, 'World map: a NodePort from your laptop');
  await w.getByRole('button', { name: 'Stop node-2', exact: true }).click();
  const dead = await send(w, 'laptop → node-2:30080');
  expect(dead).toMatch(/It printed: curl: \(28\) Connection timed out after 3\d{3} milliseconds/);
  expect(dead).toMatch(/the connection ended: timeout/);
  // After the node monitor's grace period, node-2 is NotReady and its Pod leaves the endpoints.
  const console = w.getByRole('log', { name: 'Console output' });
  await expect
    .poll(
      async () => {
        await w.getByRole('button', { name: 'kubectl get nodes', exact: true }).click();
        return (await console.textContent()) ?? '';
      },
      { timeout: 40_000, interval: 2_000 },
    )
    .toMatch(/node-2\s+NotReady/);
  await chapter.page.waitForTimeout(2_000);
  // Kubernetes moved nothing the client calls: node-2's address is still dead, the others answer.
  expect(await send(w, 'laptop → node-2:30080')).toMatch(/It printed: curl: \(28\) Connection timed out/);
  for (const node of ['node-1', 'node-3', 'node-1', 'node-3']) expect(await send(w, `laptop → ${node}:30080`)).toMatch(/It printed: web-/);
  expect(chapter.problems).toEqual([]);
});

test('Cluster: the Pod sees a node address; Local: it sees the laptop, and a node with no local Pod drops the request', async () => {
  const w = await openLiveWidget(chapter.page, 'Cluster or Local: the source address a Pod sees');
  expect(await send(w, 'laptop → node-3:30080')).toMatch(/It printed: 10\.0\.1\.13:\d+/);
  await w.getByRole('button', { name: /externalTrafficPolicy":"Local"/ }).click();
  await expect.poll(async () => (await w.getByRole('group', { name: 'Console' }).textContent()) ?? '').toContain('service/web patched');
  const viaNode1 = await send(w, 'laptop → node-1:30080');
  expect(viaNode1).toMatch(/It printed: 192\.0\.2\.10:\d+/);
  expect(viaNode1).not.toMatch(/MASQUERADE/);
  expect(await send(w, 'laptop → node-3:30080')).toMatch(/It printed: curl: \(28\) Connection timed out/);
  expect(chapter.problems).toEqual([]);
});
