/**
 * Search in the offline folder: takes the place of Starlight's `<site-search>` script, which loads
 * Pagefind (fetch and WebAssembly, refused to pages opened from file://). The same button and
 * dialog open (also with Ctrl/⌘ K); the dialog searches the index that search-index.js, a classic
 * script, put on `window`. Built as a classic script by tools/offline/scripts.ts.
 * Results are built with DOM nodes and textContent only.
 */
import MiniSearch from 'minisearch';
import { searchIndexGlobal, searchOptions, type SearchSection, type SerialisedIndex } from './search-index';

/** The offline folder's root, from this script's own address (`…/_offline/search-dialog.js`). */
const root = new URL('../', (document.currentScript as HTMLScriptElement | null)?.src ?? location.href);
const maxResults = 20;
const excerptChars = 160;

type Hit = SearchSection & { terms: string[] };

class OfflineSearch extends HTMLElement {
  #index: MiniSearch<SearchSection> | undefined;

  connectedCallback() {
    const open = this.querySelector<HTMLButtonElement>('button[data-open-modal]');
    const close = this.querySelector<HTMLButtonElement>('button[data-close-modal]');
    const dialog = this.querySelector('dialog');
    const frame = this.querySelector('.dialog-frame');
    const container = this.querySelector('#starlight__search');
    if (!open || !dialog || !frame || !container) return;

    const form = document.createElement('form');
    form.className = 'offline-search';
    form.role = 'search';
    const input = document.createElement('input');
    input.type = 'search';
    input.placeholder = 'Search the course';
    input.setAttribute('aria-label', 'Search the course');
    input.autocomplete = 'off';
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    const results = document.createElement('ol');
    results.setAttribute('aria-label', 'Search results');
    form.append(input, status, results);
    container.replaceChildren(form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      results.querySelector('a')?.click();
    });
    input.addEventListener('input', () => this.#show(input.value, status, results));

    const show = () => {
      dialog.showModal();
      input.focus();
    };
    open.addEventListener('click', (e) => {
      e.stopPropagation();
      show();
    });
    open.disabled = false;
    close?.addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (e) => {
      if (!frame.contains(e.target as Node) || (e.target as Element).closest('a')) dialog.close();
    });
    window.addEventListener('keydown', (e) => {
      if ((e.metaKey || e.ctrlKey) && e.key === 'k') {
        e.preventDefault();
        if (dialog.open) dialog.close();
        else show();
      }
    });
  }

  #load(): MiniSearch<SearchSection> | undefined {
    const data = (window as unknown as Record<string, SerialisedIndex | undefined>)[searchIndexGlobal];
    if (!this.#index && data) this.#index = MiniSearch.loadJS<SearchSection>(data, searchOptions);
    return this.#index;
  }

  #show(query: string, status: HTMLElement, results: HTMLElement) {
    results.replaceChildren();
    const q = query.trim();
    if (!q) {
      status.textContent = '';
      return;
    }
    const index = this.#load();
    if (!index) {
      status.textContent = 'The search index did not load.';
      return;
    }
    const hits = index.search(q) as unknown as Hit[];
    status.textContent = hits.length ? `${hits.length} result${hits.length === 1 ? '' : 's'} for “${q}”` : `No results for “${q}”`;
    for (const hit of hits.slice(0, maxResults)) results.append(resultItem(hit));
  }
}

function resultItem(hit: Hit): HTMLLIElement {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = new URL(hit.url, root).href;
  const title = document.createElement('strong');
  title.textContent = hit.heading ? `${hit.page} › ${hit.heading}` : hit.page;
  const excerpt = document.createElement('p');
  excerpt.append(...highlighted(hit.text, hit.terms));
  link.append(title, excerpt);
  li.append(link);
  return li;
}

/** An excerpt of `text` around the first matched term, with the matched words in <mark>. */
function highlighted(text: string, terms: string[]): Node[] {
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), text.length);
  const start = Math.max(0, first - excerptChars / 4);
  const slice = (start > 0 ? '…' : '') + text.slice(start, start + excerptChars) + (start + excerptChars < text.length ? '…' : '');
  if (!terms.length) return [document.createTextNode(slice)];
  const pattern = new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return slice.split(pattern).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const mark = document.createElement('mark');
    mark.textContent = part;
    return mark;
  });
}

customElements.define('site-search', OfflineSearch);
