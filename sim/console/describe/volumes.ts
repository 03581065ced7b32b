import type { Volume } from '../../api/types';
import type { PrefixWriter } from './prefix-writer';

/**
 * The Volumes section of `kubectl describe pod`, for the sources the engine models.
 * Source: k8s.io/kubectl/pkg/describe/describe.go (describeVolumes, printEmptyDirVolumeSource,
 * printSecretVolumeSource, printConfigMapVolumeSource, printProjectedVolumeSource).
 */
export function writeVolumes(w: PrefixWriter, volumes: Volume[] | undefined, space = ''): void {
  if (!volumes?.length) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.emptyDir) {
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit || '<unset>'}\n`);
    } else if (v.secret) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`);
    } else if (v.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`);
    } else if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const source of v.projected.sources ?? []) {
        if (source.secret) w.write(2, `SecretName:\t${source.secret.name ?? ''}\n    SecretOptionalName:\t${optionalPointer(source.secret.optional)}\n`);
        else if (source.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (source.configMap) w.write(2, `ConfigMapName:\t${source.configMap.name ?? ''}\n    ConfigMapOptional:\t${optionalPointer(source.configMap.optional)}\n`);
        else if (source.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3600}\n`);
      }
    } else {
      w.write(1, '<unknown>\n');
    }
  }
}

/**
 * A projected source's `optional`, which describe.go prints with %v of a *bool: `<nil>` when unset
 * (as in every kube-api-access volume). Set, Go prints the pointer's address; the value stands in.
 */
function optionalPointer(optional: boolean | undefined): string {
  return optional === undefined ? '<nil>' : String(optional);
}
