import { expect, test } from 'vitest';
import { fileLink } from '../../tools/offline/file-links';

test('site links become paths to files, relative to the page', () => {
  expect(fileLink('/', 'index.html', '/')).toBe('index.html');
  expect(fileLink('/intent/', 'index.html', '/')).toBe('intent/index.html');
  expect(fileLink('/intent/#pods', 'services/index.html', '/')).toBe('../intent/index.html#pods');
  expect(fileLink('/', 'intent/index.html', '/')).toBe('../index.html');
  expect(fileLink('/_astro/common.css', 'intent/index.html', '/')).toBe('../_astro/common.css');
  expect(fileLink('/embed/reconcile/?theme=dark', 'embed/index.html', '/')).toBe('reconcile/index.html?theme=dark');
  expect(fileLink('/intent', 'index.html', '/')).toBe('intent/index.html');
});

test('under a sub-path the base is taken off', () => {
  expect(fileLink('/course/intent/', 'index.html', '/course/')).toBe('intent/index.html');
  expect(fileLink('/course/', 'intent/index.html', '/course/')).toBe('../index.html');
  expect(fileLink('../', 'intent/index.html', '/course/')).toBe('../index.html');
});

test('anchors and links that leave the site are left alone', () => {
  for (const href of ['#_top', 'https://kubernetes.io/docs/', 'mailto:a@b.c', '//cdn.example/x.js', 'data:image/svg+xml,', '/elsewhere/']) {
    expect(fileLink(href, 'intent/index.html', '/course/')).toBe(href);
  }
});
