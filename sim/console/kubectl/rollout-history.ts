import type { Deployment, ReplicaSet } from '../../api/types';
import { PodTemplateHashLabel, RevisionAnnotation, revisionOf } from '../../controllers/deployment-util';
import { deepEqual } from '../../core/store';
import type { Store } from '../../core/store';
import type { ExecResult } from '../../node/programs';
import { writePodTemplate } from '../describe/containers';
import { PrefixWriter } from '../describe/prefix-writer';
import { describeOptions, tabwrite } from '../printers/tabwriter';
import { kubectlError } from '../result';
import { changeCauseAnnotation } from './label';

/** The ReplicaSets a Deployment controls, by revision (deploymentutil.GetAllReplicaSets + Revision). */
function revisions(store: Store, d: Deployment): Map<number, ReplicaSet> {
  const byRevision = new Map<number, ReplicaSet>();
  for (const rs of store.list<ReplicaSet>('ReplicaSet', d.metadata.namespace)) {
    if (!rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid)) continue;
    if (rs.metadata.annotations?.[RevisionAnnotation] !== undefined) byRevision.set(revisionOf(rs), rs);
  }
  return byRevision;
}

/**
 * `kubectl rollout history deployment/NAME [--revision=N]`: the object's name, then a REVISION /
 * CHANGE-CAUSE table (kubernetes.io/change-cause of each revision's ReplicaSet, `<none>` when
 * unset), then a blank line; with --revision, that revision's pod template.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go and
 * polymorphichelpers/history.go (DeploymentHistoryViewer, tabbedString: minwidth 0, padding 2).
 */
export function rolloutHistory(store: Store, d: Deployment, kind: string, revision: number): ExecResult {
  const history = revisions(store, d);
  const name = `${kind}/${d.metadata.name}`;
  if (history.size === 0) return { stdout: `${name}\nNo rollout history found.\n`, stderr: '', exitCode: 0 };
  if (revision > 0) {
    const rs = history.get(revision);
    if (!rs) return kubectlError('unable to find the specified revision');
    const w = new PrefixWriter();
    writePodTemplate(w, rs.spec.template);
    return { stdout: `${name} with revision #${revision}\n${w.toString()}\n`, stderr: '', exitCode: 0 };
  }
  const rows = [...history.entries()].sort(([a], [b]) => a - b).map(([r, rs]) => `${r}\t${rs.metadata.annotations?.[changeCauseAnnotation] || '<none>'}\n`);
  return { stdout: `${name}\n${tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, describeOptions)}\n`, stderr: '', exitCode: 0 };
}

/**
 * `kubectl rollout undo deployment/NAME [--to-revision=N]`: copies the pod template of the previous
 * revision (or of revision N), without its pod-template-hash label, back into the Deployment,
 * which then rolls out again under a new revision number.
 * Source: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go (DeploymentRollbacker).
 */
export function rolloutUndo(store: Store, d: Deployment, kind: string, toRevision: number): ExecResult {
  const history = revisions(store, d);
  let target: ReplicaSet | undefined;
  if (toRevision > 0) {
    target = history.get(toRevision);
    if (!target) return kubectlError(`unable to find specified revision ${toRevision} in history`);
  } else {
    const ordered = [...history.keys()].sort((a, b) => b - a);
    target = ordered.length > 1 ? history.get(ordered[1]) : undefined;
    if (!target) return kubectlError(`no rollout history found for deployment "${d.metadata.name}"`);
  }
  const template = structuredClone(target.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[PodTemplateHashLabel];
  const name = `${kind}/${d.metadata.name}`;
  if (deepEqual(template, d.spec.template)) {
    return { stdout: `${name} skipped rollback (current template already matches revision ${revisionOf(target)})\n`, stderr: '', exitCode: 0 };
  }
  store.mutate<Deployment>('Deployment', d.metadata.namespace ?? 'default', d.metadata.name, (draft) => {
    draft.spec.template = template;
  });
  return { stdout: `${name} rolled back\n`, stderr: '', exitCode: 0 };
}
