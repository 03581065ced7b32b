import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { applyManifests } from '../../../sim/api/apply';
import { dryRunManifests } from '../../../sim/api/dry-run';

const service = (port: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: ${port}
`;

describe('server-side dry run of a manifest file', () => {
  it('writes nothing and says what each document would become', () => {
    const cluster = new Cluster();
    const before = cluster.store.resourceVersion;
    const { problems, documents } = dryRunManifests(cluster, service('80'), 'svc.yaml');
    expect(problems).toEqual([]);
    expect(cluster.store.resourceVersion).toBe(before);
    expect(documents.map((d) => [d.document, d.outcome, d.object.metadata.name, d.live])).toEqual([[1, 'created', 'web', undefined]]);
    // Defaulted as the API server would: the Service gets its type.
    expect((documents[0].object as unknown as { spec: { type: string } }).spec.type).toBe('ClusterIP');
  });

  it('holds the live object beside the merged one for a change', () => {
    const cluster = new Cluster();
    applyManifests(cluster, service('80'), 'svc.yaml');
    const [doc] = dryRunManifests(cluster, service('8080'), 'svc.yaml').documents;
    expect(doc.outcome).toBe('configured');
    expect(doc.live?.metadata.name).toBe('web');
    expect(JSON.stringify(doc.live)).toContain('"port":80');
    expect(JSON.stringify(doc.object)).toContain('"port":8080');
  });

  it('places each problem at its line and column, apart from kubectl\'s words', () => {
    const text = `${service('80')}---\n${service('99999').replace('name: web', 'name: api')}---\nkind: Deploymnt\napiVersion: apps/v1\nmetadata: {name: x}\n`;
    const { problems } = dryRunManifests(new Cluster(), text, 'two.yaml');
    expect(problems.map(({ line, col, document }) => ({ line, col, document }))).toEqual([
      { line: 19, col: 11, document: 2 },
      // targetPort defaults to port, so the API server refuses it too, at the port item.
      { line: 19, col: 5, document: 2 },
      { line: 21, col: 7, document: 3 },
    ]);
    expect(problems[0].message).toMatch(/^The Service "api" is invalid: spec.ports\[0\].port: Invalid value: 99999/);
    expect(problems[2]).toMatchObject({ detail: 'ensure CRDs are installed first', field: 'kind' });
    expect(problems[2].message).not.toContain('two.yaml:');
  });

  it('a YAML syntax error is a problem too, at the place the Go parser points', () => {
    const { problems, documents } = dryRunManifests(new Cluster(), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   labels: x\n', 'bad.yaml');
    expect(documents).toEqual([]);
    expect(problems).toEqual([
      { message: 'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context', line: 5, col: 10, document: 1 },
    ]);
  });
});
