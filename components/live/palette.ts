import { scaleOrdinal } from 'd3';

/**
 * Okabe–Ito: colours that stay distinguishable under the common colour-vision deficiencies. A
 * Pod's colour comes from its app (DESIGN.md's visual language), never from its node; colour is
 * never the only cue (Ready is filled vs hollow plus the word).
 */
export const okabeIto = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

/** A colour per app name, stable for a given set of apps (sorted, so order of appearance does not matter). */
export function appColours(apps: Iterable<string>): (app: string) => string {
  return scaleOrdinal<string, string>(okabeIto).domain([...new Set(apps)].sort());
}
