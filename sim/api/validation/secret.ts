import type { Secret } from '../types';
import { invalid, required, tooLong, type FieldError } from './field-error';
import { isConfigMapKey } from './names';
import { maxConfigMapBytes } from './config-map';
import { decodedBase64Length } from '../base64';

/**
 * The Secret types whose keys the API server checks. Source: kubernetes/kubernetes
 * pkg/apis/core/types.go (SecretTypeTLS, TLSCertKey, TLSPrivateKeyKey, SecretTypeBasicAuth, …).
 */
export const SecretTypeTLS = 'kubernetes.io/tls';
export const TLSCertKey = 'tls.crt';
export const TLSPrivateKeyKey = 'tls.key';

/**
 * ValidateSecret (pkg/apis/core/validation/validation.go) for the types the engine knows: every key a
 * valid config key, at most 1 MiB in all, and a `kubernetes.io/tls` Secret has `tls.crt` and `tls.key`
 * (`data[tls.crt]: Required value`). Keys are checked in sorted order, so messages are stable.
 */
export function validateSecret(secret: Secret): FieldError[] {
  const errs: FieldError[] = [];
  const data = secret.data ?? {};
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(`data[${key}]`, key, m));
    total += decodedBase64Length(data[key]);
  }
  if (total > maxConfigMapBytes) errs.push(tooLong('data', maxConfigMapBytes));
  if (secret.type === SecretTypeTLS) {
    if (!(TLSCertKey in data)) errs.push(required(`data[${TLSCertKey}]`));
    if (!(TLSPrivateKeyKey in data)) errs.push(required(`data[${TLSPrivateKeyKey}]`));
  }
  return errs;
}
