/**
 * A widget embedded in someone else's page: a host page on another local origin includes the
 * snippet the course gives (an iframe of /embed/reconcile/ with the blogger's own manifests, and
 * embed.js once). The frame sizes itself, runs the blogger's Deployment, and says in words what
 * is wrong with a hostile or broken URL (an unknown cluster too); nothing is requested outside
 * the two origins. A widget on a cluster of its own (the NAT gateway) runs on it when embedded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startPreview, type PreviewServer } from './harness';
import { embedSnippet, embedUrl } from '../../components/share/share-link';
import { scenarioOf } from '../../components/live/scenario';
import { widgetById } from '../../components/widgets';

const blogYaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: blog
spec:
  replicas: 2
  selector:
    matchLabels: {app: blog}
  template:
    metadata:
      labels: {app: blog}
    spec:
      containers:
      - name: web
        image: nginx
`;

let site: PreviewServer;
let host: Server;
let hostOrigin: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  site = await startPreview();
  const root = new URL(site.url);
  const scenario = scenarioOf({ manifests: blogYaml, source: 'blog.yaml', seed: 3, time: 20_000 });
  const natGateway = widgetById('egress-nat-gateway')!.scenario;
  const frames = [
    embedSnippet(root, 'reconcile', 'My blog: the blog Deployment', { scenario, theme: 'dark' }),
    `<iframe src="${embedUrl(root, 'reconcile')}?share=%3Cscript%3Ealert(1)%3C/script%3E&onload=alert(1)" title="Hostile" style="width:100%;height:300px;border:0"></iframe>`,
    `<iframe src="${embedUrl(root, 'reconcile', { scenario: { ...scenario, manifests: 'kind: Deployment\nmetadata: {name: [' } })}" title="Broken YAML" style="width:100%;height:300px;border:0"></iframe>`,
    `<iframe src="${embedUrl(root, 'reconcile', { scenario: { ...scenario, manifests: `# ${'x'.repeat(70_000)}\n` } })}" title="Too large" style="width:100%;height:300px;border:0"></iframe>`,
    // A widget whose cluster is not the default one: its embed page builds that cluster.
    embedSnippet(root, 'egress-nat-gateway', 'Egress through a NAT gateway'),
    `<iframe src="${embedUrl(root, 'egress-nat-gateway', { scenario: { ...natGateway, clusterConfig: 'name: mine\nnodes:\n  - {name: n1, ip: 10.0.0.9}\n' } })}" title="Unknown cluster" style="width:100%;height:300px;border:0"></iframe>`,
  ];
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title></head><body><h1>My post</h1>${frames.join('\n')}<p>The end.</p></body></html>`;
  host = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  // Port 0: the OS picks a free port, with no window for another process to take it first.
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const { port } = host.address() as AddressInfo;
  // Another origin than the site's: another port (and another host name).
  hostOrigin = `http://localhost:${port}`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 900, height: 900 }, colorScheme: 'light' });
  page.on('request', (r) => {
    if (![site.origin, hostOrigin].includes(new URL(r.url()).origin)) problems.push(`request off the two origins: ${r.url()}`);
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${hostOrigin}/post.html`, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  host?.close();
  site?.stop();
});

test('the embedded widget runs the blogger’s own manifests, in the theme asked for', async () => {
  const frame = page.frameLocator('iframe[title="My blog: the blog Deployment"]');
  const widget = frame.getByRole('figure', { name: 'Live cluster: scale the Deployment' });
  await expect.poll(() => widget.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
  await expect.poll(async () => (await widget.getByRole('listitem', { name: /^Pod blog-/ }).allTextContents()).filter((t) => /Running/.test(t)).length, { timeout: 20_000 }).toBe(2);
  expect(await frame.locator('html').getAttribute('data-theme')).toBe('dark');
  expect(await frame.getByRole('alert').allTextContents()).toEqual([]);
});

test('embed.js sizes the iframe to its page, with no inner scroll', async () => {
  const iframe = page.locator('iframe[title="My blog: the blog Deployment"]');
  await expect.poll(() => iframe.evaluate((f: HTMLIFrameElement) => f.style.height), { timeout: 15_000 }).not.toBe('560px');
  await expect
    .poll(async () => {
      const outer = await iframe.evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height);
      const inner = await page.frameLocator('iframe[title="My blog: the blog Deployment"]').locator('html').evaluate((h) => h.scrollHeight);
      return Math.abs(outer - inner);
    }, { timeout: 15_000 })
    .toBeLessThanOrEqual(1);
});

test('hostile parameters are named inside the frame, and the widget still shows', async () => {
  const frame = page.frameLocator('iframe[title="Hostile"]');
  const alerts = frame.getByRole('alert');
  await expect.poll(async () => (await alerts.allTextContents()).join(' '), { timeout: 20_000 }).toMatch(/does not understand the parameter "onload"/);
  await expect.poll(async () => (await alerts.allTextContents()).join(' '), { timeout: 20_000 }).toMatch(/not valid base64url/);
  expect(await frame.getByRole('figure', { name: 'Live cluster: scale the Deployment' }).count()).toBe(1);
  expect(await frame.locator('script:not([src])').evaluateAll((s) => s.some((e) => e.textContent?.includes('alert(1)')))).toBe(false);
});

test('invalid YAML and too large a scenario each get a clear message inside the frame', async () => {
  const broken = page.frameLocator('iframe[title="Broken YAML"]').getByRole('alert');
  await expect.poll(async () => (await broken.allTextContents()).join(' '), { timeout: 20_000 }).toMatch(/blog\.yaml/);
  const large = page.frameLocator('iframe[title="Too large"]').getByRole('alert');
  await expect.poll(async () => (await large.allTextContents()).join(' '), { timeout: 20_000 }).toMatch(/scenario\.manifests/);
});

test('an embedded widget runs on its own cluster; a cluster the course does not have is refused inside the frame', async () => {
  const frame = page.frameLocator('iframe[title="Egress through a NAT gateway"]');
  const widget = frame.getByRole('figure', { name: 'Egress through a NAT gateway' });
  // A live widget starts when it comes into view, inside a host page as on the course's own.
  await page.locator('iframe[title="Egress through a NAT gateway"]').scrollIntoViewIfNeeded();
  await expect.poll(() => widget.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
  // By keyboard: the frames above this one take their heights as their widgets start (embed.js),
  // moving it down the host page while a pointer click aims, and a click then lands off the button.
  await widget.getByRole('button', { name: 'cloud nat list', exact: true }).press('Enter');
  await expect.poll(() => widget.getByRole('log', { name: 'Console output' }).innerText()).toMatch(/nat-gw\s+10\.0\.0\.5\s+203\.0\.113\.10/);
  const unknown = page.frameLocator('iframe[title="Unknown cluster"]');
  await page.locator('iframe[title="Unknown cluster"]').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await unknown.getByRole('alert').allTextContents()).join(' '), { timeout: 20_000 }).toMatch(/a cluster this site does not know: .*bare-metal.*own scenario instead/);
  expect(await unknown.getByRole('figure', { name: 'Egress through a NAT gateway' }).count()).toBe(1);
});

test('nothing was requested outside the site and the host page, and nothing logged an error', () => {
  expect(problems).toEqual([]);
});

test('the embed gallery previews a widget on the reader’s own YAML and gives its snippet', async () => {
  const gallery = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await gallery.goto(new URL('embed/', site.url).href, { waitUntil: 'load' });
  const section = gallery.locator('section', { has: gallery.getByRole('heading', { name: 'Live cluster: scale the Deployment' }) });
  await section.scrollIntoViewIfNeeded();
  const yaml = section.getByRole('textbox', { name: /Your manifests/ });
  await expect.poll(() => yaml.inputValue(), { timeout: 15_000 }).toMatch(/kind: Deployment/);
  await yaml.fill(blogYaml);
  await section.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect.poll(() => section.getByRole('textbox', { name: 'Snippet' }).inputValue()).toMatch(/embed\/reconcile\/\?theme=dark&amp;share=[\w-]+/);
  await section.getByRole('button', { name: 'Update the preview' }).click();
  const preview = section.frameLocator('iframe');
  await expect.poll(async () => (await preview.getByRole('listitem', { name: /^Pod blog-/ }).count()), { timeout: 20_000 }).toBe(2);
  await gallery.close();
});
