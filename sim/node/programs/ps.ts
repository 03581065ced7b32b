import type { Pod } from '../../api/types';
import type { Program, ProgramContext } from '../programs';
import { bootServices, pidOf } from '../host-processes';
import { mainProcessArgv } from '../main-process';
import { kubeProxyVerbosity } from '../kube-proxy-log';
import { Rng, seedFrom } from '../../core/rng';
import { monthAbbr } from '../../core/calendar';

/**
 * `ps` on a node, as procps-ng 4.0.4 (Ubuntu 24.04) prints it, for what the simulator knows runs
 * there: systemd, journald, containerd, sshd, the kubelet, kube-proxy while it runs (a systemd
 * unit here, as in "Kubernetes the hard way"), and for each Pod its containerd shim, its pause
 * process and its containers' main processes, with their commands. Kernel threads and the rest
 * of a real machine are left out. Forms: `ps` (this session's processes), `ps aux` / `ps auxw[w]`
 * (BSD: USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND) and `ps -ef` / `ps -e` (System V).
 * Without a terminal (ssh NODE ps) lines are not cut to a screen's width.
 * Sources: procps-ng src/ps/output.c (pr_* column formats), src/ps/sortformat.c (the aux and -f
 * formats), ps(1).
 */
interface Proc {
  user: string;
  pid: number;
  ppid: number;
  cpu: string;
  mem: string;
  vsz: number;
  rss: number;
  stat: string;
  /** Virtual ms when it started. */
  started: number;
  /** CPU time used, in seconds. */
  cpuSeconds: number;
  command: string;
  /** Part of this ssh session (what a bare `ps` lists). */
  session?: boolean;
}

export const ps: Program = (ctx, args) => {
  const flags = args.join('');
  const bsd = args.length === 1 && /^[auxw]+$/.test(args[0]) && args[0].includes('a') && args[0].includes('x');
  const sysv = args.length > 0 && args.every((a) => /^-[ef]+$/.test(a)) && flags.includes('e');
  if (args.length && !bsd && !sysv) {
    return { stdout: '', stderr: 'error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try \'ps --help <simple|list|output|threads|misc|all>\'\n  or \'ps --help <s|l|o|t|m|a>\'\n for additional help text.\n\nFor more details see ps(1).\n', exitCode: 1 };
  }
  const procs = processes(ctx, args.join(' '));
  const now = ctx.cluster.clock.now;
  const epoch = ctx.cluster.clock.epochMs;
  if (bsd) {
    const header = ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'];
    const widths: [number, 'l' | 'r'][] = [[8, 'l'], [7, 'r'], [4, 'r'], [4, 'r'], [6, 'r'], [5, 'r'], [8, 'l'], [4, 'l'], [5, 'r'], [6, 'r'], [0, 'l']];
    const rows = procs.map((p) => [p.user, String(p.pid), p.cpu, p.mem, String(p.vsz), String(p.rss), '?', p.stat, startColumn(epoch + p.started, epoch + now), cpuTime(p.cpuSeconds, false), p.command]);
    return { stdout: [header, ...rows].map((r) => columns(r, widths)).join(''), stderr: '', exitCode: 0 };
  }
  if (sysv && flags.includes('f')) {
    const header = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];
    const widths: [number, 'l' | 'r'][] = [[8, 'l'], [7, 'r'], [7, 'r'], [2, 'r'], [5, 'l'], [8, 'l'], [8, 'r'], [0, 'l']];
    const rows = procs.map((p) => [p.user, String(p.pid), String(p.ppid), '0', startColumn(epoch + p.started, epoch + now), '?', cpuTime(p.cpuSeconds, true), p.command]);
    return { stdout: [header, ...rows].map((r) => columns(r, widths)).join(''), stderr: '', exitCode: 0 };
  }
  // `ps -e` and `ps`: PID TTY TIME CMD, CMD being the program's name only.
  const shown = sysv ? procs : procs.filter((p) => p.session);
  const rows = [['PID', 'TTY', 'TIME', 'CMD'], ...shown.map((p) => [String(p.pid), '?', cpuTime(p.cpuSeconds, true), programName(p.command)])];
  return { stdout: rows.map((r) => columns(r, [[7, 'r'], [8, 'l'], [8, 'r'], [0, 'l']])).join(''), stderr: '', exitCode: 0 };
};

/** Everything the node runs, by PID, ending with this ssh session's sshd and the ps itself. */
function processes(ctx: ProgramContext, psArgs: string): Proc[] {
  const node = ctx.node!;
  const now = ctx.cluster.clock.now;
  const up = (started: number, share: number) => Math.floor(((now - started) / 1000) * share);
  // What systemd started came up with the machine.
  const boot = node.bootedAt ?? 0;
  const procs: Proc[] = [
    { user: 'root', pid: bootServices.systemd, ppid: 0, cpu: '0.0', mem: '0.3', vsz: 22360, rss: 13404, stat: 'Ss', started: boot, cpuSeconds: up(boot, 0.002), command: '/sbin/init' },
    { user: 'root', pid: bootServices['systemd-journald'], ppid: 1, cpu: '0.0', mem: '0.4', vsz: 50616, rss: 16364, stat: 'S<s', started: boot, cpuSeconds: up(boot, 0.001), command: '/usr/lib/systemd/systemd-journald' },
    { user: 'root', pid: bootServices.containerd, ppid: 1, cpu: '0.4', mem: '1.3', vsz: 1949136, rss: 52840, stat: 'Ssl', started: boot, cpuSeconds: up(boot, 0.004), command: '/usr/bin/containerd' },
    { user: 'root', pid: bootServices.sshd, ppid: 1, cpu: '0.0', mem: '0.2', vsz: 12020, rss: 8064, stat: 'Ss', started: boot, cpuSeconds: 0, command: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups' },
    {
      user: 'root', pid: bootServices.kubelet, ppid: 1, cpu: '1.1', mem: '2.4', vsz: 2048788, rss: 97304, stat: 'Ssl', started: boot, cpuSeconds: up(boot, 0.011),
      command: `/usr/local/bin/kubelet --config=/var/lib/kubelet/kubelet-config.yaml --kubeconfig=/var/lib/kubelet/kubeconfig --node-ip=${node.ip} --v=2`,
    },
  ];
  const proxy = node.kubeProxy;
  if (proxy?.running && proxy.log.processId) {
    procs.push({
      user: 'root', pid: proxy.log.processId, ppid: 1, cpu: '0.1', mem: '0.9', vsz: 1285096, rss: 36512, stat: 'Ssl', started: proxy.log.startedAt, cpuSeconds: up(proxy.log.startedAt, 0.001),
      command: `/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/kube-proxy-config.yaml --v=${kubeProxyVerbosity}`,
    });
  }
  const pods = ctx.cluster.store
    .list<Pod>('Pod')
    .filter((p) => p.spec.nodeName === node.name && p.status?.containerStatuses?.some((c) => c.state?.running))
    .sort((a, b) => (a.status?.startTime ?? '').localeCompare(b.status?.startTime ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  const at = (stamp: string | undefined) => (stamp ? Date.parse(stamp) - ctx.cluster.clock.epochMs : 0);
  for (const pod of pods) {
    const uid = pod.metadata.uid ?? pod.metadata.name;
    // The sandbox came up with the Pod, or again after the machine booted.
    const started = Math.max(boot, at(pod.status?.startTime));
    const shim = pidOf(node, `shim/${uid}`);
    procs.push({ user: 'root', pid: shim, ppid: 1, cpu: '0.0', mem: '0.3', vsz: 1238384, rss: 12416, stat: 'Sl', started, cpuSeconds: 0, command: `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${hexId(uid)} -address /run/containerd/containerd.sock` });
    // The pause image runs as 65535 (its Dockerfile's USER 65535:65535); ps prints a UID with no name as a number.
    procs.push({ user: '65535', pid: pidOf(node, `pause/${uid}`), ppid: shim, cpu: '0.0', mem: '0.0', vsz: 1020, rss: 640, stat: 'Ss', started, cpuSeconds: 0, command: '/pause' });
    for (const status of pod.status?.containerStatuses ?? []) {
      const since = status.state?.running?.startedAt;
      const spec = pod.spec.containers.find((c) => c.name === status.name);
      if (!since || !spec) continue;
      const argv = mainProcessArgv(spec) ?? [spec.image.replace(/[:@].*$/, '').replace(/^.*\//, '')];
      procs.push({ user: 'root', pid: pidOf(node, `container/${status.containerID ?? `${uid}/${status.name}`}`), ppid: shim, cpu: '0.0', mem: '0.1', vsz: 4388, rss: 3212, stat: 'Ss', started: at(since), cpuSeconds: 0, command: argv.join(' ') });
    }
  }
  // This ssh session: sshd's child for the connection, then ps itself (its own PID is new each run).
  const session = pidOf(node, `ssh-session/${now}/${psArgs}`);
  procs.push({ user: 'root', pid: session, ppid: bootServices.sshd, cpu: '0.0', mem: '0.2', vsz: 14764, rss: 9344, stat: 'Ss', started: now, cpuSeconds: 0, command: 'sshd: root@notty', session: true });
  procs.push({ user: 'root', pid: pidOf(node, `ps/${now}/${psArgs}`), ppid: session, cpu: '0.0', mem: '0.1', vsz: 10872, rss: 4224, stat: 'Rs', started: now, cpuSeconds: 0, command: psArgs ? `ps ${psArgs}` : 'ps', session: true });
  return procs.sort((a, b) => a.pid - b.pid);
}

/**
 * Lays out one row: each column padded to its width; a value wider than its column pushes the
 * rest right, and later padding takes the overflow back, as procps does.
 */
function columns(cells: string[], widths: [number, 'l' | 'r'][]): string {
  let out = '';
  let debt = 0;
  cells.forEach((cell, i) => {
    const [width, align] = widths[i];
    const last = i === cells.length - 1;
    const room = Math.max(0, width - cell.length);
    const pad = Math.max(0, room - debt);
    debt = Math.max(0, debt - room) + Math.max(0, cell.length - width);
    const padded = last ? cell : align === 'l' ? cell + ' '.repeat(pad) : ' '.repeat(pad) + cell;
    out += (i ? ' ' : '') + padded;
  });
  return out.replace(/ +$/, '') + '\n';
}

/** START / STIME: `HH:MM` the same day, else `MonDD`. */
function startColumn(startMs: number, nowMs: number): string {
  const s = new Date(startMs);
  const two = (n: number) => String(n).padStart(2, '0');
  if (nowMs - startMs < 86_400_000 && s.getUTCDate() === new Date(nowMs).getUTCDate()) return `${two(s.getUTCHours())}:${two(s.getUTCMinutes())}`;
  return `${monthAbbr[s.getUTCMonth()]}${two(s.getUTCDate())}`;
}

/** TIME: `M:SS` in BSD format, `HH:MM:SS` in System V's. */
function cpuTime(seconds: number, long: boolean): string {
  const two = (n: number) => String(n).padStart(2, '0');
  if (long) return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  return `${Math.floor(seconds / 60)}:${two(seconds % 60)}`;
}

/** The program's name, as `ps -e` shows it (comm: the executable's base name, 15 characters at most). */
function programName(command: string): string {
  if (command.startsWith('sshd:')) return 'sshd';
  // /sbin/init is a link to systemd: the kernel names the process after what it runs.
  if (command === '/sbin/init') return 'systemd';
  const first = command.split(' ')[0];
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15);
}

/** A 64-digit hex id (a sandbox's) from a Pod's uid: deterministic, from a stream of its own. */
function hexId(seed: string): string {
  const rng = new Rng(seedFrom(seed));
  let out = '';
  while (out.length < 64) out += rng.uint32().toString(16).padStart(8, '0');
  return out;
}
