import { describe, expect, it } from 'vitest';
import { Terminal } from '../../../sim/console/terminal';
import type { Pod } from '../../../sim/api/types';
import { hostnames } from './hostnames';

function debugSetup() {
  const h = hostnames(2);
  const t = new Terminal(h.c);
  const [pod, other] = h.pods;
  return { ...h, t, pod, other };
}

describe('kubectl debug -it POD --image=busybox', () => {
  it('adds an ephemeral container named by kubectl, opens a BusyBox prompt in the Pod’s network, and ends it for good', () => {
    const { cluster, c, t, pod, other } = debugSetup();
    const name = pod.metadata.name;
    const opened = t.input(`kubectl debug -it ${name} --image=busybox --target=serve-hostname`);
    const [targeting, defaulting] = opened.stdout.split('\n');
    expect(targeting).toBe('Targeting container "serve-hostname". If you don\'t see processes from this container it may be because the container runtime doesn\'t support this feature.');
    expect(defaulting).toMatch(/^Defaulting debug container name to debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\.$/);
    const debugger_ = defaulting.slice('Defaulting debug container name to '.length, -1);
    expect(opened.stderr).toBe(
      'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
        "If you don't see a command prompt, try pressing enter.\n",
    );
    expect(t.prompt).toBe('/ # ');
    const live = () => cluster.store.get<Pod>('Pod', 'default', name)!;
    expect(live().spec.ephemeralContainers).toEqual([{ name: debugger_, image: 'busybox', stdin: true, tty: true, terminationMessagePolicy: 'File', targetContainerName: 'serve-hostname', resources: {} }]);
    expect(live().status!.ephemeralContainerStatuses![0]).toMatchObject({ name: debugger_, ready: false, state: { running: {} } });
    // The reader's own shell (another terminal) describes the Pod meanwhile.
    expect(c.run(`kubectl describe pod ${name}`).stdout).toMatch(new RegExp(`\nEphemeral Containers:\n  ${debugger_}:\n    Container ID: +containerd://[0-9a-f]{64}\n    Image: +busybox\n[^]*?    Ready: +False\n`));
    // It shares the Pod's network namespace: same hostname, same IP, reaches the other Pod.
    expect(t.input('hostname').stdout).toBe(`${name}\n`);
    expect(t.input(`wget -qO- ${other.status!.podIP}:9376`).stdout.trim()).toBe(other.metadata.name);
    const exit = t.input('exit');
    expect(exit.stdout).toBe(`Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${name} -c ${debugger_} -n default -i -t' if it is still running\n`);
    expect(t.prompt).toBe('$ ');
    cluster.advance(60_000);
    expect(live().status!.ephemeralContainerStatuses![0].state).toMatchObject({ terminated: { exitCode: 0, reason: 'Completed' } });
    expect(live().status!.ephemeralContainerStatuses![0].restartCount).toBe(0);
    // The Pod's own containers are untouched: READY counts them only.
    expect(t.input(`kubectl get pod ${name} --no-headers`).stdout).toMatch(new RegExp(`^${name} +1/1 +Running +0 `));
  });

  it('the name comes from kubectl’s own stream: the same each run, and no draw from the cluster’s', () => {
    const first = debugSetup();
    const state = first.cluster.rng.save();
    const a = first.c.run(`kubectl debug ${first.pod.metadata.name} --image=busybox`).stdout;
    // Starting the container later is the kubelet's business, as for any container; kubectl drew nothing.
    expect(first.cluster.rng.save()).toEqual(state);
    const second = debugSetup();
    expect(second.c.run(`kubectl debug ${second.pod.metadata.name} --image=busybox`).stdout).toBe(a);
  });

  it('refuses what the API server or kubectl refuses', () => {
    const { c, pod } = debugSetup();
    const name = pod.metadata.name;
    expect(c.run('kubectl debug nope --image=busybox')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(c.run(`kubectl debug ${name}`).stderr).toBe('error: --image is required\n');
    expect(c.run(`kubectl debug ${name} --image=busybox --target=nope`).stderr).toBe(`The Pod "${name}" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nope"\n`);
    expect(c.run(`kubectl debug ${name} --image=busybox -c serve-hostname`).stderr).toBe(`The Pod "${name}" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "serve-hostname"\n`);
    expect(c.run(`kubectl debug ${name} --image=busybox -t`).stderr).toBe('error: -i/--stdin is required for containers with -t/--tty=true\n');
  });
});
