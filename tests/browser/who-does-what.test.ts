/**
 * The chapter "Who does what, and which to choose" in real Chromium, doing what the reader does:
 * choosing a layer shows what implements it, read live from the engine (the cloud's load balancers
 * carry the addresses kubectl prints; a ClusterIP has nothing in the cloud); picking a requirement
 * in the decision matrix gives its answer, and its commands show it on the live cluster.
 */
import { expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { openLiveWidget, openPageForTests } from './harness';

const chapter = openPageForTests('who-does-what/');

/** Clicks an example command and returns what the console printed for it. */
async function runExample(widget: Locator, command: string): Promise<string> {
  await widget.getByRole('group', { name: 'Example commands' }).getByRole('button', { name: command, exact: true }).click();
  const out = (await widget.getByRole('log', { name: 'Console output' }).textContent()) ?? '';
  return out.split('$ ').at(-1)!.slice(command.length);
}

test('the load balancer layer lists the cloud\'s load balancers, at the addresses kubectl prints; Services have nothing in the cloud', async () => {
  const widget = await openLiveWidget(chapter.page, 'Who does what: the layers, live');
  await widget.getByRole('radio', { name: /^Load balancer/ }).check();
  const detail = widget.getByRole('group', { name: 'What implements Load balancer' });
  await expect.poll(() => detail.textContent()).toContain('The cloud');
  const printed = await runExample(widget, 'kubectl get svc -A -o wide');
  const external = [...printed.matchAll(/LoadBalancer\s+\S+\s+(\d+\.\d+\.\d+\.\d+)/g)].map((m) => m[1]);
  expect(external).toHaveLength(2);
  const cloudSide = (await detail.locator('.side.cloud').textContent()) ?? '';
  for (const ip of external) expect(cloudSide).toContain(`public IP ${ip};`);
  await widget.getByRole('radio', { name: /^Services \(ClusterIP\)/ }).check();
  await expect.poll(() => widget.getByRole('group', { name: 'What implements Services (ClusterIP)' }).locator('.side.cloud').textContent()).toContain('Nothing');
});

test('the decision matrix: internal only is a ClusterIP, which answers inside and not from the laptop', async () => {
  const widget = await openLiveWidget(chapter.page, 'Decision matrix: which to choose');
  await widget.getByRole('radio', { name: 'Only other Pods in the cluster call it' }).check();
  await expect.poll(() => widget.getByRole('group', { name: 'Answer' }).textContent()).toContain('Use ClusterIP');
  const [, inside, outside] = await widget.getByRole('group', { name: 'Example commands' }).getByRole('button').allTextContents();
  expect(await runExample(widget, inside)).toMatch(/^\s*web-\S+\s*$/);
  expect(await runExample(widget, outside)).toMatch(/curl: \(28\)/);
});

test('the decision matrix: many apps on one address is an Ingress, answering for two hosts', async () => {
  const widget = await openLiveWidget(chapter.page, 'Decision matrix: which to choose');
  await widget.getByRole('radio', { name: 'Many apps on one address, routed by host and path, with TLS' }).check();
  await expect.poll(() => widget.getByRole('group', { name: 'Answer' }).textContent()).toContain('Use Ingress');
  const [, foo, bar] = await widget.getByRole('group', { name: 'Example commands' }).getByRole('button').allTextContents();
  expect(await runExample(widget, foo)).toMatch(/^\s*tea-\S+\s*$/);
  expect(await runExample(widget, bar)).toMatch(/^\s*tea-\S+\s*$/);
});

test('the page logs no console error and requests nothing from another host', () => {
  expect(chapter.problems).toEqual([]);
});
