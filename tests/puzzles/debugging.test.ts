import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../sim/cluster';
import { Console } from '../../sim/console/console';
import { checkGoal } from '../../components/puzzles/goal';
import { hintsFor, parseChecklist, parsePuzzle, type Puzzle } from '../../components/puzzles/puzzle';

const dir = 'sim/scenarios/debugging';
const read = (path: string) => readFileSync(`${dir}/${path}`, 'utf8');

/** The cluster a reader finds: booted, the manifests applied, the setup run at its instants. */
function start(name: string): { cluster: Cluster; console: Console; puzzle: Puzzle; yaml: string } {
  const puzzle = parsePuzzle(read(`${name}/puzzle.yaml`), name);
  const yaml = read(`${name}/web.yaml`);
  const cluster = new Cluster({ seed: 1 }).boot();
  const console = new Console(cluster, { readFile: (p) => (p === 'web.yaml' ? yaml : undefined) });
  expect(console.run('kubectl apply -f web.yaml').exitCode).toBe(0);
  for (const step of puzzle.setup) {
    cluster.advance(step.at - cluster.clock.now);
    expect(console.run(step.command).exitCode).toBe(0);
  }
  cluster.advance(puzzle.time - cluster.clock.now);
  return { cluster, console, puzzle, yaml };
}

/** Applies an edited web.yaml as the editor would, then lets the cluster run for a minute. */
function applyEdited(console: Console, text: string): void {
  const edited = new Console(console.cluster, { readFile: () => text });
  expect(edited.run('kubectl apply -f web.yaml').stderr).toBe('');
  console.cluster.advance(60_000);
}

interface Case {
  name: string;
  /** What the reader does to fix it. */
  fix: (c: Console, yaml: string) => void;
  /** A plausible change that does not fix it. */
  wrong: (c: Console, yaml: string) => void;
}

const cases: Case[] = [
  {
    name: 'selector-typo',
    fix: (c, y) => applyEdited(c, y.replace('app: wbe', 'app: web')),
    wrong: (c) => (c.run('kubectl rollout restart deployment web'), c.cluster.advance(60_000)),
  },
  {
    name: 'target-port',
    fix: (c, y) => applyEdited(c, y.replace('targetPort: 8080', 'targetPort: 80')),
    wrong: (c, y) => applyEdited(c, y.replace('  - port: 80\n', '  - port: 8080\n')),
  },
  {
    name: 'never-ready',
    fix: (c, y) => applyEdited(c, y.replace('port: 8080', 'port: 80')),
    wrong: (c, y) => applyEdited(c, y.replace('periodSeconds: 5', 'periodSeconds: 1')),
  },
  {
    name: 'scaled-to-zero',
    fix: (c) => (c.run('kubectl scale deployment web --replicas=3'), c.cluster.advance(60_000)),
    wrong: (c, y) => applyEdited(c, y.replace('targetPort: 80', 'targetPort: http')),
  },
  {
    name: 'kube-proxy-stopped',
    fix: (c) => (c.run('sim start kube-proxy node-2'), c.cluster.advance(5_000)),
    wrong: (c) => (c.run('kubectl rollout restart deployment web'), c.cluster.advance(60_000)),
  },
  {
    name: 'policy-blocks',
    fix: (c, y) => applyEdited(c, y.replace('          role: frontend\n', '          role: frontend\n    - podSelector:\n        matchLabels:\n          run: client\n')),
    wrong: (c) => (c.run('kubectl delete networkpolicy web-allow-frontend'), c.cluster.advance(5_000)),
  },
  {
    name: 'dns-namespace',
    fix: (c, y) => applyEdited(c, y.replace('value: http://web', 'value: http://web.backend')),
    wrong: (c, y) => applyEdited(c, y.replace('value: http://web', 'value: http://web.backend.cluster.local')),
  },
];

describe('debugging puzzles: broken as found, solved by the fix, not by a wrong one', () => {
  for (const { name, fix, wrong } of cases) {
    it(name, () => {
      const found = start(name);
      const before = checkGoal(found.cluster, found.puzzle.goal);
      expect(before.met).toBe(false);
      expect(before.failure).toMatch(/\S/);

      const wrongly = start(name);
      wrong(wrongly.console, wrongly.yaml);
      expect(checkGoal(wrongly.cluster, wrongly.puzzle.goal).met).toBe(false);

      const fixed = start(name);
      fix(fixed.console, fixed.yaml);
      expect(checkGoal(fixed.cluster, fixed.puzzle.goal)).toEqual({ met: true, succeeded: 50 });
    });
  }

  it('checking takes no virtual time', () => {
    const { cluster, puzzle } = start('kube-proxy-stopped');
    const now = cluster.clock.now;
    checkGoal(cluster, puzzle.goal);
    expect(cluster.clock.now).toBe(now);
  });

  it('hints walk the checklist up to the step that finds the fault, then the last hint', () => {
    const checklist = parseChecklist(read('checklist.yaml'));
    const titles = (name: string) => hintsFor(start(name).puzzle, checklist).map((h) => h.title);
    expect(titles('selector-typo')).toEqual(['1. Does the name resolve?', '2. Does the Service select Pods?', 'Last hint']);
    expect(titles('policy-blocks')).toHaveLength(checklist.length + 1);
    expect(hintsFor(start('dns-namespace').puzzle, checklist)[0].try[0]).toBe('kubectl get pods -n shop');
  });
});
