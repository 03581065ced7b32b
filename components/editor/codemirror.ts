/**
 * The editor itself, CodeMirror 6 with YAML: a chunk of its own that a page loads only when the
 * reader opens an editor (ManifestEditor imports it dynamically, never statically).
 */
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { EditorState, type Extension } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, indentOnInput, syntaxHighlighting, bracketMatching } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import { tags } from '@lezer/highlight';
import type { ManifestProblem } from '../../sim/api/manifest';
import { problemRange } from './problem-range';

export { dryRunManifests } from '../../sim/api/dry-run';
export { manifestDiff } from './manifest-diff';

/**
 * The most text the editor holds. The simulator's own bound, not Kubernetes': a real API server
 * refuses a request body over 3 MiB (k8s.io/apiserver pkg/server/config.go, MaxRequestBodyBytes),
 * but checking that much YAML at every keystroke would freeze a phone.
 */
export const maxEditorChars = 512 * 1024;

/** Colours from the page's theme (Starlight's tokens), so light and dark both read well. */
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--cm-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--cm-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--cm-number)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [tags.meta, tags.processingInstruction, tags.punctuation, tags.separator], color: 'var(--cm-punct)' },
]);

const theme = EditorView.theme({
  '&': { fontSize: 'var(--sl-text-sm, 0.875rem)', color: 'var(--sl-color-text, inherit)', backgroundColor: 'var(--sl-color-bg, transparent)' },
  '.cm-content': { fontFamily: 'var(--sl-font-mono, monospace)', caretColor: 'var(--sl-color-text, currentColor)' },
  '.cm-scroller': { fontFamily: 'var(--sl-font-mono, monospace)', maxHeight: '24rem', overflow: 'auto' },
  '.cm-gutters': { backgroundColor: 'var(--sl-color-bg-nav, #8881)', color: 'var(--sl-color-gray-3, #666)', border: 'none' },
  '.cm-activeLine': { backgroundColor: '#8881' },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent-high, #0072b2)', outlineOffset: '2px' },
  '.cm-tooltip': { backgroundColor: 'var(--sl-color-bg-nav, #fff)', color: 'var(--sl-color-text, inherit)' },
});

export interface EditorOptions {
  doc: string;
  /** Accessible name of the text area. */
  label: string;
  onChange(text: string): void;
  /** A change was refused because the text would have grown past `maxEditorChars`. */
  onTooLarge(chars: number): void;
}

/** Mounts an editor in `parent`. */
export function createEditor(parent: HTMLElement, o: EditorOptions): EditorView {
  const extensions: Extension[] = [
    lineNumbers(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    indentOnInput(),
    bracketMatching(),
    yaml(),
    syntaxHighlighting(highlight),
    lintGutter(),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    EditorView.lineWrapping,
    theme,
    EditorView.contentAttributes.of({ 'aria-label': o.label }),
    EditorState.transactionFilter.of((tr) => {
      if (tr.docChanged && tr.newDoc.length > maxEditorChars) {
        o.onTooLarge(tr.newDoc.length);
        return [];
      }
      return tr;
    }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) o.onChange(u.state.doc.toString());
    }),
  ];
  return new EditorView({ parent, state: EditorState.create({ doc: o.doc, extensions }) });
}

/** Marks each problem at its line and column, as lint diagnostics (an empty list clears them). */
export function markProblems(view: EditorView, problems: ManifestProblem[]): void {
  const text = view.state.doc.toString();
  const diagnostics: Diagnostic[] = problems.map((p) => ({
    ...problemRange(text, p),
    severity: 'error',
    source: `line ${p.line}, column ${p.col}`,
    message: p.detail ? `${p.message}\n${p.detail}` : p.message,
  }));
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** Replaces the whole text (Reset, or another file), keeping the editor. */
export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** Puts the cursor at a problem and scrolls it into view. */
export function reveal(view: EditorView, p: Pick<ManifestProblem, 'line' | 'col'>): void {
  const { from } = problemRange(view.state.doc.toString(), p);
  view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
  view.focus();
}
