import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
import { dryRunManifests } from '../../../sim/api/dry-run';

/**
 * Seeded fuzzing of what a reader can type: random console lines from kubectl's, the shell's and
 * the simulator's vocabulary, and the course's manifests mutated at random (characters, lines,
 * values), applied and dry-run. Whatever comes in, the engine must not throw, must not hang (no
 * line over `lineBoundMs` of wall time), must not print `undefined`, `NaN`, `[object Object]` or
 * its own internal-error line, and must print the same for the same seed.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const consoleLines = 8_000;
const manifestRuns = 2_000;
/** Wall time one line may take; a busy CI machine included. */
const lineBoundMs = 3_000;

const root = join(import.meta.dirname, '../../..');
const manifestFiles = [
  ...['tests/golden'].flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.yaml')).map((f) => join(d, f))),
  ...walk('sim/scenarios').filter((f) => f.endsWith('.yaml') && !f.includes('cluster-')),
];
const manifests = manifestFiles.map((f) => readFileSync(join(root, f), 'utf8'));

function walk(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((f) => {
    const path = join(dir, f);
    return statSync(join(root, path)).isDirectory() ? walk(path) : [path];
  });
}

// ---- the reader's words ---------------------------------------------------------------------------
const word = fc.constantFrom(
  'web', 'api', 'x', 'db', 'node-1', 'node-2', 'node-9', 'coredns', 'kube-dns', 'kubernetes', 'default', 'kube-system', 'shop',
  'Web', 'a.b', '-', '--', '"', "'", '*', 'é', '💥', '', ' ', '0', '-1', '65536', '2147483648', '1e3', 'true', 'null', '{}', '[]', 'a=b', 'app=web',
);
const resource = fc.constantFrom(
  'pods', 'po', 'pod', 'deploy', 'deployments', 'deployment.apps', 'rs', 'svc', 'services', 'ns', 'nodes', 'no', 'endpoints', 'ep', 'endpointslices',
  'networkpolicies', 'netpol', 'cm', 'configmaps', 'events', 'ev', 'all', 'ingress', 'foo', 'pods,svc', 'deploy/web', 'pod/web', 'svc/web',
);
const flag = fc.oneof(
  fc.constantFrom('-A', '--all-namespaces', '-o wide', '-o yaml', '-o json', '-o name', '-o jsonpath={.items[*].metadata.name}', '-o jsonpath={.spec}',
    '-o custom-columns=N:.metadata.name,IP:.status.podIP', '-o go-template={{.metadata.name}}', '-o table', '--show-labels', '--no-headers', '-L app',
    '-l app=web', '-l app!=web', '-l "app in (web,api)"', '-l =', '--field-selector status.phase=Running', '--field-selector spec.nodeName=node-1',
    '--sort-by=.metadata.name', '--sort-by=.status.podIP', '--sort-by={{', '-n kube-system', '-n shop', '-n', '--overwrite', '--all', '--now',
    '--grace-period=0', '--timeout=5s', '--timeout=abc', '--for=condition=Ready', '--for=delete', '--image=nginx', '--image=busybox', '--port=80',
    '--port=abc', '--target-port=8080', '--type=NodePort', '--replicas=3', '--replicas=0', '--replicas=-1', '--replicas=abc', '--replicas=100000',
    '--ignore-daemonsets', '--force', '--dry-run=server', '--dry-run=client', '--dry-run=bogus', '-c web', '--', '-f web.yaml', '-f bad.yaml',
    '-f missing.yaml', '-f', '--foo'),
  fc.integer({ min: -3, max: 70_000 }).map((n) => `--replicas=${n < 60_000 ? n % 40 : n}`),
  fc.integer({ min: 0, max: 120 }).map((n) => `--timeout=${n}s`),
);
const kubectlLine = fc
  .tuple(
    fc.constantFrom('get', 'describe', 'delete', 'scale', 'label', 'annotate', 'apply', 'create deployment', 'create namespace', 'create configmap',
      'create service clusterip', 'create service nodeport', 'expose', 'run', 'exec', 'logs', 'rollout status', 'rollout restart', 'rollout history',
      'rollout undo', 'wait', 'set image', 'cordon', 'uncordon', 'drain', 'version', 'cluster-info', 'api-resources', 'patch', 'gett', 'frobnicate', ''),
    fc.option(resource, { nil: undefined }),
    fc.array(word, { maxLength: 3 }),
    fc.array(flag, { maxLength: 4 }),
  )
  .map(([sub, res, words, flags]) => ['kubectl', sub, res ?? '', ...words, ...flags].filter((w) => w !== '').join(' '));
const otherLine = fc.oneof(
  fc.constantFrom('sleep 1', 'sleep 30', 'sleep', 'sleep abc', 'sleep 0.5', 'sleep 1m', 'sim stop node node-2', 'sim start node node-2',
    'sim stop kube-proxy node-1', 'sim start kube-proxy node-1', 'sim crash pod web', 'sim help', 'sim explode', 'ssh node-1 iptables-save',
    'ssh node-1 conntrack -L', 'ssh node-1 ip route', 'ssh node-9 ip addr', 'ssh node-1 frobnicate', 'ssh node-1 nslookup web', 'ssh node-1 dig -x 10.96.0.10', 'curl http://web', 'curl',
    'echo $((1/0))', 'for i in 1 2 3; do echo $i; done', 'while false; do :; done', 'if true; then echo y; fi', 'echo "unterminated',
    "echo 'x", 'a | | b', '&& x', 'exit', 'x=1; echo $x', 'echo $(kubectl get nodes -o name)', 'kubectl get pods \\', 'seq 5 | head -2'),
  fc.tuple(fc.constantFrom('curl', 'curl -s', 'curl -v', 'curl -m 1', 'wget -qO-', 'nslookup', 'nslookup -type=srv', 'nslookup -q=', 'dig', 'dig +short -x', 'dig @10.96.0.10 +noall +answer', 'ping -c 1', 'cat', 'ls', 'env', 'hostname', 'sh -c'),
    fc.constantFrom('web', 'http://web', 'http://web:abc/', 'http://web:99999', 'http://10.96.0.1', 'kubernetes.default', 'http://', 'x:y', '/etc/hosts', '"echo hi"', '10.96.0.10', '-', '.'))
    .map(([cmd, arg]) => `kubectl exec client -- ${cmd} ${arg}`),
  fc.string({ maxLength: 30 }),
);
const pipeSuffix = fc.constantFrom('', '', '', ' | grep web', ' | wc -l', ' | head -3', ' | tail -1', ' | sort | uniq', ' && echo ok', ' || echo failed', '; echo $?');
const line = fc.tuple(fc.oneof({ weight: 3, arbitrary: kubectlLine }, { weight: 1, arbitrary: otherLine }), pipeSuffix).map(([l, p]) => l + p);

// ---- manifests, mutated ---------------------------------------------------------------------------
const junk = ['-', ':', ' ', '\n', '\t', '{', '}', '[', ']', '"', "'", '&a', '*a', '!!int', '? ', '#', '---\n', 'null', '0', '-1', '99999999999', 'é', '\u0001'];
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...junk) }),
  fc.record({ op: fc.constant('dropLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dupLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('value' as const), at: fc.nat(), text: fc.constantFrom('', '-', '[]', '{}', 'null', '-5', '0', '70000', '2147483648', '"x"', 'None', 'NodePort', 'a b', '[-]', '{a: *b}') }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, steps: Mutation[]): string {
  for (const m of steps) {
    const lines = text.split('\n');
    const at = text.length ? m.at % text.length : 0;
    const li = lines.length ? m.at % lines.length : 0;
    if (m.op === 'delete') text = text.slice(0, at) + text.slice(at + m.len);
    else if (m.op === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
    else if (m.op === 'dropLine') text = lines.filter((_, i) => i !== li).join('\n');
    else if (m.op === 'dupLine') text = [...lines.slice(0, li + 1), lines[li], ...lines.slice(li + 1)].join('\n');
    else {
      const colon = lines[li].indexOf(': ');
      if (colon >= 0) lines[li] = `${lines[li].slice(0, colon + 2)}${m.text}`;
      text = lines.join('\n');
    }
  }
  return text;
}
const manifestCase = fc.tuple(fc.nat({ max: manifests.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean());

// ---- checks ---------------------------------------------------------------------------------------
const leaks = /undefined|NaN|\[object Object\]|internal error of the simulator/;

function check(what: string, out: string, ms: number): void {
  if (leaks.test(out)) expect.fail(`${what} printed ${JSON.stringify(out.match(leaks)![0])}:\n${out.slice(0, 2000)}`);
  if (ms > lineBoundMs) expect.fail(`${what} took ${ms.toFixed(0)} ms of wall time`);
}

/** Runs `count` lines from `runSeed` on fresh clusters; returns a digest of everything printed. */
function fuzzConsole(runSeed: number, count: number): string {
  const hash = createHash('sha256');
  const lines = fc.sample(line, { seed: runSeed, numRuns: count });
  const files: Record<string, string> = { 'web.yaml': manifests[0], 'bad.yaml': mutate(manifests[0], [{ op: 'insert', at: 40, text: '-' }]) };
  let c!: Console;
  lines.forEach((text, i) => {
    if (i % 200 === 0) {
      c = new Console(new Cluster({ seed: runSeed + i }).boot(), { readFile: (p) => files[p] });
      c.run('kubectl apply -f web.yaml');
      c.run('kubectl run client --image=busybox -- sleep 3600');
      c.run('sleep 5');
    }
    const t = performance.now();
    let result;
    try {
      result = c.run(text);
    } catch (e) {
      expect.fail(`console.run(${JSON.stringify(text)}) threw ${(e as Error).stack}`);
    }
    const out = result.stdout + result.stderr;
    check(`console.run(${JSON.stringify(text)})`, out, performance.now() - t);
    hash.update(`${text}\n${out}\n${result.exitCode}\n`);
  });
  return hash.digest('hex');
}

/** Applies (or dry-runs) `count` mutated manifests; returns a digest of what was printed. */
function fuzzManifests(runSeed: number, count: number): string {
  const hash = createHash('sha256');
  const cases = fc.sample(manifestCase, { seed: runSeed, numRuns: count });
  let cluster!: Cluster;
  let c!: Console;
  let text = '';
  cases.forEach(([index, steps, dryRun], i) => {
    if (i % 100 === 0) {
      cluster = new Cluster({ seed: runSeed + i }).boot();
      c = new Console(cluster, { readFile: () => text });
    }
    text = mutate(manifests[index], steps);
    const t = performance.now();
    let out: string;
    try {
      if (dryRun) {
        const before = cluster.store.resourceVersion;
        const { problems, documents } = dryRunManifests(cluster, text, 'm.yaml');
        // A dry run writes nothing.
        expect(cluster.store.resourceVersion).toBe(before);
        out = JSON.stringify({ problems, documents: documents.map((d) => [d.document, d.outcome]) });
      } else {
        const r = c.run('kubectl apply -f m.yaml');
        out = r.stdout + r.stderr;
      }
    } catch (e) {
      expect.fail(`applying a mutated ${manifestFiles[index]} threw ${(e as Error).stack}\n--- manifest:\n${text}`);
    }
    check(`applying a mutated ${manifestFiles[index]}\n--- manifest:\n${text}\n---`, out, performance.now() - t);
    hash.update(`${text}\n${out}\n`);
    if (i % 10 === 9) c.run('sleep 2');
  });
  return hash.digest('hex');
}

describe(`fuzzing the console and kubectl apply (seed ${seed})`, () => {
  it(`${consoleLines} random console lines: no exception, no hang, no leaked JavaScript values`, () => {
    fuzzConsole(seed, consoleLines);
  }, 300_000);

  it(`${manifestRuns} mutated manifests, applied and dry-run: the same`, () => {
    fuzzManifests(seed, manifestRuns);
  }, 300_000);

  it('the same seed prints the same', () => {
    expect(fuzzConsole(seed + 1, 400)).toBe(fuzzConsole(seed + 1, 400));
    expect(fuzzManifests(seed + 1, 200)).toBe(fuzzManifests(seed + 1, 200));
  }, 300_000);
});
