import type { ConfiguredContext } from '../cluster-config';
import type { Dataplane } from '../net/dataplane';
import type { Pod } from '../api/types';
import type { NodeHost } from './node-host';
import type { Stepped } from '../shell/interpreter';

/**
 * Programs the reader runs: inside a container (`kubectl exec POD -- curl …`) or on a node
 * (`ssh node-1 iptables-save`). Each program is a function of its arguments and what it may see
 * from where it runs; it prints exactly what the real tool prints.
 */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Virtual time the program took (curl waiting for a timeout); the console advances the clock by it. */
  elapsedMs?: number;
  /**
   * The writes in the order the program made them, when some stderr came before stdout ended
   * (kubectl prints an API warning as the response arrives, before the table it came with): a
   * terminal shows them in this order. Stream by stream they add up to `stdout` and `stderr`.
   * Absent: everything on stdout came first (see writesOf).
   */
  printed?: Write[];
}

/** One write of a program to its stdout or its stderr. */
export interface Write {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** What a program wrote, in order: `printed`, or all of stdout then all of stderr. */
export function writesOf(result: Pick<ExecResult, 'stdout' | 'stderr' | 'printed'>): Write[] {
  if (result.printed) return result.printed;
  const writes: Write[] = [];
  if (result.stdout) writes.push({ stream: 'stdout', text: result.stdout });
  if (result.stderr) writes.push({ stream: 'stderr', text: result.stderr });
  return writes;
}

/** What a terminal shows of a program's output: both streams, in the order they were written. */
export function terminalText(result: Pick<ExecResult, 'stdout' | 'stderr' | 'printed'>): string {
  return writesOf(result).map((w) => w.text).join('');
}

/**
 * The program's result with more on stderr before and after its own output: kubectl's notices
 * before an exec'd program's output, `command terminated with exit code N` after it.
 */
export function withStderrAround(result: ExecResult, before: string, after = ''): ExecResult {
  const around = printedResult([{ stream: 'stderr', text: before }, ...writesOf(result), { stream: 'stderr', text: after }], result.exitCode);
  return result.elapsedMs === undefined ? around : { ...around, elapsedMs: result.elapsedMs };
}

/** The result of a program that made these writes; `printed` is kept only when stderr came before stdout ended. */
export function printedResult(writes: readonly Write[], exitCode: number): ExecResult {
  const stream = (name: Write['stream']) => writes.filter((w) => w.stream === name && w.text).map((w) => w.text).join('');
  const result: ExecResult = { stdout: stream('stdout'), stderr: stream('stderr'), exitCode };
  const lastOut = writes.findLastIndex((w) => w.stream === 'stdout' && w.text);
  if (writes.some((w, i) => w.stream === 'stderr' && w.text && i < lastOut)) result.printed = writes.filter((w) => w.text);
  return result;
}

/**
 * What a process can reach from the machine it runs on: the API (for the kubelet's view of its
 * Pods), the clock, the network and the other machines' kernels, which it reaches only through
 * the network (the data plane).
 */
export type HostEnvironment = ConfiguredContext & { readonly dataplane: Dataplane; readonly nodes: ReadonlyMap<string, NodeHost> };

export interface ProgramContext {
  cluster: HostEnvironment;
  /** The node the program runs on; none for a machine outside the cluster (the reader's laptop). */
  node?: NodeHost;
  /** The address of a machine outside the cluster that runs the program (the reader's laptop). */
  address?: string;
  /** stdout is a terminal (the reader's own shell): curl then prints no progress meter. */
  tty?: boolean;
  /** For container programs: the Pod and container they run in. */
  pod?: Pod;
  container?: string;
  /** For container programs: the container's files, path → content. */
  fs?: Map<string, string>;
  /** What the program reads on stdin: the previous command's output in an `sh -c` pipeline. */
  stdin?: string;
  /**
   * The process environment when it differs from the container's (`env NAME=VALUE CMD`); else
   * programs read the container's, which the kubelet wrote at start (see processEnvironment).
   */
  env?: ReadonlyMap<string, string>;
}

export type Program = ((ctx: ProgramContext, args: string[]) => ExecResult) & {
  /** The same program pausing between commands of its own (a shell's script), for a caller that runs it over several tasks. */
  steps?: (ctx: ProgramContext, args: string[]) => Stepped<ExecResult>;
};

/** Programs available inside every container image the simulator runs. */
export const containerPrograms = new Map<string, Program>();
/** Programs available on every node, over `ssh NODE …`. */
export const hostPrograms = new Map<string, Program>();

export function ok(stdout = ''): ExecResult {
  return { stdout, stderr: '', exitCode: 0 };
}

export function fail(stderr: string, exitCode = 1): ExecResult {
  return { stdout: '', stderr, exitCode };
}
