/**
 * The chapter "Services and ClusterIP" in real Chromium: a request to the ClusterIP is rewritten
 * to a Pod IP in the client's own node's nat table; the ClusterIP answers no ping; a Pod whose
 * label no longer matches leaves the EndpointSlice and keeps running.
 */
import { expect, test } from 'vitest';
import { openLiveWidget, openPageForTests } from './harness';

const chapter = openPageForTests('services/');

test('the ClusterIP is rewritten to a Pod IP on the client\'s own node, and the reply turns it back', async () => {
  const widget = await openLiveWidget(chapter.page, 'Packet trace: a request to a ClusterIP');
  await widget.getByRole('combobox', { name: 'To' }).selectOption({ label: 'ClusterIP 10.98.124.95 (Service web)' });
  await widget.getByRole('button', { name: 'Send a request' }).click();
  const rows = (await widget.getByRole('list', { name: 'Hops of the connection' }).getByRole('button').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
  const dnat = rows.filter((r) => /DNAT: destination 10\.98\.124\.95:80 → 10\.244\.\d+\.\d+:8080/.test(r));
  expect(dnat).toHaveLength(1);
  expect(dnat[0]).toMatch(/^node-2 nat PREROUTING/);
  // No hop after the rewrite carries the ClusterIP, until the reply's conntrack turns it back.
  const after = rows.slice(rows.indexOf(dnat[0]) + 1).filter((r) => !r.startsWith('↩'));
  for (const r of after) expect(r).not.toContain('10.98.124.95');
  expect(rows.at(-1)).toMatch(/10\.98\.124\.95:80 → 10\.244\.2\.2:\d+/);
});

test('a Pod answers ping, the ClusterIP does not, and curl to the ClusterIP works', async () => {
  const widget = await openLiveWidget(chapter.page, 'Console: ping a Pod, then a ClusterIP');
  const examples = widget.getByRole('group', { name: 'Example commands' });
  await examples.getByRole('button', { name: 'kubectl exec client -- ping -c 1 -W 2 10.244.1.3' }).click();
  await examples.getByRole('button', { name: 'kubectl exec client -- ping -c 1 -W 2 10.98.124.95' }).click();
  await examples.getByRole('button', { name: 'kubectl exec client -- curl -s http://10.98.124.95' }).click();
  const out = (await widget.getByRole('log', { name: 'Console output' }).textContent()) ?? '';
  const [, podPing, svcPing, curl] = out.split('$ ');
  expect(podPing).toMatch(/1 packets transmitted, 1 packets received, 0% packet loss/);
  expect(svcPing).toMatch(/1 packets transmitted, 0 packets received, 100% packet loss/);
  expect(curl).toMatch(/^kubectl exec client -- curl -s http:\/\/10\.98\.124\.95\nweb-\S+/);
});

test('a Pod whose label no longer matches leaves the endpoints and the rules, and keeps running', async () => {
  const widget = await openLiveWidget(chapter.page, 'Live cluster: change a label');
  const map = widget.getByRole('group', { name: 'Cluster map' });
  const pod = map.getByRole('button', { name: /^Pod web-\S+, 10\.244\.1\.3,/ });
  const name = /^Pod (\S+),/.exec((await pod.getAttribute('aria-label'))!)![1];
  await pod.click();
  await widget.getByRole('button', { name: 'Label app=debug' }).click();
  const endpoints = widget.getByRole('list', { name: 'Endpoints' });
  await expect.poll(() => endpoints.textContent(), { timeout: 20_000 }).not.toContain('10.244.1.3');
  const rules = widget.getByRole('list', { name: 'Rules on each node' });
  await expect.poll(() => rules.textContent(), { timeout: 20_000 }).not.toContain('10.244.1.3:8080');
  // Still there, same IP, still Running; and a replacement joined the endpoints.
  expect(await map.getByRole('button', { name: new RegExp(`^Pod ${name},`) }).getAttribute('aria-label')).toMatch(/10\.244\.1\.3, Running, Ready/);
  await expect.poll(async () => ((await endpoints.textContent()) ?? '').match(/ready=true/g)?.length ?? 0, { timeout: 20_000 }).toBe(3);
});

test('the page logs no console error and requests nothing from another host', () => {
  expect(chapter.problems).toEqual([]);
});
