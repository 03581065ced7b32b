import type { Program } from '../programs';
import { journalEntries, journalMessage, type JournalEntry } from '../journal';
import { Rng, seedFrom } from '../../core/rng';

/**
 * `journalctl [-u UNIT]… [-n N] [--no-pager] [-q]` on a node, as systemd 255 (Ubuntu 24.04)
 * prints the journal in its default `short` format without a terminal: one line per entry,
 * `Mon DD HH:MM:SS HOST IDENTIFIER[PID]: MESSAGE`, no pager, lines not cut. Since systemd 250 the
 * old `-- Logs begin at … --` header is gone (it became a debug message, systemd PR #21775); a
 * selection with no entries prints `-- No entries --`; where the entries pass from one boot of the
 * machine to the next, a `-- Boot ID --` line. A unit given without a suffix means `UNIT.service`.
 * Sources: systemd src/journal/journalctl.c, src/shared/logs-show.c (output_short).
 */
export const journalctl: Program = (ctx, args) => {
  const units: string[] = [];
  let lines: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (flag: string) => (a.startsWith(`${flag}=`) ? a.slice(flag.length + 1) : a.length > 2 && !a.startsWith('--') ? a.slice(2) : args[++i]);
    if (a === '--no-pager' || a === '-q' || a === '--quiet' || a === '-b' || a === '--boot' || a === '-e' || a === '--pager-end' || a === '-l' || a === '--full') continue;
    if (a === '-u' || a.startsWith('--unit') || /^-u./.test(a)) {
      const unit = value('--unit');
      if (unit === undefined) return { stdout: '', stderr: "journalctl: option requires an argument -- 'u'\n", exitCode: 1 };
      units.push(unit.includes('.') ? unit : `${unit}.service`);
    } else if (a === '-n' || a.startsWith('--lines') || /^-n./.test(a)) {
      const n = value('--lines');
      if (n === undefined || !/^\d+$/.test(n)) return { stdout: '', stderr: `Failed to parse lines '${n ?? ''}'.\n`, exitCode: 1 };
      lines = Number(n);
    } else if (a === '-f' || a === '--follow') {
      return { stdout: '', stderr: 'journalctl: -f follows the journal until interrupted, which the simulator cannot do: use -n N\n', exitCode: 1 };
    } else if (a.startsWith('-')) {
      return { stdout: '', stderr: `journalctl: unrecognized option '${a}'\n`, exitCode: 1 };
    } else return { stdout: '', stderr: `Failed to add match '${a}': Invalid argument\n`, exitCode: 1 };
  }
  const node = ctx.node!;
  let entries = journalEntries(node).filter((e) => units.length === 0 || units.includes(e.unit));
  if (lines !== undefined) entries = lines === 0 ? [] : entries.slice(-lines);
  if (!entries.length) return { stdout: '-- No entries --\n', stderr: '', exitCode: 0 };
  const epoch = ctx.cluster.clock.epochMs;
  let stdout = '';
  entries.forEach((e, i) => {
    // Between entries of two boots, journalctl says which boot follows (systemd ≥ 252: `-- Boot ID --`).
    if (i > 0 && e.boot !== entries[i - 1].boot) stdout += `-- Boot ${bootId(node.name, e.boot)} --\n`;
    stdout += shortLine(e, epoch, node.name);
  });
  return { stdout, stderr: '', exitCode: 0 };
};

/** The boot's 128-bit id, as journalctl prints it: 32 hex digits, the same for a node's boot each run. */
function bootId(host: string, boot: number): string {
  const rng = new Rng(seedFrom(`${host}/boot/${boot}`));
  return Array.from({ length: 4 }, () => rng.uint32().toString(16).padStart(8, '0')).join('');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** output_short: the local time (UTC on the nodes) as `%b %d %H:%M:%S`, host, identifier[pid]. */
function shortLine(e: JournalEntry, epochMs: number, host: string): string {
  const d = new Date(epochMs + e.at);
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${months[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${when} ${host} ${e.identifier}[${e.pid}]: ${journalMessage(e)}\n`;
}
