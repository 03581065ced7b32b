/**
 * The chapter "Ingress" in real Chromium, doing what the reader does: an Ingress with no
 * controller has no address and nothing answers; applying the controller fills ADDRESS and the
 * same request is answered; a request through the controller makes two connections, the second
 * from the controller's Pod straight to an app Pod; on one keep-alive connection the controller
 * spreads requests where kube-proxy does not; one address serves two hosts and several paths,
 * redirects plain HTTP and terminates TLS.
 */
import { expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { openLiveWidget, openPageForTests } from './harness';

const chapter = openPageForTests('ingress/');

/** Clicks an example command and returns what the console printed for it. */
async function runExample(widget: Locator, command: string): Promise<string> {
  await widget.getByRole('group', { name: 'Example commands' }).getByRole('button', { name: command, exact: true }).click();
  const out = (await widget.getByRole('log', { name: 'Console output' }).textContent()) ?? '';
  const runs = out.split('$ ');
  return runs.at(-1)!.slice(command.length);
}

test('with no controller the Ingress has no address and nothing answers; the controller changes both', async () => {
  const widget = await openLiveWidget(chapter.page, 'Live cluster: an Ingress, then its controller');
  expect(await runExample(widget, 'kubectl get ingress')).toMatch(/^\s*NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE\ncafe\s+nginx\s+foo\.example\.com,bar\.example\.com\s+80, 443\s+\d+s/);
  expect(await runExample(widget, 'kubectl get ingressclass')).toContain('No resources found');
  expect(await runExample(widget, "kubectl exec client -- curl -sS -m 3 -H 'Host: bar.example.com' http://10.0.1.11/")).toContain("Failed to connect to 10.0.1.11 port 80");
  expect(await runExample(widget, 'kubectl apply -f nginx-ingress.yaml')).toContain('service/nginx-ingress created');
  await expect.poll(() => runExample(widget, 'kubectl get ingress cafe'), { timeout: 20_000, interval: 1000 }).toMatch(/^\s*NAME.*\ncafe\s+nginx\s+\S+\s+203\.0\.113\.13\s+80, 443/);
  await expect.poll(() => runExample(widget, 'kubectl get pods,svc -n nginx-ingress'), { timeout: 20_000, interval: 1000 }).toMatch(/pod\/nginx-ingress-\S+\s+1\/1\s+Running[\s\S]*LoadBalancer\s+\S+\s+203\.0\.113\.13/);
  expect(await runExample(widget, 'kubectl exec client -- curl -sk --resolve bar.example.com:443:203.0.113.13 https://bar.example.com/')).toMatch(/^\s*tea-\S+\s*$/);
});

test('a request from the laptop through the Ingress makes two connections: through the load balancer to the controller, then from it straight to an app Pod', async () => {
  const widget = await openLiveWidget(chapter.page, 'PacketTrace: through the Ingress controller');
  await widget.getByRole('button', { name: 'foo.example.com/tea', exact: true }).click();
  const connections = widget.getByRole('button', { name: /^HTTP request: TCP / });
  await expect.poll(() => connections.count(), { timeout: 5000 }).toBe(2);
  const [first, second] = await connections.allTextContents();
  expect(first).toMatch(/TCP 192\.0\.2\.10:\d+ → 203\.0\.113\.13:443$/);
  // The first connection passes the cloud's load balancer on its way to the controller's Pod.
  await connections.nth(0).click();
  await expect.poll(() => widget.getByRole('list', { name: 'Hops of the connection' }).textContent()).toMatch(/DNAT: destination 203\.0\.113\.13:443 → 10\.0\.1\.\d+:\d+[\s\S]*pod nginx-ingress-/);
  // The second connection starts at the controller's Pod and ends at a tea Pod's own IP and port: no ClusterIP.
  const teaIPs = await widget.getByRole('combobox', { name: 'To' }).locator('option', { hasText: /\(tea-/ }).allTextContents();
  const secondDst = /→ (\S+):8080$/.exec(second)![1];
  expect(teaIPs.some((t) => t.includes(`Pod IP ${secondDst} `))).toBe(true);
  await connections.nth(1).click();
  await expect.poll(() => widget.textContent()).toMatch(/served by tea-/);
});

test('on one keep-alive connection the controller picks a Pod per request; kube-proxy, per connection', async () => {
  const widget = await openLiveWidget(chapter.page, 'Console: one connection, many requests');
  const examples = await widget.getByRole('group', { name: 'Example commands' }).getByRole('button').allTextContents();
  // agnhost serve-hostname writes the Pod's name with no newline: one curl's answers run together.
  const served = (out: string) => new Set(out.match(/tea-[0-9a-z]+-[0-9a-z]{5}/g));
  const through = served(await runExample(widget, examples[0]));
  expect(through.size).toBe(2);
  const direct = served(await runExample(widget, examples[1]));
  expect(direct.size).toBe(1);
});

test('one address serves two hosts and several paths, redirects plain HTTP and terminates TLS', async () => {
  const widget = await openLiveWidget(chapter.page, 'Console: many apps behind one address');
  expect(await runExample(widget, "kubectl exec client -- curl -s -H 'Host: foo.example.com' http://203.0.113.13/coffee")).toContain('301 Moved Permanently');
  const coffee = await runExample(widget, 'kubectl exec client -- curl -s --cacert /etc/example-ca/ca.crt --resolve foo.example.com:443:203.0.113.13 https://foo.example.com/coffee');
  expect(coffee).toMatch(/Hostname: coffee-/);
  expect(coffee).toContain('X-Forwarded-Proto: https');
  expect(await runExample(widget, 'kubectl exec client -- curl -s --cacert /etc/example-ca/ca.crt --resolve foo.example.com:443:203.0.113.13 https://foo.example.com/tea')).toMatch(/^\s*tea-\S+\s*$/);
  expect(await runExample(widget, 'kubectl exec client -- curl -s --cacert /etc/example-ca/ca.crt --resolve bar.example.com:443:203.0.113.13 https://bar.example.com/coffee/beans')).toMatch(/^\s*tea-\S+\s*$/);
  expect(await runExample(widget, "kubectl exec client -- curl -s -H 'Host: nope.example.com' http://203.0.113.13/")).toContain('404 Not Found');
  const verbose = await runExample(widget, 'kubectl exec client -- curl -sv --cacert /etc/example-ca/ca.crt --resolve bar.example.com:443:203.0.113.13 https://bar.example.com/');
  expect(verbose).toContain('subjectAltName: host "bar.example.com" matched cert\'s "bar.example.com"');
  expect(verbose).toContain('SSL certificate verify ok.');
});

test('the page logs no console error and requests nothing from another host', () => {
  expect(chapter.problems).toEqual([]);
});
