import type { NodeHost } from './node-host';
import { writeJournal, type JournalEntry } from './journal';
import { bootServices } from './host-processes';
import type { KlogValue } from './klog';

/**
 * How a systemd service on a node writes to the journal: its program's klog lines on stderr
 * (journald stamps them with the unit and the PID), and systemd's own lines about the unit.
 * Lines written at one virtual instant run forward a few µs apart.
 */
export class UnitJournal {
  /** The running process' PID (0 while it does not run). */
  pid = 0;
  private lineAt = -1;
  private lineSeq = 0;

  constructor(
    private readonly node: NodeHost,
    private readonly clock: { readonly epochMs: number; readonly now: number },
    /** The unit, `kube-proxy.service`. */
    readonly unit: string,
    /** Its Description=, which systemd ≥ 249 prints after the unit's name. */
    private readonly description: string,
    /** The program's name, journald's SYSLOG_IDENTIFIER. */
    private readonly identifier: string,
  ) {}

  /** A structured klog line (InfoS). */
  info(where: string, message: string, values: [string, KlogValue][] = []): void {
    this.write(this.identifier, this.pid, { severity: 'I', wallMs: this.wallMs(), where, message, values });
  }

  /** A printf-style klog line (Infof). */
  infof(where: string, text: string): void {
    this.write(this.identifier, this.pid, { severity: 'I', wallMs: this.wallMs(), where, message: text, printf: true });
  }

  /** systemd started the unit. */
  started(): void {
    this.systemd(`Started ${this.unit} - ${this.description}.`);
  }

  /** `systemctl stop`: systemd's three lines, and the process is gone. */
  stopped(): void {
    this.systemd(`Stopping ${this.unit} - ${this.description}...`);
    this.systemd(`${this.unit}: Deactivated successfully.`);
    this.systemd(`Stopped ${this.unit} - ${this.description}.`);
    this.pid = 0;
  }

  private systemd(message: string): void {
    this.write('systemd', bootServices.systemd, message);
  }

  private write(identifier: string, pid: number, message: JournalEntry['message']): void {
    writeJournal(this.node, { at: this.clock.now, unit: this.unit, identifier, pid, message });
  }

  /** Wall-clock ms of the next line. */
  private wallMs(): number {
    if (this.clock.now !== this.lineAt) [this.lineAt, this.lineSeq] = [this.clock.now, 0];
    return this.clock.epochMs + this.clock.now + 0.012 + this.lineSeq++ * 0.031;
  }
}
