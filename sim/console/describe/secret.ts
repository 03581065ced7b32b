import type { Secret } from '../../api/types';
import { decodedBase64Length } from '../../api/base64';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer';

/**
 * `kubectl describe secret`, following describeSecret in k8s.io/kubectl/pkg/describe/describe.go:
 * never the values, only each key's size in bytes (keys sorted here; Go's map order is random).
 */
export function describeSecret(secret: Secret): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${secret.metadata.name}\n`);
  w.write(0, `Namespace:\t${secret.metadata.namespace}\n`);
  writeLabels(w, 'Labels', secret.metadata.labels);
  writeAnnotations(w, 'Annotations', secret.metadata.annotations);
  w.write(0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(secret.data ?? {}).sort()) w.write(0, `${k}:\t${decodedBase64Length(secret.data![k])} bytes\n`);
  return w.toString();
}
