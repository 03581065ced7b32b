/**
 * Reading a share link back (./share-link.ts writes them): which widget on the page a URL's
 * `?share=` is for, by the frame id in its fragment. Every widget imports this as it hydrates, so
 * it stays small; the decoder is loaded only when a URL carries a scenario.
 */
import type { Scenario } from '../live/scenario';

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
