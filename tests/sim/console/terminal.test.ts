import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import { Terminal } from '../../../sim/console/terminal';
import type { Pod } from '../../../sim/api/types';

function terminal() {
  const cluster = new Cluster({ seed: 1 }).boot();
  const t = new Terminal(new Console(cluster));
  return { cluster, t };
}

/** Types lines and returns what they printed, stdout then stderr, each line after its prompt. */
function typed(t: Terminal, lines: string[]): string {
  let out = '';
  for (const line of lines) {
    const prompt = t.prompt;
    const r = t.input(line);
    out += `${prompt}${line}\n${r.stdout}${r.stderr}`;
  }
  return out;
}

describe('interactive shells in Pods', () => {
  it('kubectl run -it --rm opens a nested BusyBox prompt; exit ends the Pod and deletes it', () => {
    const { cluster, t } = terminal();
    const opened = t.input('kubectl run -it --rm --restart=Never box --image=busybox -- sh');
    expect(opened.stderr).toBe(
      'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
        "If you don't see a command prompt, try pressing enter.\n",
    );
    expect(t.prompt).toBe('/ # ');
    expect(t.depth).toBe(1);
    expect(cluster.store.get<Pod>('Pod', 'default', 'box')?.spec.containers[0]).toMatchObject({ stdin: true, stdinOnce: true, tty: true });
    expect(t.input('hostname')).toEqual({ stdout: 'box\n', stderr: '', exitCode: 0 });
    t.input('X=hello');
    expect(t.input('echo $X from $(hostname)').stdout).toBe('hello from box\n');
    const exit = t.input('exit');
    expect(exit).toEqual({
      stdout: "Session ended, resume using 'kubectl attach box -c box -n default -i -t' command\npod \"box\" deleted from default namespace\n",
      stderr: '',
      exitCode: 0,
    });
    expect(t.prompt).toBe('$ ');
    expect(t.depth).toBe(0);
  });

  it('a non-zero exit makes the Pod Failed and kubectl exits with the code', () => {
    const { cluster, t } = terminal();
    t.input('kubectl run -it --restart=Never box --image=busybox -- sh');
    const r = t.input('exit 3');
    expect(r).toMatchObject({ stderr: 'pod default/box terminated (Error)\n', exitCode: 3 });
    expect(cluster.store.get<Pod>('Pod', 'default', 'box')?.status?.phase).toBe('Failed');
  });

  it('kubectl exec -it POD -- bash opens bash with its prompt; the exit status comes back through kubectl', () => {
    const { t } = terminal();
    t.input('kubectl run web --image=nginx');
    t.input('kubectl wait --for=condition=Ready pod/web');
    expect(t.input('kubectl exec -it web -- bash').stdout).toBe('');
    expect(t.prompt).toBe('root@web:/# ');
    expect(t.input('exit 2')).toEqual({ stdout: 'exit\n', stderr: 'command terminated with exit code 2\n', exitCode: 2 });
    expect(t.input('kubectl exec -it web -- sh').exitCode).toBe(0);
    expect(t.prompt).toBe('# ');
    expect(typed(t, ['for i in 1 2; do', 'echo $i', 'done', 'exit'])).toBe('# for i in 1 2; do\n> echo $i\n> done\n1\n2\n# exit\n');
    expect(t.prompt).toBe('$ ');
  });

  it('the shell ends when its container is killed under it', () => {
    const { t } = terminal();
    t.input('kubectl run web --image=nginx');
    t.input('kubectl wait --for=condition=Ready pod/web');
    t.input('kubectl exec -it web -- sh');
    t.console.run('sim crash pod web');
    expect(t.input('hostname')).toMatchObject({ stderr: 'command terminated with exit code 137\n', exitCode: 137 });
    expect(t.depth).toBe(0);
  });
});

describe("the reader's shell", () => {
  it('continues lines after a backslash, an open loop or a trailing pipe, with the > prompt', () => {
    const { t } = terminal();
    expect(t.input('kubectl get pods -n kube-system \\')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(t.prompt).toBe('> ');
    expect(t.input('  --no-headers |').stdout).toBe('');
    expect(t.input('wc -l').stdout).toBe('2\n');
    expect(t.prompt).toBe('$ ');
    t.input('echo "open');
    expect(t.interrupt().stdout).toBe('^C\n');
    expect(t.prompt).toBe('$ ');
  });

  it('loops over command output and substitutes commands', () => {
    const { t } = terminal();
    const out = t.input('for p in $(kubectl get pods -n kube-system -o name); do echo "== $p"; done').stdout;
    expect(out.split('\n').filter(Boolean)).toHaveLength(2);
    expect(out).toMatch(/^== pod\/coredns-/);
    expect(t.input('IP=$(kubectl get svc -n kube-system kube-dns -o jsonpath="{.spec.clusterIP}"); echo "dns at $IP"').stdout).toBe('dns at 10.96.0.10\n');
    expect(t.input('for i in $(seq 3); do echo $i; done | tail -1').stdout).toBe('3\n');
  });

  it('stops a line that would run forever, after an hour of virtual time at most', () => {
    const { cluster, t } = terminal();
    const start = cluster.clock.now;
    const r = t.input('while true; do sleep 60; done');
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toContain('press Ctrl-C');
    expect(cluster.clock.now - start).toBeLessThanOrEqual(61 * 60_000);
  });

  it('prints bash syntax errors and runs nothing', () => {
    const { t } = terminal();
    expect(t.input('kubectl get pods | | wc')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `|'\n", exitCode: 2 });
  });
});
