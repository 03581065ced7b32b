import type { Element, Root } from 'hast';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import MiniSearch from 'minisearch';
import { searchOptions, type SearchSection, type SerialisedIndex } from '../../src/offline/search-index';

/**
 * The sections of one built page, as the offline search indexes them: the text Pagefind indexes
 * (inside `[data-pagefind-body]`, less `[data-pagefind-ignore]`), cut at each h2 and h3.
 * Pages without a Pagefind body (the 404 page, embed pages) give none.
 */
export function pageSections(tree: Root, file: string): SearchSection[] {
  const body = select('[data-pagefind-body]', tree);
  if (!body) return [];
  const page = toText(select('title', tree) ?? { type: 'root', children: [] }).replace(/\s*\|.*$/, '').trim();
  const sections: SearchSection[] = [];
  let current: SearchSection = { id: '', url: file, page, heading: '', text: '' };
  const ignored = new Set(selectAll('[data-pagefind-ignore], script, style, template', body));
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type === 'text') current.text += child.value;
      if (child.type !== 'element' || ignored.has(child)) continue;
      if (/^h[23]$/.test(child.tagName)) {
        sections.push(current);
        const id = typeof child.properties.id === 'string' ? child.properties.id : '';
        current = { id: '', url: id ? `${file}#${id}` : file, page, heading: toText(child).trim(), text: '' };
        continue;
      }
      walk(child);
      if (/^(p|li|h[1-6]|pre|tr|div|section|figure|dd|dt)$/.test(child.tagName)) current.text += ' ';
    }
  };
  walk(body);
  sections.push(current);
  return sections
    .map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() }))
    .filter((s) => s.text || s.heading)
    .map((s, n) => ({ ...s, id: `${file} ${n}` }));
}

/** The serialised index of every section. */
export function buildSearchIndex(sections: SearchSection[]): SerialisedIndex {
  const index = new MiniSearch<SearchSection>(searchOptions);
  index.addAll(sections);
  return index.toJSON();
}
