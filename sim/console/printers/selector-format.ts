import type { LabelSelector } from '../../api/types';

/**
 * metav1.FormatLabelSelector (k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go): requirements
 * sorted by key, `app=web`, `tier in (a,b)`, `tier notin (a)`, `gpu`, `!beta`; `<none>` when empty.
 */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const terms: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) terms.push({ key: k, text: `${k}=${v}` });
  for (const r of selector?.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort().join(',');
    const text =
      r.operator === 'In' ? `${r.key} in (${values})` :
      r.operator === 'NotIn' ? `${r.key} notin (${values})` :
      r.operator === 'Exists' ? r.key :
      `!${r.key}`;
    terms.push({ key: r.key, text });
  }
  if (terms.length === 0) return '<none>';
  return terms.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((t) => t.text).join(',');
}
