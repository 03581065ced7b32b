import type { ObjectMeta } from '../types';
import { invalid, required, type FieldError } from './field-error';
import { validateLabels } from './common';
import { isDNS1123Label } from './names';

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
  return errs;
}
