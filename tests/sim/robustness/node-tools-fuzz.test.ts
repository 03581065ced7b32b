import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';

/**
 * The node tools (over ssh), curl's new options and kubectl debug with arguments drawn at random:
 * no exception escapes, nothing prints `undefined` or `NaN`, every line ends within a bounded
 * wall time, and an unknown program is still bash's `command not found`.
 */
const word = fc.constantFrom('', '-', '--', '-c', '-c0', '-c 2', '-n', '-n 3', '-u', '-u kube-proxy', '-u kubelet', 'aux', 'auxw', '-ef', '-e', 'x', 'kube-proxy',
  'kubelet', 'nope', '-o', '-o /dev/null', '-w', "-w '%{http_code}\\n'", "-w '%{'", '-I', '--head', '-sS', '-m 1', '10.96.0.1', '10.96.0.1:443', 'web', 'http://web',
  '10.0.1.12', '10.244.1.2:80', '999.1.1.1', '-W 1', '-w 2', '-q', 'start', 'stop', 'restart', 'is-active', 'status', '--no-pager', '-f', "'", '|', '$(x)');
const tool = fc.constantFrom('curl', 'ping', 'ps', 'journalctl', 'systemctl', 'ip', 'conntrack', 'iptables-save', 'frobnicate');
const sshLine = fc
  .tuple(fc.constantFrom('node-1', 'node-2', 'node-9'), tool, fc.array(word, { maxLength: 3 }), fc.boolean())
  .map(([node, program, words, quoted]) => {
    const command = [program, ...words].filter(Boolean).join(' ');
    return quoted ? `ssh ${node} "${command} | head -5"` : `ssh ${node} ${command}`;
  });
const debugLine = fc
  .tuple(fc.array(fc.constantFrom('-it', '-i', '-t', '--image=busybox', '--image=nginx', '--target=web', '--target=nope', '-c probe', '-c web', '-q', 'node/node-1', 'web', 'nope', '--', 'sleep 1'), { maxLength: 5 }))
  .map(([words]) => `kubectl debug ${words.join(' ')}`);

describe('node tools and kubectl debug, fuzzed', () => {
  it('never throw, never print undefined or NaN, always end', () => {
    const lines = fc.sample(fc.oneof(sshLine, debugLine), { seed: 7, numRuns: 300 });
    const c = new Console(new Cluster({ seed: 1 }).boot());
    c.run('kubectl run web --image=nginx --port=80');
    c.run('kubectl wait --for=condition=Ready pod/web');
    for (const text of lines) {
      const start = performance.now();
      let out = '';
      try {
        const r = c.run(text);
        out = r.stdout + r.stderr;
        expect(Number.isInteger(r.exitCode), text).toBe(true);
      } catch (e) {
        expect.fail(`console.run(${JSON.stringify(text)}) threw ${(e as Error).stack}`);
      }
      expect(out, text).not.toMatch(/undefined|NaN|\[object Object\]|internal error of the simulator/);
      expect(performance.now() - start, text).toBeLessThan(2000);
    }
    expect(c.run('ssh node-1 frobnicate -x').stderr).toBe('bash: line 1: frobnicate: command not found\n');
  });
});
