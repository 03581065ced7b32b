import { describe, expect, it } from 'vitest';
import { boundPod, startCluster } from './helpers';
import { terminalText } from '../../../sim/node/programs';

describe('kubectl exec into the simulated containers', () => {
  it('writes resolv.conf for ClusterFirst DNS: the namespace first in the search path, the 10th service IP as nameserver', () => {
    const cluster = startCluster();
    cluster.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    cluster.store.create(boundPod('client', {}, {}, 'shop'));
    cluster.advance(3000);
    expect(cluster.exec('shop', 'client', undefined, ['cat', '/etc/resolv.conf']).stdout).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(cluster.exec('shop', 'client', undefined, ['ls', '/etc']).stdout).toBe('hostname\nhosts\nresolv.conf\n');
  });

  it('prints the real tools\' errors and exit codes', () => {
    const cluster = startCluster();
    cluster.store.create(boundPod('two', {}, { containers: [{ name: 'web', image: 'nginx' }, { name: 'sidecar', image: 'busybox', command: ['sleep', '3600'] }] }));
    cluster.advance(1500);
    expect(cluster.exec('default', 'two', 'web', ['ls']).stderr).toBe('error: unable to upgrade connection: container not found ("web")\n');
    // nginx (72 MB) and then busybox are pulled, one after the other.
    cluster.advance(4000);
    expect(cluster.exec('default', 'nope', undefined, ['ls'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(cluster.exec('default', 'two', 'db', ['ls']).stderr).toBe('Error from server (BadRequest): container db is not valid for pod two\n');
    const defaulted = cluster.exec('default', 'two', undefined, ['echo', 'hi']);
    expect(defaulted).toMatchObject({ stdout: 'hi\n', stderr: 'Defaulted container "web" out of: web, sidecar\n', exitCode: 0 });
    // kubectl's notice comes before the program's output.
    expect(terminalText(defaulted)).toBe('Defaulted container "web" out of: web, sidecar\nhi\n');
    expect(cluster.exec('default', 'two', 'sidecar', ['rm', '/tmp/x'])).toEqual({
      stdout: '',
      stderr: "rm: can't remove '/tmp/x': No such file or directory\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
    // BusyBox's ls: bb_simple_perror_msg, then EXIT_FAILURE (coreutils/ls.c).
    expect(cluster.exec('default', 'two', 'sidecar', ['ls', '/nope'])).toMatchObject({ stderr: 'ls: /nope: No such file or directory\ncommand terminated with exit code 1\n', exitCode: 1 });
    const unknown = cluster.exec('default', 'two', 'sidecar', ['curlx', 'x']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curlx": executable file not found in \$PATH: unknown\n$/,
    );
    // Each container has its own files.
    cluster.exec('default', 'two', 'web', ['touch', '/tmp/only-web']);
    expect(cluster.exec('default', 'two', 'web', ['ls', '/tmp']).stdout).toBe('only-web\n');
    expect(cluster.exec('default', 'two', 'sidecar', ['ls', '/tmp']).stdout).toBe('');
  });
});
