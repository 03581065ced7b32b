import type { Program } from '../programs';
import { journalEntries, journalMessage, type JournalEntry } from '../journal';
import { Rng, seedFrom } from '../../core/rng';
import { monthAbbr } from '../../core/calendar';

/**
 * `journalctl [-u UNIT]… [-n N] [-b [±N|ID]] [-r] [-o short|cat] [-q] [--no-pager]` on a node, as
 * systemd 255 (Ubuntu 24.04) prints the journal without a terminal: one line per entry in the
 * default `short` format, `Mon DD HH:MM:SS HOST IDENTIFIER[PID]: MESSAGE`, or only the message with
 * `-o cat`; no pager, lines not cut. Since systemd 250 the old `-- Logs begin at … --` header is
 * gone (it became a debug message, systemd PR #21775); a selection with no entries prints
 * `-- No entries --`; where the entries pass from one boot of the machine to the next, a
 * `-- Boot ID --` line (both left out with -q). `-b` alone is this boot, `-b -1` the one before,
 * `-b 1` the first the journal holds; `-r` puts the newest first (after -n chose the newest N).
 * A unit given without a suffix means `UNIT.service`.
 * Sources: systemd src/journal/journalctl.c (parse_argv, add_boot, show), src/shared/logs-show.c
 * (output_short, output_cat).
 */
export const journalctl: Program = (ctx, args) => {
  const node = ctx.node!;
  const units: string[] = [];
  let lines: number | undefined;
  let boot: string | undefined;
  let reverse = false;
  let quiet = false;
  let output = 'short';
  const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (flag: string) => (a.startsWith(`${flag}=`) ? a.slice(flag.length + 1) : a.length > 2 && !a.startsWith('--') ? a.slice(2) : args[++i]);
    if (a === '--no-pager' || a === '-e' || a === '--pager-end' || a === '-l' || a === '--full') continue;
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-r' || a === '--reverse') reverse = true;
    else if (a === '-b' || a === '--boot') {
      // An optional argument: the next word is taken only when it reads as a boot (parse_argv).
      boot = args[i + 1] !== undefined && bootDescriptor.test(args[i + 1]) ? args[++i] : '0';
    } else if (/^-b./.test(a) || a.startsWith('--boot=')) {
      boot = a.startsWith('--boot=') ? a.slice(7) : a.slice(2);
      if (!bootDescriptor.test(boot)) return fail(`Failed to parse boot descriptor '${boot}'\n`);
    } else if (a === '-o' || a.startsWith('--output') || /^-o./.test(a)) {
      const mode = value('--output');
      if (mode === undefined) return fail("journalctl: option requires an argument -- 'o'\n");
      if (!outputModes.includes(mode)) return fail(`Unknown output format '${mode}'.\n`);
      output = mode;
    } else if (a === '-u' || a.startsWith('--unit') || /^-u./.test(a)) {
      const unit = value('--unit');
      if (unit === undefined) return fail("journalctl: option requires an argument -- 'u'\n");
      units.push(unit.includes('.') ? unit : `${unit}.service`);
    } else if (a === '-n' || a.startsWith('--lines') || /^-n./.test(a)) {
      const n = value('--lines');
      if (n === undefined || !/^\d+$/.test(n)) return fail(`Failed to parse lines '${n ?? ''}'.\n`);
      lines = Number(n);
    } else if (a === '-f' || a === '--follow') {
      return fail('journalctl: -f follows the journal until interrupted, which the simulator cannot do: use -n N\n');
    } else if (a.startsWith('-')) {
      return fail(`journalctl: unrecognized option '${a}'\n`);
    } else return fail(`Failed to add match '${a}': Invalid argument\n`);
  }
  const all = journalEntries(node);
  let entries = all.filter((e) => units.length === 0 || units.includes(e.unit));
  if (boot !== undefined) {
    const chosen = chooseBoot(node.name, all, node.boot ?? 0, boot);
    if (typeof chosen === 'string') return fail(chosen);
    entries = entries.filter((e) => e.boot === chosen);
  }
  if (lines !== undefined) entries = lines === 0 ? [] : entries.slice(-lines);
  if (reverse) entries.reverse();
  if (!entries.length) return { stdout: quiet ? '' : '-- No entries --\n', stderr: '', exitCode: 0 };
  const epoch = ctx.cluster.clock.epochMs;
  let stdout = '';
  entries.forEach((e, i) => {
    // Between entries of two boots, journalctl says which boot follows (systemd ≥ 252: `-- Boot ID --`).
    if (!quiet && i > 0 && e.boot !== entries[i - 1].boot) stdout += `-- Boot ${bootId(node.name, e.boot)} --\n`;
    stdout += output === 'cat' ? `${journalMessage(e)}\n` : shortLine(e, epoch, node.name);
  });
  return { stdout, stderr: '', exitCode: 0 };
};

/** The output modes the simulated journal prints (logs-show.c's short and cat). */
const outputModes = ['short', 'cat'];

/** A boot offset (`-1`, `+2`, `0`) or a 32-hex-digit boot ID, optionally followed by an offset. */
const bootDescriptor = /^(?:[0-9a-f]{32}(?:[+-]\d+)?|[+-]?\d+)$/;

/**
 * The boot a `-b` descriptor names, or journalctl's error (add_boot): 0 and below count back from
 * this boot, positive offsets forward from the first boot the journal holds.
 */
function chooseBoot(host: string, entries: JournalEntry[], current: number, descriptor: string): number | string {
  const boots = [...new Set(entries.map((e) => e.boot))];
  const id = descriptor.slice(0, 32);
  if (/^[0-9a-f]{32}$/.test(id)) {
    const found = boots.find((b) => bootId(host, b) === id);
    const offset = Number(descriptor.slice(32) || '0');
    const at = found === undefined ? -1 : boots.indexOf(found) + offset;
    if (found === undefined || at < 0 || at >= boots.length) return `No journal boot entry found from the specified boot ID (${id}).\n`;
    return boots[at];
  }
  const offset = Number(descriptor || '0');
  if (offset === 0) return current;
  const at = offset > 0 ? offset - 1 : boots.indexOf(current) + offset;
  if (at < 0 || at >= boots.length) return `No journal boot entry found from the specified boot offset (${offset > 0 ? '+' : ''}${offset}).\n`;
  return boots[at];
}

/** The boot's 128-bit id, as journalctl prints it: 32 hex digits, the same for a node's boot each run. */
function bootId(host: string, boot: number): string {
  const rng = new Rng(seedFrom(`${host}/boot/${boot}`));
  return Array.from({ length: 4 }, () => rng.uint32().toString(16).padStart(8, '0')).join('');
}

/** output_short: the local time (UTC on the nodes) as `%b %d %H:%M:%S`, host, identifier[pid]. */
function shortLine(e: JournalEntry, epochMs: number, host: string): string {
  const d = new Date(epochMs + e.at);
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${monthAbbr[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${when} ${host} ${e.identifier}[${e.pid}]: ${journalMessage(e)}\n`;
}
