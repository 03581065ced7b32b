import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runTranscript, transcriptMarker } from '../../src/course/transcript';

const scenarios = new URL('../../sim/scenarios/', import.meta.url);
const read = (path: string) => {
  try {
    return readFileSync(new URL(path, scenarios), 'utf8');
  } catch {
    return undefined;
  }
};
/** Runs a script of sim/scenarios/ as <Transcript script="…"> does. */
const transcript = (path: string, text = read(path)!) =>
  runTranscript({ path, text, readFile: (file) => read(posix.join(posix.dirname(path), file)) });

describe('chapter transcripts are typed by the engine', () => {
  test('a script shows `$ command` and what it printed, and only what follows the marker', () => {
    const { code } = transcript('intent/scale.sh');
    expect(code).toBe('$ kubectl scale deployment web --replicas=5\ndeployment.apps/web scaled');
  });

  test('the same script gives the same transcript on every build', () => {
    expect(transcript('intent/pods.sh').code).toBe(transcript('intent/pods.sh').code);
  });

  test('each Pod listed runs on one node and has an IP of that node’s Pod CIDR', () => {
    const rows = transcript('intent/pods.sh').code.split('\n').slice(2);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const [, ready, status, , , ip, node] = row.split(/\s+/);
      expect([ready, status]).toEqual(['1/1', 'Running']);
      // sim/scenarios/cluster-default.yaml: node-N owns 10.244.N.0/24.
      expect(ip.split('.').slice(0, 3).join('.')).toBe(`10.244.${node.replace('node-', '')}`);
    }
  });

  test('after a Pod is deleted, exactly the replacement is marked, with a name and IP not seen before', () => {
    const before = transcript('intent/pods.sh').code;
    const { code, newRows } = transcript('intent/delete-pod.sh');
    const lines = code.split('\n');
    expect(lines[0]).toMatch(/^\$ kubectl delete pod web-/);
    expect(newRows).toHaveLength(1);
    const [name, , , , , ip] = lines[newRows[0] - 1].split(/\s+/);
    expect(before).not.toContain(name);
    expect(before).not.toContain(`${ip} `);
    // The deleted Pod was one of those listed before, and it is gone.
    const deleted = lines[0].split(' ').at(-1)!;
    expect(before).toContain(deleted);
    expect(lines.slice(2).join('\n')).not.toContain(deleted);
  });

  test('a command that fails stops the build, naming the script and the command', () => {
    const text = `kubectl apply -f web.yaml\n${transcriptMarker}\nkubectl delete pod no-such-pod`;
    expect(() => transcript('intent/broken.sh', text)).toThrow(/intent\/broken\.sh: `kubectl delete pod no-such-pod` exited with 1:\nError from server \(NotFound\)/);
  });

  test('a command that says `# exits N` is shown without the comment, and stops the build when it exits otherwise', () => {
    const shown = transcript('intent/expected.sh', `${transcriptMarker}\nkubectl delete pod no-such-pod  # exits 1`).code;
    expect(shown).toBe('$ kubectl delete pod no-such-pod\nError from server (NotFound): pods "no-such-pod" not found');
    expect(() => transcript('intent/expected.sh', `${transcriptMarker}\nkubectl get ns default  # exits 1`)).toThrow(/`kubectl get ns default` exited with 0/);
  });
});
