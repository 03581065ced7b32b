import type { Cluster } from '../cluster';
import type { Pod } from '../api/types';
import type { ExecResult, ProgramContext } from '../node/programs';
import { containerShell, shellDialect } from '../node/programs/sh';
import { podHostname } from '../node/kubelet-pod-files';
import { parseShell } from '../shell/syntax';
import { syntaxErrorMessage, type ShellVoice } from '../shell/dialect';
import type { Shell } from '../shell/interpreter';
import type { ShellSession } from './context';

/**
 * An interactive shell in a container, as the reader gets it from `kubectl exec -it POD -- sh` or
 * `kubectl run -it … -- sh`: each script the terminal sends runs in the container (its files,
 * environment and network), the shell keeps its variables between scripts, and `exit` ends it.
 * With a terminal, the container's stdout and stderr arrive as one stream: everything it prints
 * is on stdout. Time passes as its commands say (`sleep 5`, curl waiting for a timeout).
 *
 * The prompt is the shell's PS1 for root in `/`: BusyBox ash `/ # `, Debian's dash `# `, bash
 * `root@HOSTNAME:/# ` (bash also echoes `exit` when it leaves).
 */
export class ContainerShell implements ShellSession {
  readonly prompt: string;
  closed = false;
  private readonly shell: Shell;
  private readonly voice: ShellVoice;
  private out = '';
  /** The lines the shell has read: dash numbers its errors by them, across the session. */
  private linesRead = 0;

  /**
   * @param ctx the running container (see execTarget in sim/node/kubelet-exec.ts)
   * @param name the shell: `sh` or `bash`
   * @param onExit what kubectl prints once the shell has ended with that code (its exit code is kubectl's)
   */
  constructor(
    private readonly cluster: Cluster,
    private readonly ctx: ProgramContext & { pod: Pod; container: string; fs: Map<string, string> },
    private readonly name: 'sh' | 'bash',
    private readonly onExit: (code: number) => ExecResult,
  ) {
    this.shell = containerShell(ctx, name, (stdout, stderr) => (this.out += stdout + stderr), { interactive: true });
    const dialect = shellDialect(ctx, name);
    this.voice = { name, dialect, interactive: true };
    this.prompt = dialect === 'bash' ? `root@${podHostname(ctx.pod)}:/# ` : dialect === 'ash' ? '/ # ' : '# ';
  }

  run(text: string): ExecResult {
    if (this.closed) return { stdout: '', stderr: '', exitCode: 0 };
    // The container was stopped or restarted under the shell: the session ends as a killed process's does.
    if (!this.stillRunning()) return this.end(137, '');
    const parsed = parseShell(text, this.linesRead + 1);
    this.linesRead += text.split('\n').length;
    this.out = '';
    if ('message' in parsed) return { stdout: syntaxErrorMessage(this.voice, parsed), stderr: '', exitCode: 2 };
    const run = this.shell.run(parsed.list);
    let exitCode = 0;
    for (let step = run.next(); ; step = run.next()) {
      if (step.done) {
        exitCode = step.value;
        break;
      }
      const s = step.value;
      if (s.kind === 'sleep') {
        this.cluster.advance(s.ms);
        this.cluster.settle(0);
        if (!this.stillRunning()) return this.end(137, this.out);
      } else if (s.kind === 'forever') {
        this.out += `${this.name}: the simulator stopped this command: it would run forever (in a real terminal, press Ctrl-C)\n`;
        exitCode = 130;
        break;
      }
    }
    if (this.shell.exited) return this.end(exitCode, this.out + (this.name === 'bash' ? 'exit\n' : ''));
    return { stdout: this.out, stderr: '', exitCode };
  }

  private stillRunning(): boolean {
    const pod = this.cluster.store.get<Pod>('Pod', this.ctx.pod.metadata.namespace ?? 'default', this.ctx.pod.metadata.name);
    if (!pod || pod.metadata.uid !== this.ctx.pod.metadata.uid) return false;
    return this.ctx.node?.kubelet?.runningContainerFiles(pod, this.ctx.container) === this.ctx.fs;
  }

  private end(code: number, printed: string): ExecResult {
    this.closed = true;
    const after = this.onExit(code);
    return { stdout: printed + after.stdout, stderr: after.stderr, exitCode: after.exitCode };
  }
}
