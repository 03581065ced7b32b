import { describe, expect, it } from 'vitest';
import { consoleOn } from '../console-on';
import { parseShell } from '../../../sim/shell/syntax';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';

/** A BusyBox Pod and a Debian (nginx) Pod, running. */
function cluster(files: Record<string, string> = {}) {
  const on = consoleOn(files);
  on.console.run('kubectl run box --image=busybox -- sleep 3600');
  on.console.run('kubectl run web --image=nginx');
  on.console.run('kubectl wait --for=condition=Ready pod/box pod/web');
  return on;
}

describe('redirections in a container shell', () => {
  it('writes, appends and reads the container files, applied left to right', () => {
    const { console: c } = cluster();
    const run = (script: string) => c.run(`kubectl exec box -- sh -c '${script}'`);
    expect(run('echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; wc -l < /tmp/f')).toEqual({ stdout: 'one\ntwo\n2\n', stderr: '', exitCode: 0 });
    expect(run('echo new > /tmp/f; cat /tmp/f').stdout).toBe('new\n');
    // 2>&1 after >file sends both to the file; before it, stderr still goes where stdout went.
    expect(run('ls /nope > /tmp/both 2>&1; cat /tmp/both')).toMatchObject({ stdout: "ls: /nope: No such file or directory\n", stderr: '' });
    expect(run('ls /nope 2>&1 > /tmp/out; echo status $?')).toEqual({ stdout: 'ls: /nope: No such file or directory\nstatus 1\n', stderr: '', exitCode: 0 });
    expect(run('ls /nope 2> /dev/null; echo $?')).toEqual({ stdout: '1\n', stderr: '', exitCode: 0 });
    expect(run('echo to-stderr >&2')).toEqual({ stdout: '', stderr: 'to-stderr\n', exitCode: 0 });
    // A redirection on a loop covers everything the loop writes.
    expect(run('for i in 1 2 3; do echo $i; done > /tmp/n; cat /tmp/n | wc -l').stdout).toBe('3\n');
    // Into a pipeline: the command's own redirection wins over the pipe.
    expect(run('echo x > /tmp/p | wc -c; cat /tmp/p').stdout).toBe('0\nx\n');
  });

  it('fails as BusyBox ash, dash or bash does when a file cannot be opened, and does not run the command', () => {
    const { console: c } = cluster();
    expect(c.run(`kubectl exec box -- sh -c 'echo a > /nope/x; echo $?; cat < /nope; echo $?; echo a > /tmp; echo a >&3'`)).toMatchObject({
      stdout: '1\n1\n',
      stderr: "sh: can't create /nope/x: nonexistent directory\nsh: can't open /nope: no such file\nsh: can't create /tmp: Is a directory\nsh: 3: Bad file descriptor\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
    expect(c.run(`kubectl exec web -- bash -c 'echo a > /nope/x; cat < /nope'`)).toMatchObject({
      stdout: '',
      stderr: 'bash: line 1: /nope/x: No such file or directory\nbash: line 1: /nope: No such file or directory\ncommand terminated with exit code 1\n',
      exitCode: 1,
    });
    // nginx's image is Debian: its sh is dash, which names the line and fails with status 2.
    expect(c.run(`kubectl exec web -- sh -c 'echo a > /nope/x; echo $?\ncat < /nope; echo $?; echo a > /usr'`)).toMatchObject({
      stdout: '2\n2\n',
      stderr: 'sh: 1: cannot create /nope/x: Directory nonexistent\nsh: 2: cannot open /nope: No such file\nsh: 2: cannot create /usr: Is a directory\ncommand terminated with exit code 2\n',
      exitCode: 2,
    });
  });

  it('says a command is not found in the words of ash, dash or bash', () => {
    const { console: c } = cluster();
    const notFound = (pod: string, shell: string) => c.run(`kubectl exec ${pod} -- ${shell} -c 'true\nnosuch'`).stderr;
    expect(notFound('box', 'sh')).toBe('sh: nosuch: not found\ncommand terminated with exit code 127\n');
    expect(notFound('web', 'sh')).toBe('sh: 2: nosuch: not found\ncommand terminated with exit code 127\n');
    expect(notFound('web', 'bash')).toBe('bash: line 2: nosuch: command not found\ncommand terminated with exit code 127\n');
    // The reader's own terminal is an interactive bash: no line.
    expect(c.run('nosuch').stderr).toBe('bash: nosuch: command not found\n');
  });

  it("changes what a server serves: the 'Get a Shell to a Running Container' task", () => {
    const { console: c } = cluster();
    c.run(`kubectl exec web -- sh -c "echo 'Hello shell demo' > /usr/share/nginx/html/index.html"`);
    expect(c.run('kubectl exec web -- curl -s http://localhost/').stdout).toBe('Hello shell demo\n');
  });
});

describe("redirections at the reader's console", () => {
  it('saves what a command prints in a file that kubectl apply, cat and grep then read', () => {
    const { console: c } = cluster();
    expect(c.run('kubectl get pod box -o yaml > box.yaml')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(c.run('cat ./box.yaml | head -2').stdout).toBe('apiVersion: v1\nkind: Pod\n');
    // metadata.name, the container's name and its status's.
    expect(c.run('grep -c "name: box" /home/reader/box.yaml').stdout).toBe('3\n');
    expect(c.run('kubectl delete -f box.yaml').stdout).toBe('pod "box" deleted from default namespace\n');
    expect(c.run('kubectl get pods nope 2>/dev/null; echo $?').stdout).toBe('1\n');
    expect(c.run('kubectl get pods > /etc/pods')).toEqual({ stdout: '', stderr: 'bash: /etc/pods: Permission denied\n', exitCode: 1 });
    expect(c.run('echo hi > missing/dir')).toEqual({ stdout: '', stderr: 'bash: missing/dir: No such file or directory\n', exitCode: 1 });
    expect(c.run('cat nope.yaml')).toEqual({ stdout: '', stderr: 'cat: nope.yaml: No such file or directory\n', exitCode: 1 });
  });

  it("writes through the caller's store when it has one, so an editor and the shell share files", () => {
    const saved = new Map<string, string>();
    const c = new Console(new Cluster(), { readFile: (p) => saved.get(p), writeFile: (p, t) => saved.set(p, t) });
    c.run('echo "kind: Namespace" > ns.yaml; echo "apiVersion: v1" >> ns.yaml; echo "metadata: {name: team}" >> ns.yaml');
    expect(saved.get('ns.yaml')).toBe('kind: Namespace\napiVersion: v1\nmetadata: {name: team}\n');
    expect(c.run('kubectl apply -f ns.yaml').stdout).toBe('namespace/team created\n');
  });

  it('parses descriptors only when written right before the operator', () => {
    const parsed = parseShell('echo 2 >f 2>&1 3> g');
    expect('list' in parsed && parsed.list[0].first.commands[0]).toMatchObject({
      words: [{ text: 'echo' }, { text: '2' }],
      redirects: [
        { fd: 1, op: '>', target: { text: 'f' } },
        { fd: 2, op: '>&', target: { text: '1' } },
        { fd: 3, op: '>', target: { text: 'g' } },
      ],
    });
  });
});
