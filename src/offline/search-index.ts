/**
 * The offline folder's full-text index: one document per section of a page (the text under one
 * heading), in MiniSearch's serialised form. Pagefind serves search on the site, but it fetches
 * its index and a WebAssembly module, which a page opened from file:// may not do; this index
 * travels instead as a classic script that sets `window[searchIndexGlobal]`.
 *
 * Shared by the build (tools/offline/search-documents.ts writes it) and the page
 * (search-dialog.ts reads it), so both use the same fields and options.
 */
import type { AsPlainObject, Options } from 'minisearch';

/** One section of a page. */
export interface SearchSection {
  /** Unique among all sections: `intent/index.html 3` (the page's file, the section's place in it). */
  id: string;
  /** `intent/index.html#pods`: the section's file in the offline folder, and its heading's id. */
  url: string;
  /** The page's title. */
  page: string;
  /** The section's heading; empty for the text before a page's first heading. */
  heading: string;
  /** The section's text, words separated by single spaces. */
  text: string;
}

/** The global the index script sets. */
export const searchIndexGlobal = '__courseSearchIndex';

export const searchOptions: Options<SearchSection> = {
  fields: ['page', 'heading', 'text'],
  storeFields: ['url', 'page', 'heading', 'text'],
  searchOptions: { boost: { page: 3, heading: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
};

export type SerialisedIndex = AsPlainObject;
