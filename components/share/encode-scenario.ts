/**
 * Encoding a widget's scenario for a URL (components/share/shared-scenario.ts describes the
 * format and decodes it). Apart from the decoder so that a page carries neither the decoder nor
 * its schema library until a URL actually holds a shared scenario: Share and Embed only encode.
 */
import { base64urlnopad } from '@scure/base';
import { deflateSync, strToU8 } from 'fflate';
import type { Scenario } from '../live/scenario';

/** The format's version: a link made by a later format says so instead of half-working. */
export const sharedScenarioVersion = 1;

/** Encodes a widget's scenario for a URL (a fragment or a query parameter; the alphabet needs no escaping). */
export function encodeSharedScenario(widget: string, scenario: Scenario): string {
  const json = JSON.stringify({ v: sharedScenarioVersion, widget, scenario });
  return base64urlnopad.encode(deflateSync(strToU8(json), { level: 9 }));
}
