/**
 * A field-level validation error, printed as the API server prints it:
 * `spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
 * Wording: k8s.io/apimachinery/pkg/util/validation/field/errors.go. Since Kubernetes 1.34 a
 * composite bad value is rendered as JSON (`{"app":"web"}`), not Go syntax (kubernetes/kubernetes#132314).
 */
export interface FieldError {
  type: 'Required value' | 'Invalid value' | 'Unsupported value' | 'Duplicate value' | 'Not found' | 'Forbidden' | 'Too many' | 'Too long';
  field: string;
  value?: unknown;
  detail?: string;
}

export const required = (field: string, detail = ''): FieldError => ({ type: 'Required value', field, detail });
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid value', field, value, detail });
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'Duplicate value', field, value });
export const notFound = (field: string, value: unknown): FieldError => ({ type: 'Not found', field, value });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
/** `Too many: 1001: must have at most 1000 items` */
export const tooMany = (field: string, actual: number, max: number): FieldError => ({ type: 'Too many', field, value: actual, detail: `must have at most ${max} items` });

/** `Too long: must have at most 262144 bytes`: the value itself is not printed (errors.go TooLong). */
export const tooLong = (field: string, max: number): FieldError => ({ type: 'Too long', field, detail: `must have at most ${max} bytes` });

/** `Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"` */
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return { type: 'Unsupported value', field, value, detail: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` };
}

/** The message for one field error, as `Error()` returns it. */
export function formatFieldError(e: FieldError): string {
  let body: string = e.type;
  if (e.type !== 'Required value' && e.type !== 'Forbidden' && e.type !== 'Too long') body += `: ${formatValue(e.value)}`;
  if (e.detail) body += `: ${e.detail}`;
  return `${e.field}: ${body}`;
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(sortKeys(value));
}

/** Go's json.Marshal writes map keys in sorted order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
