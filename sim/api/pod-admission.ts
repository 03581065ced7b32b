import type { Store } from '../core/store';
import type { Rng } from '../core/rng';
import { ApiError } from '../core/api-error';
import type { Pod, ServiceAccount, Volume } from './types';
import { DefaultServiceAccountName } from '../controllers/serviceaccounts';

/**
 * Two of the API server's admission plugins that fill in every new Pod:
 * - Priority: `priority` from the Pod's priorityClassName (0 without one, as no PriorityClass is
 *   the global default) and `preemptionPolicy: PreemptLowerPriority`; a class that does not exist
 *   is refused. The two system classes exist in every cluster. Sources:
 *   plugin/pkg/admission/priority/admission.go (admitPod), pkg/apis/scheduling/types.go
 *   (SystemCriticalPriority = 2000000000; system-node-critical is 1000 above it).
 * - ServiceAccount: `serviceAccountName: default` when none is named, the deprecated
 *   `serviceAccount` kept equal to it; a Pod whose account does not exist is refused. Unless
 *   automountServiceAccountToken is false (the Pod's, else the account's), the projected
 *   `kube-api-access-<5 random>` volume (a token, the cluster's CA, the namespace) is mounted
 *   read-only at /var/run/secrets/kubernetes.io/serviceaccount in every container that has
 *   nothing there yet; a Pod without imagePullSecrets gets the account's. Source:
 *   plugin/pkg/admission/serviceaccount/admission.go (Admit, shouldAutomount,
 *   mountServiceAccountToken, TokenVolumeSource: expirationSeconds 3607).
 */
const systemPriorityClasses: Record<string, number> = {
  'system-cluster-critical': 2_000_000_000,
  'system-node-critical': 2_000_001_000,
};

const serviceAccountMountPath = '/var/run/secrets/kubernetes.io/serviceaccount';
const tokenVolumePrefix = 'kube-api-access-';

export function installPodAdmission(store: Store, rng: Rng): void {
  store.addAdmission('Pod', (obj, old) => {
    if (old) return;
    const pod = obj as Pod;
    if (!pod.spec) return;
    admitPriority(pod);
    admitServiceAccount(store, pod, () => tokenVolumePrefix + rng.stream('service-account-volumes').suffix(5));
  });
}

function admitPriority(pod: Pod): void {
  const spec = pod.spec;
  const className = spec.priorityClassName;
  const forbidden = (why: string) => new ApiError('Forbidden', `pods "${pod.metadata.name}" is forbidden: ${why}`);
  if (className && systemPriorityClasses[className] === undefined) throw forbidden(`no PriorityClass with name ${className} was found`);
  const priority = className ? systemPriorityClasses[className] : 0;
  if (spec.priority !== undefined && spec.priority !== priority) {
    throw forbidden(`the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== 'PreemptLowerPriority') {
    throw forbidden(`the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name`);
  }
  spec.priority = priority;
  spec.preemptionPolicy = 'PreemptLowerPriority';
}

function admitServiceAccount(store: Store, pod: Pod, volumeName: () => string): void {
  const spec = pod.spec;
  spec.serviceAccountName ||= spec.serviceAccount || DefaultServiceAccountName;
  spec.serviceAccount = spec.serviceAccountName;
  const namespace = pod.metadata.namespace ?? 'default';
  // Missing from its cache, the plugin asks again, ten times 100–200 ms apart for `default`
  // (getServiceAccount): time in which the serviceaccounts controller creates `default` in a new
  // namespace. Here both happen at one instant, so a missing `default` is the fresh one it writes.
  const account: Partial<ServiceAccount> | undefined = store.get<ServiceAccount>('ServiceAccount', namespace, spec.serviceAccountName) ?? (spec.serviceAccountName === DefaultServiceAccountName ? {} : undefined);
  if (!account) {
    throw new ApiError('Forbidden', `pods "${pod.metadata.name}" is forbidden: error looking up service account ${namespace}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`);
  }
  if (!spec.imagePullSecrets?.length && account.imagePullSecrets?.length) spec.imagePullSecrets = account.imagePullSecrets.map(({ name }) => ({ name }));
  if ((spec.automountServiceAccountToken ?? account.automountServiceAccountToken) === false) return;
  const existing = spec.volumes?.find((v) => v.name.startsWith(tokenVolumePrefix));
  const name = existing?.name ?? volumeName();
  let needed = false;
  for (const c of spec.containers ?? []) {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === serviceAccountMountPath)) continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), { name, readOnly: true, mountPath: serviceAccountMountPath }];
    needed = true;
  }
  if (needed && !existing) spec.volumes = [...(spec.volumes ?? []), tokenVolume(name)];
}

/** TokenVolumeSource sets defaultMode itself (0644), rather than leave it to defaulting (kubernetes#104464). */
function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
      defaultMode: 420,
    },
  };
}
