/**
 * The chapter "LoadBalancer" in real Chromium, doing what the reader does: exposing the
 * Deployment as type LoadBalancer makes the cloud controller call the cloud's API, EXTERNAL-IP
 * goes from <pending> to the load balancer's public IP once the cloud says it is active; the
 * laptop's curl reaches it; a stopped node fails its health checks and leaves the healthy targets
 * while the load balancer keeps answering and that node's own NodePort does not. On bare metal the
 * same Service stays <pending> and no cloud call is made. A second LoadBalancer Service gets its own
 * load balancer and public IP (C24).
 */
import { expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { openLiveWidget, openPageForTests } from './harness';

const chapter = openPageForTests('load-balancer/');

const expose = 'kubectl expose deployment web --type=LoadBalancer --port=80 --target-port=8080';
const text = async (l: Locator) => (await l.textContent()) ?? '';

/** Clicks a preset row's button and returns the row's text once its request has run. */
async function send(w: Locator, label: string): Promise<string> {
  const row = w.getByRole('listitem').filter({ has: chapter.page.getByRole('button', { name: label, exact: true }) });
  // The request runs within the click (curl's time is virtual): the row says what it printed.
  await row.getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => text(row)).toContain('It printed:');
  return text(row);
}

/** What the world map says of itself (its SVG title): the load balancer's targets and their health. */
const mapSays = (w: Locator) => text(w.locator('svg[role="group"] > title').first());

test('the cloud call appears, EXTERNAL-IP goes from <pending> to the load balancer\'s public IP, and the laptop reaches it', async () => {
  const w = await openLiveWidget(chapter.page, 'Cloud calls: type LoadBalancer asks the cloud');
  const getSvc = w.getByRole('group', { name: 'Cloud calls' }).locator('pre');
  const calls = w.getByRole('list', { name: "Calls to the cloud's API" });
  await w.getByRole('button', { name: expose }).click();
  await expect.poll(() => text(getSvc)).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nweb\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+<pending>\s+80:3\d{4}\/TCP/);
  expect(await text(calls)).toMatch(/cloud-controller-manager\s*CreateLoadBalancer name=a[0-9a-f]{31} publicIP=203\.0\.113\.13 listeners=TCP:80->3\d{4} targets=node-1,node-2,node-3.*state=provisioning/s);
  await expect.poll(() => text(getSvc), { timeout: 20_000 }).toMatch(/web\s+LoadBalancer\s+\S+\s+203\.0\.113\.13\s/);
  expect(await text(calls)).toMatch(/DescribeLoadBalancer name=a[0-9a-f]{31}\s*↳ state=active publicIP=203\.0\.113\.13/);
  expect(await text(w)).toMatch(/is invented by this simulator/);
  await expect.poll(() => mapSays(w), { timeout: 30_000 }).toMatch(/load balancer 203\.0\.113\.13 for default\/web, targets node-1 healthy, node-2 healthy, node-3 healthy/);
  const viaLb = await send(w, 'laptop → load balancer');
  expect(viaLb).toMatch(/It printed: web-/);
  expect(viaLb).toMatch(/DNAT: destination 203\.0\.113\.13:80 → 10\.0\.1\.1\d:3\d{4}/);
  expect(chapter.problems).toEqual([]);
});

test('stop node-3: its target turns unhealthy after the health checks, the load balancer keeps answering, node-3\'s NodePort does not', async () => {
  const w = await openLiveWidget(chapter.page, 'Cloud calls: type LoadBalancer asks the cloud');
  await w.getByRole('button', { name: 'Stop node-3', exact: true }).click();
  await expect.poll(() => mapSays(w), { timeout: 30_000 }).toMatch(/node-3 unhealthy/);
  expect(await mapSays(w)).toMatch(/node-1 healthy, node-2 healthy/);
  for (let i = 0; i < 4; i++) expect(await send(w, 'laptop → load balancer')).toMatch(/It printed: web-/);
  expect(await send(w, 'laptop → node-3:NodePort')).toMatch(/It printed: curl: \(28\) Connection timed out/);
  expect(chapter.problems).toEqual([]);
});

test('bare metal: the same Service stays <pending>, no cloud is called, and the NodePort answers on the LAN', async () => {
  const w = await openLiveWidget(chapter.page, 'Bare metal: type LoadBalancer, and no cloud');
  const cloud = w.getByRole('group', { name: 'Cloud calls' });
  await w.getByRole('button', { name: expose }).click();
  await expect.poll(() => text(cloud.locator('pre'))).toMatch(/<pending>/);
  // Half a minute of virtual time at 4×: the cloud cluster had its address after ten seconds.
  await chapter.page.waitForTimeout(8_000);
  expect(await text(cloud.locator('pre'))).toMatch(/web\s+LoadBalancer\s+\S+\s+<pending>\s/);
  expect(await text(cloud)).toMatch(/This cluster runs on no cloud/);
  await w.getByRole('button', { name: /^curl -s http:\/\/192\.168\.10\.11:/ }).click();
  await expect.poll(async () => text(w.getByRole('group', { name: 'Console' }))).toMatch(/\/hostname\s*web-/);
  expect(chapter.problems).toEqual([]);
});

test('a second LoadBalancer Service gets its own load balancer and its own public IP', async () => {
  const w = await openLiveWidget(chapter.page, 'Cloud calls: type LoadBalancer asks the cloud');
  const calls = w.getByRole('list', { name: "Calls to the cloud's API" });
  await w.getByRole('textbox', { name: 'Command' }).fill('kubectl expose deployment web --name=web-admin --type=LoadBalancer --port=8080 --target-port=8080');
  await w.getByRole('button', { name: 'Run', exact: true }).click();
  const created = async () => [...(await text(calls)).matchAll(/CreateLoadBalancer name=a[0-9a-f]{31} publicIP=(203\.0\.113\.\d+)/g)].map((m) => m[1]);
  await expect.poll(created).toHaveLength(2);
  expect(new Set(await created()).size).toBe(2);
  expect(chapter.problems).toEqual([]);
});
