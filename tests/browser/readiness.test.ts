/**
 * The chapter "Readiness" in real Chromium, doing what the reader does: fail one Pod's readiness
 * on the map → the Pod leaves EndpointsView and, after kube-proxy's sync, RulesView → 50 new
 * curls in the Console never reach it → its restart count is still 0; fail another Pod's liveness
 * → its restart count goes up.
 */
import { expect, test } from 'vitest';
import { openLiveWidget, openPageForTests } from './harness';

const chapter = openPageForTests('readiness/');

test('a failing readiness probe takes the Pod out of traffic without restarting it', async () => {
  const widget = await openLiveWidget(chapter.page, 'Live cluster: fail a readiness probe');
  const map = widget.getByRole('group', { name: 'Cluster map' });
  const victim = map.getByRole('button', { name: /^Pod web-\S+, 10\.244\.1\.\d+, Running, Ready/ });
  const label = (await victim.getAttribute('aria-label'))!;
  const [, name, ip] = /^Pod (\S+), (\S+),/.exec(label)!;

  await victim.click();
  await widget.getByRole('button', { name: 'Fail readiness' }).click();

  // The Pod turns not Ready on the map, but keeps running with no restart.
  await expect.poll(() => map.getByRole('button', { name: new RegExp(`^Pod ${name},`) }).getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/not Ready, restarts 0$/);
  // EndpointsView: its endpoint is no longer ready; RulesView (node-2's rules for web): its DNAT is gone after the sync.
  const endpoints = widget.getByRole('list', { name: 'Endpoints' });
  await expect.poll(() => endpoints.textContent(), { timeout: 20_000 }).toMatch(new RegExp(`${ip.replaceAll('.', '\\.')} ready=false`));
  const rules = widget.getByRole('group', { name: 'Rules' });
  await expect.poll(() => rules.locator('pre').textContent(), { timeout: 20_000 }).not.toContain(`--to-destination ${ip}:8080`);
  expect(await rules.locator('pre').textContent()).toMatch(/DNAT --to-destination 10\.244\.\d+\.\d+:8080/);

  // 50 new connections from the console: none reaches the Pod.
  const console = widget.getByRole('group', { name: 'Console' });
  await console.getByRole('textbox', { name: 'Command' }).fill("kubectl exec client -- sh -c 'for i in $(seq 1 50); do curl -s http://web; echo; done'");
  await console.getByRole('button', { name: 'Run', exact: true }).click();
  // The line runs over a few frames, as a long one does in a terminal: its output comes once it ends.
  const output = console.getByRole('log', { name: 'Console output' });
  const served = async () => ((await output.textContent()) ?? '').split('\n').filter((l) => /^web-/.test(l));
  await expect.poll(async () => (await served()).length, { timeout: 20_000 }).toBe(50);
  expect(await served()).not.toContain(name);
  expect(new Set(await served()).size).toBe(2);

  // Still running, still not restarted.
  expect(await map.getByRole('button', { name: new RegExp(`^Pod ${name},`) }).getAttribute('aria-label')).toMatch(/Running, not Ready, restarts 0$/);
});

test('a failing liveness probe restarts the container; readiness never did', async () => {
  const widget = chapter.page.getByRole('figure', { name: 'Live cluster: fail a readiness probe' });
  const map = widget.getByRole('group', { name: 'Cluster map' });
  const other = map.getByRole('button', { name: /^Pod web-\S+, 10\.244\.3\.\d+, Running, Ready, restarts 0/ });
  const name = /^Pod (\S+),/.exec((await other.getAttribute('aria-label'))!)![1];
  await other.click();
  await widget.getByRole('button', { name: 'Fail liveness' }).click();
  await expect.poll(() => map.getByRole('button', { name: new RegExp(`^Pod ${name},`) }).getAttribute('aria-label'), { timeout: 30_000 }).toMatch(/restarts 1$/);
  expect(await map.getByRole('button', { name: /not Ready/ }).getAttribute('aria-label')).toMatch(/restarts 0$/);
});

test('the page logs no console error and requests nothing from another host', () => {
  expect(chapter.problems).toEqual([]);
});
