import { describe, expect, it } from 'vitest';
import { Console } from '../../../sim/console/console';
import { Terminal } from '../../../sim/console/terminal';
import { Cluster } from '../../../sim/cluster';
import { executableNotFound } from '../../../sim/node/kubelet-exec';

/** kubectl's error when the runtime cannot start argv[0], with containerd's 64-hex exec id. */
const notFound = (program: string) =>
  new RegExp(`^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": ${executableNotFound(program).replace(/[$()]/g, '\\$&')}\n$`);

describe('images with no shell (FROM scratch, distroless)', () => {
  function cluster() {
    const console = new Console(new Cluster({ seed: 1 }).boot(), { readFile: () => undefined });
    for (const line of ['kubectl run who --image=traefik/whoami', 'kubectl run hello --image=us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0', 'kubectl run echo --image=hashicorp/http-echo:1.0 -- -text=hi', 'kubectl wait --for=condition=Ready pod/who pod/hello pod/echo']) console.run(line);
    return console;
  }

  it('kubectl exec of sh, bash or ls fails as runc reports it, and kubectl exits 1', () => {
    const console = cluster();
    for (const [pod, argv] of [['who', 'sh'], ['hello', 'sh'], ['who', 'ls'], ['hello', 'bash -c true'], ['echo', 'sh']]) {
      const r = console.run(`kubectl exec ${pod} -- ${argv}`);
      expect(r).toMatchObject({ stdout: '', exitCode: 1 });
      expect(r.stderr).toMatch(notFound(argv.split(' ')[0]));
    }
    // A path is looked at, not searched for (Go's exec.LookPath).
    expect(console.run('kubectl exec who -- /bin/sh').stderr).toContain('exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown\n');
  });

  it('kubectl exec -it in a terminal opens no shell: the same error, on stderr', () => {
    const terminal = new Terminal(cluster());
    const r = terminal.input('kubectl exec -it who -- sh');
    expect(r).toMatchObject({ stdout: '', exitCode: 1 });
    expect(r.stderr).toMatch(notFound('sh'));
    expect(terminal.input('kubectl exec -it hello -- ls').stderr).toMatch(notFound('ls'));
    expect(terminal.input('hostname')).toMatchObject({ exitCode: 127 });
  });

  it('the exec id is the seed\'s: the same run prints the same id', () => {
    expect(cluster().run('kubectl exec who -- sh').stderr).toBe(cluster().run('kubectl exec who -- sh').stderr);
  });

  it('a container whose command is sh cannot start', () => {
    const console = cluster();
    console.run("kubectl run cmd --image=traefik/whoami --command -- sh -c 'echo hi'");
    console.run('sleep 5');
    expect(console.run('kubectl describe pod cmd').stdout).toContain('Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown');
  });
});
