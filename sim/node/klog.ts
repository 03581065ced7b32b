/**
 * klog's text lines, as Kubernetes components write them to stderr:
 * `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg key=value…`. A structured line (InfoS) quotes
 * its message and string values (`%q`) and prints lists as JSON; a printf-style line (Infof) does
 * not. The thread id is the process id (klog prints os.Getpid()).
 * Source: k8s.io/klog/v2 (klog.go formatHeader, internal/serialize/keyvalues.go).
 */
export type KlogValue = string | number | boolean | string[];

/** The header, from a time in ms (its fraction gives the microseconds). */
function header(severity: 'I' | 'W' | 'E', atMs: number, pid: number, where: string): string {
  const us = Math.round(atMs * 1000);
  const d = new Date(Math.floor(us / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(us % 1_000_000).padStart(6, '0');
  return `${severity}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros} ${String(pid).padStart(7)} ${where}]`;
}

/** A structured line (klog.InfoS, logger.Info). */
export function klogS(severity: 'I' | 'W' | 'E', atMs: number, pid: number, where: string, message: string, values: [string, KlogValue][] = []): string {
  const kv = values.map(([k, v]) => ` ${k}=${typeof v === 'string' || Array.isArray(v) ? JSON.stringify(v) : String(v)}`).join('');
  return `${header(severity, atMs, pid, where)} ${JSON.stringify(message)}${kv}`;
}

/** A printf-style line (klog.Infof). */
export function klogF(severity: 'I' | 'W' | 'E', atMs: number, pid: number, where: string, text: string): string {
  return `${header(severity, atMs, pid, where)} ${text}`;
}

/** Go's time.Duration.String() for a duration in ms: `12.345678ms`, `1.5s`. */
export function goDurationMs(ms: number): string {
  const trim = (s: string) => s.replace(/\.?0+$/, '');
  return ms < 1000 ? `${trim(ms.toFixed(6))}ms` : `${trim((ms / 1000).toFixed(9))}s`;
}
