import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import { parseFlags } from '../../../sim/console/kubectl/flags';

describe('kubectl flags (pflag)', () => {
  const specs = [{ long: 'container', short: 'c' }, { long: 'stdin', short: 'i', bool: true }, { long: 'tty', short: 't', bool: true }];
  it('reads flags anywhere, combined shorthands and everything after --', () => {
    const parsed = parseFlags(['-it', 'web', '-cweb', '-n', 'x', '--', 'ls', '-l'], specs, 'exec');
    expect(parsed).toMatchObject({ args: ['web'], afterDash: ['ls', '-l'] });
    if ('values' in parsed) expect(Object.fromEntries(parsed.values)).toEqual({ stdin: 'true', tty: 'true', container: 'web', namespace: 'x' });
  });
  it('rejects unknown flags with kubectl words', () => {
    expect(parseFlags(['--foo'], specs, 'get')).toEqual({ stdout: '', stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", exitCode: 1 });
    expect(parseFlags(['-z'], specs, 'get')).toMatchObject({ stderr: "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n" });
  });
});

describe('console', () => {
  it('prints nothing for blank lines and comments', () => {
    const c = new Console(new Cluster());
    expect(c.run('   ')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(c.run('# a comment')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it("answers an unknown program as bash does, with 127", () => {
    // (Plain curl is a command now: it runs on the reader's laptop.)
    expect(new Console(new Cluster()).run('nmap 10.0.1.11')).toEqual({ stdout: '', stderr: 'bash: nmap: command not found\n', exitCode: 127 });
  });

  it('changes nothing on an unknown flag or command', () => {
    const cluster = new Cluster();
    const c = new Console(cluster, { readFile: () => 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n' });
    cluster.settle(0);
    const before = cluster.store.resourceVersion;
    expect(c.run('kubectl apply -f ns.yaml --bogus').exitCode).toBe(1);
    expect(c.run('kubectl aply -f ns.yaml').stderr).toBe('error: unknown command "aply" for "kubectl"\n\nDid you mean this?\n\tapply\n');
    expect(cluster.store.get('Namespace', '', 'team')).toBeUndefined();
    expect(cluster.store.resourceVersion).toBe(before);
  });

  it('lets virtual time pass only for commands that wait', () => {
    const cluster = new Cluster();
    const c = new Console(cluster);
    c.run('kubectl get pods');
    const t = cluster.clock.now;
    c.run('sleep 1m 30s');
    expect(cluster.clock.now - t).toBe(90_000);
    expect(c.run('sleep 2x')).toMatchObject({ stderr: "sleep: invalid time interval '2x'\nTry 'sleep --help' for more information.\n", exitCode: 1 });
  });

  it('prints kubectl errors for unknown types and missing objects', () => {
    const c = new Console(new Cluster());
    expect(c.run('kubectl get podz')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "podz"\n', exitCode: 1 });
    expect(c.run('kubectl get pod web')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "web" not found\n', exitCode: 1 });
    expect(c.run('kubectl get deploy -n kube-public')).toEqual({ stdout: '', stderr: 'No resources found in kube-public namespace.\n', exitCode: 0 });
  });

  it('refuses to overwrite a label without --overwrite, and then changes nothing', () => {
    const cluster = new Cluster();
    const c = new Console(cluster);
    expect(c.run('kubectl label node node-1 zone=a').stdout).toBe('node/node-1 labeled\n');
    expect(c.run('kubectl label node node-1 zone=b')).toEqual({ stdout: '', stderr: "error: 'zone' already has a value (a), and --overwrite is false\n", exitCode: 1 });
    expect(cluster.store.get('Node', '', 'node-1')?.metadata.labels?.zone).toBe('a');
    expect(c.run('kubectl label node node-1 zone-').stdout).toBe('node/node-1 unlabeled\n');
  });
});
