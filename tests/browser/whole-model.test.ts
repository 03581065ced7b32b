/**
 * The chapter "The whole model on one page" in real Chromium, as a reader uses it: a statement's
 * link opens the chapter it names, at the widget that demonstrates it, and the widget works there.
 */
import { expect, test } from 'vitest';
import { openLiveWidget, openPageForTests } from './harness';

const chapter = openPageForTests('whole-model/');

test('"Probes control traffic" leads to the readiness widget, in view and live', async () => {
  const page = chapter.page;
  await page.getByRole('listitem').filter({ hasText: 'Probes control traffic.' }).getByRole('link').click();
  await page.waitForURL(/\/readiness\/#live-cluster-fail-a-readiness-probe$/);
  const widget = await openLiveWidget(page, 'Live cluster: fail a readiness probe');
  expect(await widget.getAttribute('id')).toBe('live-cluster-fail-a-readiness-probe');
});

test('"An Ingress is a set of HTTP routing rules" leads to the Ingress widget, where the Ingress has no address', async () => {
  const page = chapter.page;
  await page.goBack();
  await page.getByRole('listitem').filter({ hasText: 'An Ingress is a set of HTTP routing rules' }).getByRole('link').click();
  await page.waitForURL(/\/ingress\/#live-cluster-an-ingress-then-its-controller$/);
  const widget = await openLiveWidget(page, 'Live cluster: an Ingress, then its controller');
  await widget.getByRole('group', { name: 'Example commands' }).getByRole('button', { name: 'kubectl get ingress', exact: true }).click();
  expect(await widget.getByRole('log', { name: 'Console output' }).textContent()).toMatch(/cafe\s+nginx\s+foo\.example\.com,bar\.example\.com\s+80, 443/);
});

test('the page logs no console error and requests nothing from another host', () => {
  expect(chapter.problems).toEqual([]);
});
