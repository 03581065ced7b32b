/**
 * Go's time.Duration.String() of a whole number of milliseconds, as Kubernetes components print
 * durations in messages: `850ms`, `2.05s`, `1m20s`, `5m0s`, `2h0m0s`, `0s`.
 * Source: go/src/time/time.go (Duration.String).
 */
export function goDuration(ms: number): string {
  const total = Math.round(ms);
  if (total === 0) return '0s';
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  if (abs < 1000) return `${sign}${abs}ms`;
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = ((abs % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${sign}${h ? `${h}h${m}m` : m ? `${m}m` : ''}${s}s`;
}
