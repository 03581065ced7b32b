import type { LabelSelector, Labels } from '../types';
import { invalid, notSupported, type FieldError } from './field-error';
import { isLabelKey, isLabelValue, isValidPortName, isValidPortNum } from './names';

/** ValidateNonnegativeField (pkg/apis/core/validation). */
export function nonNegative(value: number | undefined, field: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(field, value, 'must be greater than or equal to 0')] : [];
}

/** ValidateLabels (apimachinery metav1 validation): errors point at the map, not at the key. */
export function validateLabels(labels: Labels | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of isLabelKey(k)) errs.push(invalid(field, k, m));
    for (const m of isLabelValue(v)) errs.push(invalid(field, v, m));
  }
  return errs;
}

const selectorOperators = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabelSelector (apimachinery metav1 validation). */
export function validateLabelSelector(selector: LabelSelector | undefined, field: string): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, `${field}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((req, i) => {
    const at = `${field}.matchExpressions[${i}]`;
    const values = req.values ?? [];
    if (!selectorOperators.includes(req.operator)) errs.push(notSupported(`${at}.operator`, req.operator ?? '', selectorOperators));
    else if ((req.operator === 'In' || req.operator === 'NotIn') && values.length === 0) {
      errs.push({ type: 'Required value', field: `${at}.values`, detail: 'must be specified when `operator` is \'In\' or \'NotIn\'' });
    } else if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && values.length > 0) {
      errs.push({ type: 'Forbidden', field: `${at}.values`, detail: 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'' });
    }
    for (const m of isLabelKey(req.key ?? '')) errs.push(invalid(`${at}.key`, req.key ?? '', m));
  });
  return errs;
}

/** A port given as a number (1–65535) or as a port name (an IANA_SVC_NAME). */
export function validatePortNumOrName(port: number | string | undefined, field: string): FieldError[] {
  if (port === undefined) return [];
  const msgs = typeof port === 'number' ? isValidPortNum(port) : isValidPortName(port);
  return msgs.map((m) => invalid(field, port, m));
}

/** Protocols a port may carry: supported values as the API server lists them. */
export const protocols = ['SCTP', 'TCP', 'UDP'] as const;

export function validateProtocol(protocol: string | undefined, field: string): FieldError[] {
  return protocol !== undefined && !(protocols as readonly string[]).includes(protocol) ? [notSupported(field, protocol, protocols)] : [];
}
