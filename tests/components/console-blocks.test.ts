import { describe, expect, it } from 'vitest';
import { consoleBlocks, type ConsoleRun } from '../../components/views/console-blocks';
import { terminalText } from '../../sim/node/programs';
import { Cluster } from '../../sim/cluster';
import { Console } from '../../sim/console/console';

const run = (n: number, command: string, stdout: string, stderr = ''): ConsoleRun => ({ n, command, result: { stdout, stderr } });
/** The scrollback as text, block by block, as the Console draws it. */
const drawn = (runs: ConsoleRun[]) => consoleBlocks(runs).map((b) => [...b.carried.map((w) => w.text), '$ ', b.command, '\n', ...b.output.map((w) => w.text)].join(''));

describe('the Console scrollback', () => {
  it('puts the next prompt after output that ends without a newline, as a shell does', () => {
    const runs = [run(0, 'curl -sk https://kubernetes.default/version', '{\n  "major": "1"\n}'), run(1, 'kubectl get pods', 'No resources found in default namespace.\n')];
    expect(drawn(runs)).toEqual(['$ curl -sk https://kubernetes.default/version\n{\n  "major": "1"\n', '}$ kubectl get pods\nNo resources found in default namespace.\n']);
  });

  it('keeps the last command’s unfinished line in its own block, and carries a line with no newline at all', () => {
    expect(drawn([run(0, 'printf a', 'a'), run(1, 'printf b', 'b'), run(2, 'true', '')])).toEqual(['$ printf a\n', 'a$ printf b\n', 'b$ true\n']);
    expect(drawn([run(0, 'printf a', 'a')])).toEqual(['$ printf a\na']);
  });

  it('carries stderr written after the last newline with its stream', () => {
    const blocks = consoleBlocks([
      { n: 0, command: 'x', result: { stdout: 'out\n', stderr: 'err', printed: [{ stream: 'stdout', text: 'out\n' }, { stream: 'stderr', text: 'err' }] } },
      run(1, 'y', ''),
    ]);
    expect(blocks[0].output).toEqual([{ stream: 'stdout', text: 'out\n' }]);
    expect(blocks[1].carried).toEqual([{ stream: 'stderr', text: 'err' }]);
  });

  it('draws exactly what a terminal shows, on a live cluster’s console lines', () => {
    const console = new Console(new Cluster({ seed: 1 }).boot());
    const lines = ['kubectl get ns', 'kubectl get pods', 'kubectl run web --image=nginx', 'kubectl nope', 'kubectl get pod web -o jsonpath={.metadata.name}', 'kubectl get pod web -o name'];
    const runs = lines.map((command, n) => ({ n, command, result: console.run(command) }));
    // kubectl's jsonpath output ends without a newline.
    expect(terminalText(runs[4].result)).toBe('web');
    expect(drawn(runs).join('')).toBe(runs.map((r) => `$ ${r.command}\n${terminalText(r.result)}`).join(''));
  });
});
