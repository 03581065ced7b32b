import type { Secret } from '../types';

/** SetDefaults_Secret (pkg/apis/core/v1/defaults.go): a Secret without a type is `Opaque`. */
export function setSecretDefaults(secret: Secret): void {
  secret.type ||= 'Opaque';
}
