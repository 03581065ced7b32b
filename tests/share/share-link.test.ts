import { expect, test } from 'vitest';
import { scenarioOf } from '../../components/live/scenario';
import { embedSnippet, shareUrl } from '../../components/share/share-link';
import { frameId, sharedFor } from '../../components/share/shared-for';

const scenario = { ...scenarioOf({ manifests: 'kind: Deployment\n', source: 'web.yaml', time: 5000 }), actions: [{ at: 1000, command: 'kubectl scale deployment web --replicas=5' }] };
const page = new URL('https://course.example/k8s/intent/?old=1#top');

test('a share link opens the same scenario for the same widget, and only for it', async () => {
  const id = frameId('Live cluster: scale the Deployment');
  expect(id).toBe('live-cluster-scale-the-deployment');
  const link = new URL(shareUrl(page, 'reconcile', id, scenario));
  expect(link.pathname).toBe('/k8s/intent/');
  expect(link.hash).toBe(`#${id}`);
  expect(link.searchParams.has('old')).toBe(false);
  expect(await sharedFor(link, 'reconcile', id)).toEqual({ scenario });
  expect(await sharedFor(link, 'reconcile', 'live-cluster-delete-a-pod')).toBeUndefined();
  expect(await sharedFor(page, 'reconcile', id)).toBeUndefined();
});

test('a link for another kind of widget, or a broken one, says so in words', async () => {
  const id = 'live-cluster-scale-the-deployment';
  const link = new URL(shareUrl(page, 'reconcile', id, scenario));
  expect(await sharedFor(link, 'packet-walk', id)).toEqual({ error: expect.stringMatching(/shares the widget "reconcile", not this one/) });
  link.hash = '';
  expect(await sharedFor(link, 'packet-walk', id)).toBeUndefined();
  link.searchParams.set('share', '<script>alert(1)</script>');
  expect(await sharedFor(link, 'reconcile', id)).toEqual({ error: expect.stringMatching(/not valid base64url.*own scenario instead/) });
});

test('an embed snippet is an iframe of the embed page and the sizing script, escaped', () => {
  const snippet = embedSnippet(new URL('https://course.example/k8s/'), 'reconcile', 'Say "hi" <b>', { theme: 'dark', scenario });
  const [iframe, script] = snippet.split('\n');
  expect(iframe).toMatch(/^<iframe src="https:\/\/course\.example\/k8s\/embed\/reconcile\/\?theme=dark&amp;share=[\w-]+" title="Say &quot;hi&quot; &lt;b&gt;" loading="lazy"/);
  expect(script).toBe('<script src="https://course.example/k8s/embed.js" async></script>');
});
