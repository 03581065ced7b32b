import type { ConfigMap } from '../types';
import { invalid, tooLong, type FieldError } from './field-error';
import { isConfigMapKey } from './names';

/** The most a ConfigMap (or Secret) may hold, all values together (pkg/apis/core/types.go MaxSecretSize). */
export const maxConfigMapBytes = 1024 * 1024;

/**
 * ValidateConfigMap (pkg/apis/core/validation/validation.go): every key of data and binaryData a
 * config key, no key in both, and at most 1 MiB of values, reported on the whole object as `[]`.
 * Go walks the maps in random order; keys are taken sorted here, so the messages come in one order.
 */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs: FieldError[] = [];
  const data = cm.data ?? {};
  const binary = (cm as { binaryData?: Record<string, string> }).binaryData ?? {};
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(`data[${key}]`, key, m));
    if (Object.hasOwn(binary, key)) errs.push(invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
    total += utf8Length(data[key]);
  }
  for (const key of Object.keys(binary).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(`binaryData[${key}]`, key, m));
    // binaryData values travel base64-encoded; the limit counts the decoded bytes.
    total += Math.floor((binary[key].replace(/=+$/, '').length * 3) / 4);
  }
  if (total > maxConfigMapBytes) errs.push(tooLong('[]', maxConfigMapBytes));
  return errs;
}

/** Bytes of a string in UTF-8, as Go's len() counts a string. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && !(c >= 0xd800 && c <= 0xdfff) ? 2 : 1;
  }
  return n;
}
