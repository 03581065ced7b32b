/**
 * Share links and embed snippets for one widget, and reading them back. A share link is the page
 * with the widget's scenario in `?share=` and the widget's frame id in the fragment
 * (`/intent/?share=…#live-cluster-scale-the-deployment`), so the browser scrolls to it; an embed
 * page has one widget, so its `?share=` needs no fragment. Plain TypeScript: no Svelte, no engine.
 */
import type { Scenario } from '../live/scenario';
import { encodeSharedScenario } from './encode-scenario';

/** The query parameter that carries an encoded scenario. */
export const shareParam = 'share';

/** A widget frame's id on its page, from its title: "Live cluster: scale it" → `live-cluster-scale-it`. */
export function frameId(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'widget'
  );
}

/** What a page's URL says about one widget: nothing, a scenario to replay, or why it cannot. */
export type SharedFor = { scenario: Scenario } | { error: string } | undefined;

/**
 * The scenario a URL shares with the widget `widget` whose frame id is `id`, if any. A link whose
 * fragment names another frame is for another widget; one without a fragment is for the page's
 * widget of that kind. The scenario comes from decodeSharedScenario: size-limited and validated.
 * The decoder (and its schema library) is loaded only when the URL carries a scenario.
 */
export async function sharedFor(url: URL, widget: string, id: string): Promise<SharedFor> {
  const encoded = url.searchParams.get(shareParam);
  const target = decodeURIComponent(url.hash.slice(1));
  if (encoded === null || (target && target !== id)) return undefined;
  const { decodeSharedScenario } = await import('./shared-scenario');
  const decoded = decodeSharedScenario(encoded);
  if (!decoded.ok) return { error: `${decoded.error} The widget shows its own scenario instead.` };
  if (decoded.value.widget !== widget) {
    return target ? { error: `This link shares the widget "${decoded.value.widget}", not this one; the widget shows its own scenario instead.` } : undefined;
  }
  return { scenario: decoded.value.scenario };
}

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
