/**
 * Share links and embed snippets for one widget (./shared-for.ts reads them back). A share link is
 * the page with the widget's scenario in `?share=` and the widget's frame id in the fragment
 * (`/intent/?share=…#live-cluster-scale-the-deployment`), so the browser scrolls to it; an embed
 * page has one widget, so its `?share=` needs no fragment. Plain TypeScript: no Svelte, no engine.
 * The encoder's compression tables take a phone tens of milliseconds to build, so widgets import
 * this module only when the reader asks for a link.
 */
import type { Scenario } from '../live/scenario';
import { encodeSharedScenario } from './encode-scenario';
import { shareParam } from './shared-for';

/** A link to `page` that opens with this widget in the state `scenario` describes. */
export function shareUrl(page: URL, widget: string, id: string, scenario: Scenario): string {
  const url = new URL(page);
  url.search = '';
  url.searchParams.set(shareParam, encodeSharedScenario(widget, scenario));
  url.hash = id;
  return url.href;
}

/** The widget's embed page (`/embed/<widget>/`) on the site whose root is `root`, with its options. */
export function embedUrl(root: URL, widget: string, options: { scenario?: Scenario; theme?: 'light' | 'dark' } = {}): string {
  const url = new URL(`embed/${widget}/`, root);
  if (options.theme) url.searchParams.set('theme', options.theme);
  if (options.scenario) url.searchParams.set(shareParam, encodeSharedScenario(widget, options.scenario));
  return url.href;
}

/**
 * The HTML a blogger pastes: the widget's iframe, and the embed script that sizes it (include the
 * script once per page; it sizes every embedded widget). Attribute values are escaped.
 */
export function embedSnippet(root: URL, widget: string, title: string, options: { scenario?: Scenario; theme?: 'light' | 'dark' } = {}): string {
  const src = embedUrl(root, widget, options);
  return [
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" loading="lazy" style="width:100%;height:560px;border:0"></iframe>`,
    `<script src="${escapeAttribute(new URL('embed.js', root).href)}" async></script>`,
  ].join('\n');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
