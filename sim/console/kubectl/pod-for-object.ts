import type { Deployment, KubeObject, LabelSelector, Pod, ReplicaSet, Service } from '../../api/types';
import { matchesSelector } from '../../api/labels';
import { compareActivePods, isPodReady, maxContainerRestarts, readyTime } from '../../controllers/pod-util';
import type { Store } from '../../core/store';
import { kindInfo } from '../../core/kinds';
import { ApiError } from '../../core/api-error';
import type { ExecResult } from '../../node/programs';
import { kubectlError } from '../result';
import { listSorted, parseResourceArgs } from './resources';

/**
 * The Pod that `kubectl exec deploy/web` or `kubectl logs svc/web` works on: kubectl lists the
 * Pods the object's selector matches, sorts them and takes the first.
 * - exec (attachablePodForObject) takes the most established Pod: scheduled, Running, Ready for
 *   longest, fewest restarts, oldest (`sort.Reverse(podutils.ActivePods)`);
 * - logs (logsForObject) takes the one whose log is most worth reading: scheduled, Running, Ready
 *   for longest, most restarts, oldest (`podutils.ByLogging`).
 * The list comes in name order (etcd's key order) and Go's sort of a short slice is an insertion
 * sort, so Pods that compare equal keep that order: a stable sort here.
 * Objects with no Pod selector get `selector for *v1.ConfigMap not implemented`; a Service without
 * one `invalid service 'x': Service is defined without a selector`.
 * Source: staging/src/k8s.io/kubectl/pkg/polymorphichelpers (attachablepodforobject.go,
 * logsforobject.go, helpers.go SelectorsForObject and GetFirstPod), kubectl/pkg/util/podutils/podutils.go.
 */
export type PodChoice = 'exec' | 'logs';

/** How long kubectl waits for a first Pod to appear (--pod-running-timeout): exec.go defaultPodExecTimeout, logs.go defaultPodLogsTimeout. */
const podWaitMs: Record<PodChoice, number> = { exec: 60_000, logs: 20_000 };

/**
 * Resolves `TYPE/NAME` (`deploy/web`, `svc/web`, `pod/web`) in `namespace` to its Pod, with the
 * notice kubectl prints on stderr (logs says which of several Pods it took), or what kubectl
 * prints when it cannot: the resource builder's errors, the API server's NotFound, the missing
 * selector, or, when no Pod matches, the wait for one running out.
 */
export function podForArg(store: Store, arg: string, namespace: string, choice: PodChoice): { pod: Pod; notice: string } | ExecResult {
  const requests = parseResourceArgs([arg]);
  if (!Array.isArray(requests)) return requests;
  const [{ info, names }] = requests;
  const object = store.get(info.kind, info.namespaced ? namespace : '', names[0]);
  if (!object) return { stdout: '', stderr: `${ApiError.notFound(info.kind, names[0])}\n`, exitCode: 1 };
  if (object.kind === 'Pod') return { pod: object as Pod, notice: '' };
  const selector = selectorOf(object);
  if (typeof selector === 'string') return kubectlError(`${choice === 'exec' ? 'cannot attach to' : 'cannot get the logs from'} ${goType(object)}: ${selector}`);
  const pods = listSorted<Pod>(store, kindInfo('Pod')!, namespace).filter((p) => matchesSelector(p.metadata.labels, selector));
  // GetPodList watches for a first Pod until the timeout; the engine's clock lets that time pass.
  if (pods.length === 0) return { ...kubectlError('timed out waiting for the condition'), elapsedMs: podWaitMs[choice] };
  const pod = pods.sort(choice === 'exec' ? (a, b) => compareActivePods(b, a) : compareByLogging)[0];
  return { pod, notice: choice === 'logs' && pods.length > 1 ? `Found ${pods.length} pods, using pod/${pod.metadata.name}\n` : '' };
}

/** The Pod selector of a workload or Service (SelectorsForObject), or why there is none. */
function selectorOf(object: KubeObject): LabelSelector | string {
  switch (object.kind) {
    case 'Deployment':
      return (object as Deployment).spec.selector;
    case 'ReplicaSet':
      return (object as ReplicaSet).spec.selector;
    case 'Service': {
      const selector = (object as Service).spec.selector;
      if (!selector || Object.keys(selector).length === 0) return `invalid service '${object.metadata.name}': Service is defined without a selector`;
      return { matchLabels: selector };
    }
    default:
      return `selector for ${goType(object)} not implemented`;
  }
}

/** The Go type kubectl's messages print with %T: every kind the engine serves is in a `v1` package. */
function goType(object: KubeObject): string {
  return `*v1.${object.kind}`;
}

const loggingPhase: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** podutils.ByLogging: scheduled, Running < Unknown < Pending, Ready, Ready for longer, more restarts, older first. */
function compareByLogging(a: Pod, b: Pod): number {
  const an = a.spec.nodeName ?? '';
  const bn = b.spec.nodeName ?? '';
  if (an !== bn && (!an || !bn)) return an ? -1 : 1;
  // Go reads a phase missing from its map (Succeeded, Failed) as 0, the same as Running.
  const ap = loggingPhase[a.status?.phase ?? ''] ?? 0;
  const bp = loggingPhase[b.status?.phase ?? ''] ?? 0;
  if (ap !== bp) return ap - bp;
  const ar = isPodReady(a);
  const br = isPodReady(b);
  if (ar !== br) return ar ? -1 : 1;
  if (ar && br) {
    const at = readyTime(a);
    const bt = readyTime(b);
    if (at !== bt) return at < bt ? -1 : 1;
  }
  const ac = maxContainerRestarts(a);
  const bc = maxContainerRestarts(b);
  if (ac !== bc) return bc - ac;
  const ak = a.metadata.creationTimestamp ?? '';
  const bk = b.metadata.creationTimestamp ?? '';
  if (ak !== bk) return ak < bk ? -1 : 1;
  return 0;
}
