import type { Program } from '../programs';

/**
 * `systemctl start|stop|restart|is-active UNIT…` on a node, for the units the simulator runs as
 * systemd services: kube-proxy (which stops and starts for real: its rules then go stale, and
 * come back with a full sync) and the kubelet, containerd and sshd (always active here; stopping
 * them is not simulated). start/stop/restart print nothing on success; is-active prints each
 * unit's state, exit 0 only if all are active. A unit name without a suffix means UNIT.service.
 * `systemctl status` is left out: its layout depends on the terminal's width.
 * Sources: systemd src/systemctl/systemctl-start-unit.c, systemctl-is-active.c; the "not loaded" /
 * "not found" messages from the bus errors.
 */
const alwaysActive = new Set(['kubelet.service', 'containerd.service', 'ssh.service', 'systemd-journald.service']);

export const systemctl: Program = (ctx, args) => {
  const [verb, ...names] = args.filter((a) => a !== '--no-pager' && a !== '-q' && a !== '--quiet');
  const quiet = args.includes('-q') || args.includes('--quiet');
  const units = names.map((n) => (n.includes('.') ? n : `${n}.service`));
  const proxy = ctx.node!.kubeProxy;
  const active = (unit: string) => alwaysActive.has(unit) || (unit === 'kube-proxy.service' && !!proxy?.running);
  const known = (unit: string) => alwaysActive.has(unit) || (unit === 'kube-proxy.service' && proxy !== undefined);
  if (verb === undefined) return { stdout: '', stderr: 'systemctl: the simulator runs only start, stop, restart and is-active UNIT\n', exitCode: 1 };
  if (verb === 'is-active') {
    if (!units.length) return { stdout: '', stderr: 'Too few arguments.\n', exitCode: 1 };
    const states = units.map((u) => (active(u) ? 'active' : 'inactive'));
    return { stdout: quiet ? '' : states.map((s) => `${s}\n`).join(''), stderr: '', exitCode: states.every((s) => s === 'active') ? 0 : 3 };
  }
  if (verb !== 'start' && verb !== 'stop' && verb !== 'restart') {
    return { stdout: '', stderr: `systemctl: '${verb}' is not simulated here; the simulator runs start, stop, restart and is-active\n`, exitCode: 1 };
  }
  if (!units.length) return { stdout: '', stderr: 'Too few arguments.\n', exitCode: 1 };
  for (const unit of units) {
    const failed = verb === 'stop' ? 'stop' : verb;
    if (!known(unit)) return { stdout: '', stderr: `Failed to ${failed} ${unit}: Unit ${unit} ${verb === 'stop' ? 'not loaded' : 'not found'}.\n`, exitCode: 5 };
    if (unit !== 'kube-proxy.service') return { stdout: '', stderr: `systemctl: ${verb === 'start' ? 'starting' : verb === 'stop' ? 'stopping' : 'restarting'} ${unit} is not simulated here (sim stop node NODE switches the whole machine off)\n`, exitCode: 1 };
    if (verb !== 'start') proxy!.stop();
    if (verb !== 'stop') proxy!.start();
  }
  return { stdout: '', stderr: '', exitCode: 0 };
};
