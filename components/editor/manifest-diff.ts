import { structuredPatch } from 'diff';
import type { DryRunDocument } from '../../sim/api/dry-run';
import { toYaml } from '../../sim/console/printers/yaml-json';

/** One line of a unified diff: kept (' '), removed ('-'), added ('+'), or a hunk header ('@'). */
export interface DiffLine {
  mark: ' ' | '-' | '+' | '@';
  text: string;
}

/** What applying one document would change in its object. */
export interface ObjectDiff {
  /** kubectl diff's name for the object: `apps.v1.Deployment.default.web`. */
  name: string;
  outcome: DryRunDocument['outcome'];
  lines: DiffLine[];
}

/**
 * The live object against the object applying the edited document would write, as `kubectl diff`
 * compares them: both as YAML, `metadata.managedFields` left out, three lines of context. A new
 * object is all additions; an unchanged one has no lines.
 */
export function manifestDiff(documents: DryRunDocument[]): ObjectDiff[] {
  return documents.map((d) => {
    const name = diffName(d);
    const before = d.live ? toYaml(withoutManagedFields(d.live)) : '';
    const after = toYaml(withoutManagedFields(d.object));
    const patch = structuredPatch(`live/${name}`, `edited/${name}`, before, after, '', '', { context: 3 });
    const lines: DiffLine[] = [];
    for (const h of patch.hunks) {
      lines.push({ mark: '@', text: `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@` });
      for (const l of h.lines) if (l[0] === ' ' || l[0] === '-' || l[0] === '+') lines.push({ mark: l[0], text: l.slice(1) });
    }
    return { name, outcome: d.outcome, lines };
  });
}

/** `group.version.Kind.namespace.name`, as kubectl diff names the files it compares (pkg/cmd/diff InfoObject.Name). */
function diffName(d: DryRunDocument): string {
  const [group, version] = d.info.apiVersion.includes('/') ? d.info.apiVersion.split('/') : ['', d.info.apiVersion];
  return `${group ? `${group}.` : ''}${version}.${d.info.kind}.${d.object.metadata.namespace ?? ''}.${d.object.metadata.name}`;
}

function withoutManagedFields(o: object): object {
  const { metadata, ...rest } = o as { metadata: Record<string, unknown> };
  const { managedFields: _, ...meta } = metadata;
  return { ...rest, metadata: meta };
}
