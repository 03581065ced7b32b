/**
 * A budget line of `npm run bench`: the figure, the budget and the verdict, `ok` when the figure is
 * within the budget, `over` when it is not (for a floor such as packets per second, falling short).
 */
export function budgetLine(label: string, value: number, budget: { max: number } | { min: number }, unit: string, digits = 0): string {
  const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const ok = 'max' in budget ? value <= budget.max : value >= budget.min;
  const bound = 'max' in budget ? `≤ ${fmt(budget.max)}` : `≥ ${fmt(budget.min)}`;
  return `${label}: ${fmt(value)} ${unit}   budget ${bound} ${unit}: ${ok ? 'ok' : 'over'}`;
}
