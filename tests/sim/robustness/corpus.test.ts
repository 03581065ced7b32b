import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';

/**
 * A corpus of bad inputs (corpus/apply.json: manifests for `kubectl apply -f`; corpus/console.json:
 * command lines), each with what the real tool prints and where in upstream's source that message
 * comes from. The console prints kubectl's text exactly, with no position in the file appended (the
 * editor marks that). A refused object leaves the cluster as it was.
 */
interface ApplyCase {
  name: string;
  /** The file; `{{0}}`, `{{1}}` stand for `repeat[i].text` repeated `repeat[i].times` times. */
  file: string;
  repeat?: { text: string; times: number }[];
  stdout?: string;
  stderr?: string;
  source: string;
}
interface ConsoleCase {
  line: string;
  stdout?: string;
  stderr?: string;
  source: string;
}

const dir = join(import.meta.dirname, 'corpus');
const applyCases: ApplyCase[] = JSON.parse(readFileSync(join(dir, 'apply.json'), 'utf8'));
const consoleCases: ConsoleCase[] = JSON.parse(readFileSync(join(dir, 'console.json'), 'utf8'));

/** What a reader could see of the cluster's objects: every kind a manifest may create, with versions. */
const watched = ['Namespace', 'ConfigMap', 'Service', 'Deployment', 'ReplicaSet', 'Pod', 'NetworkPolicy', 'EndpointSlice', 'Endpoints'];
function snapshot(cluster: Cluster): string[] {
  return watched.flatMap((kind) => cluster.store.list(kind).map((o) => `${kind} ${o.metadata.namespace ?? ''}/${o.metadata.name} ${o.metadata.resourceVersion}`));
}

describe('the corpus of bad inputs: the real tools\' messages', () => {
  it('holds at least 100 inputs, each with its upstream source', () => {
    expect(applyCases.length + consoleCases.length).toBeGreaterThanOrEqual(100);
    for (const c of [...applyCases, ...consoleCases]) expect(c.source, JSON.stringify(c).slice(0, 80)).toMatch(/\S/);
  });

  for (const c of applyCases) {
    it(`kubectl apply -f ${c.name}.yaml`, () => {
      const text = (c.repeat ?? []).reduce((t, r, i) => t.replace(`{{${i}}}`, r.text.repeat(r.times)), c.file);
      const cluster = new Cluster({ seed: 1 }).boot();
      const console = new Console(cluster, { readFile: () => text });
      const before = snapshot(cluster);
      const result = console.run(`kubectl apply -f ${c.name}.yaml`);
      expect(result.stdout).toBe(c.stdout ?? '');
      expect(result.stderr).toBe(c.stderr ?? '');
      if (!c.stdout) {
        expect(result.exitCode).toBe(1);
        // Refused: nothing of it was written, nothing else changed.
        expect(snapshot(cluster)).toEqual(before);
      }
    });
  }

  describe('command lines, on a cluster running Deployment web and a client Pod', () => {
    const console = new Console(new Cluster({ seed: 1 }).boot(), { readFile: () => undefined });
    for (const line of ['kubectl create deployment web --image=nginx', 'kubectl run client --image=busybox -- sleep 3600', 'sleep 5']) console.run(line);
    // What the reader declared; Pods and what follows them change as the kubelets run.
    const declared = () => snapshot(console.cluster).filter((s) => !/^(Pod|ReplicaSet|EndpointSlice|Endpoints) /.test(s));
    for (const c of consoleCases) {
      it(c.line, () => {
        const before = declared();
        const result = console.run(c.line);
        expect(result.stdout).toBe(c.stdout ?? '');
        expect(result.stderr).toBe(c.stderr ?? '');
        expect(result.exitCode).not.toBe(0);
        expect(declared()).toEqual(before);
      });
    }
  });
});
