import { describe, expect, it } from 'vitest';
import { Cluster } from '../../sim/cluster';
import { applyManifests } from '../../sim/api/apply';
import { dryRunManifests } from '../../sim/api/dry-run';
import { manifestDiff } from '../../components/editor/manifest-diff';
import { problemRange } from '../../components/editor/problem-range';

const service = (port: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: ${port}\n`;

describe('the manifest editor: diff and problem marks', () => {
  it('a new object is all additions, named as kubectl diff names it', () => {
    const [d] = manifestDiff(dryRunManifests(new Cluster(), service(80), 'svc.yaml').documents);
    expect(d.name).toBe('v1.Service.default.web');
    expect(d.outcome).toBe('created');
    expect(d.lines.filter((l) => l.mark === '-')).toEqual([]);
    expect(d.lines).toContainEqual({ mark: '+', text: '  - port: 80' });
  });

  it('a change shows the live line removed and the edited one added; no change, no lines', () => {
    const cluster = new Cluster();
    applyManifests(cluster, service(80), 'svc.yaml');
    const [changed] = manifestDiff(dryRunManifests(cluster, service(8080), 'svc.yaml').documents);
    // As kubectl diff shows it: the last-applied annotation changes too, and targetPort, which
    // the API server defaulted from port.
    expect(changed.lines.filter((l) => l.mark === '-' || l.mark === '+').map((l) => `${l.mark}${l.text.trim()}`)).toEqual([
      expect.stringMatching(/^-\{"apiVersion":"v1".*"port":80\}/),
      expect.stringMatching(/^\+\{"apiVersion":"v1".*"port":8080\}/),
      '-- port: 80',
      '+- port: 8080',
      '-targetPort: 80',
      '+targetPort: 8080',
    ]);
    const [same] = manifestDiff(dryRunManifests(cluster, service(80), 'svc.yaml').documents);
    expect(same).toMatchObject({ outcome: 'unchanged', lines: [] });
  });

  it('a problem is marked from its column to the end of the word there, clamped to the text', () => {
    const text = 'kind: Deploymnt\nspec:\n  replicas: x\n';
    expect(problemRange(text, { line: 1, col: 7 })).toEqual({ from: 6, to: 15 });
    expect(text.slice(...Object.values(problemRange(text, { line: 3, col: 3 })))).toBe('replicas');
    expect(problemRange(text, { line: 99, col: 99 })).toEqual({ from: text.length, to: text.length });
  });
});
