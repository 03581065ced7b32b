import type { Cluster } from '../cluster';
import type { ExecResult } from '../node/programs';

/** What a console command may use: the cluster, the files that `-f` names, and the terminal if there is one. */
export interface CommandContext {
  cluster: Cluster;
  /** Reads a file named on the command line; undefined when it does not exist. */
  readFile(path: string): string | undefined;
  /**
   * Present when the console runs in a terminal (see terminal.ts): an interactive command
   * (`kubectl exec -it POD -- sh`) hands it the shell session that the reader's next lines go to.
   */
  attach?(session: ShellSession): void;
}

/**
 * A shell that reads one script at a time from a terminal: the reader's bash (the console) or a
 * shell in a container. `run` takes a complete script (the terminal joins continued lines first).
 */
export interface ShellSession {
  /** What the shell prints before reading a line (PS1): `$ `, `/ # `, `root@web:/# `. */
  readonly prompt: string;
  /** Runs a script; what it printed, and its exit status. */
  run(text: string): ExecResult;
  /** True once the shell has ended (`exit`): the terminal goes back to the session it came from. */
  readonly closed: boolean;
}

/** Wall-clock milliseconds of the cluster's current virtual instant (what AGE is measured against). */
export function nowMs(cluster: Cluster): number {
  return cluster.clock.epochMs + cluster.clock.now;
}

/** The namespace a command works in: `-n`, else `default` (kubeconfig's default context). */
export function namespaceOf(values: Map<string, string>): string {
  return values.get('namespace') || 'default';
}
