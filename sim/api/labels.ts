import type { LabelSelector, Labels } from './types';

/**
 * Label selectors, read only by the control plane (controllers, the scheduler, NetworkPolicy
 * compilation, `kubectl -l`). The data plane never sees a label.
 * Semantics: k8s.io/apimachinery/pkg/labels/selector.go.
 */

/** Does `labels` match a structured LabelSelector? An empty selector matches everything; a null one nothing. */
export function matchesSelector(labels: Labels | undefined, selector: LabelSelector | undefined | null): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(l, req.key);
    const values = req.values ?? [];
    const ok =
      req.operator === 'In' ? has && values.includes(l[req.key]) :
      req.operator === 'NotIn' ? !has || !values.includes(l[req.key]) :
      req.operator === 'Exists' ? has :
      !has;
    if (!ok) return false;
  }
  return true;
}

/** A Service's selector is a plain map; an empty map selects nothing (there is no "select all"). */
export function matchesServiceSelector(labels: Labels | undefined, selector: Labels | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return matchesSelector(labels, { matchLabels: selector });
}

/**
 * Parses a selector string as `kubectl get -l` takes it: `app=web,tier!=db,env in (a,b),!beta,gpu`.
 * Throws with kubectl's wording on a syntax error.
 */
export function parseSelector(text: string): LabelSelector {
  const selector: Required<LabelSelector> = { matchLabels: {}, matchExpressions: [] };
  for (const term of splitTerms(text)) {
    const t = term.trim();
    let m: RegExpMatchArray | null;
    if ((m = t.match(/^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      selector.matchExpressions.push({ key: m[1], operator: m[2] === 'in' ? 'In' : 'NotIn', values: m[3].split(',').map((v) => v.trim()).filter(Boolean) });
    } else if ((m = t.match(/^([\w./-]+)\s*!=\s*([\w.-]*)$/))) {
      selector.matchExpressions.push({ key: m[1], operator: 'NotIn', values: [m[2]] });
    } else if ((m = t.match(/^([\w./-]+)\s*==?\s*([\w.-]*)$/))) {
      selector.matchLabels[m[1]] = m[2];
    } else if ((m = t.match(/^!([\w./-]+)$/))) {
      selector.matchExpressions.push({ key: m[1], operator: 'DoesNotExist' });
    } else if ((m = t.match(/^([\w./-]+)$/))) {
      selector.matchExpressions.push({ key: m[1], operator: 'Exists' });
    } else {
      throw new Error(`unable to parse requirement: found '${t}', expected: identifier`);
    }
  }
  return selector;
}

function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) terms.push(current);
  return terms;
}

/** `app=web,tier=front`, as kubectl prints a map selector; `<none>` when empty. */
export function formatLabels(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}
