import type { ObjectMeta } from '../types';
import { invalid, required, tooLong, type FieldError } from './field-error';
import { utf8Length } from './config-map';
import { validateLabels } from './common';
import { isDNS1123Label, isQualifiedName } from './names';

/** How a kind's names are checked: ValidateXName in pkg/apis/…/validation. */
export type NameCheck = (name: string) => string[];

/**
 * ValidateObjectMeta (apimachinery api/validation/objectmeta.go): the name in the kind's format,
 * the namespace as an RFC 1123 label, labels.
 */
export function validateObjectMeta(meta: ObjectMeta, nameCheck: NameCheck, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name && !meta.generateName) errs.push(required('metadata.name', 'name or generateName is required'));
  else if (meta.name) for (const m of nameCheck(meta.name)) errs.push(invalid('metadata.name', meta.name, m));
  if (namespaced && meta.namespace) for (const m of isDNS1123Label(meta.namespace)) errs.push(invalid('metadata.namespace', meta.namespace, m));
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations ?? {}));
  return errs;
}

/** All annotations of an object together, keys and values (apimachinery TotalAnnotationSizeLimitB, 256 KiB). */
export const totalAnnotationSizeLimitBytes = 256 * 1024;

/**
 * ValidateAnnotations (apimachinery api/validation/objectmeta.go): each key a qualified name, case
 * aside; keys and values together at most 256 KiB — why `kubectl apply` of a large ConfigMap fails,
 * its last-applied-configuration annotation holding the whole object.
 */
function validateAnnotations(annotations: Record<string, string>): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid('metadata.annotations', k, m));
    size += utf8Length(k) + utf8Length(v);
  }
  if (size > totalAnnotationSizeLimitBytes) errs.push(tooLong('metadata.annotations', totalAnnotationSizeLimitBytes));
  return errs;
}
