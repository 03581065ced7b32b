import type { EnvVar, KeySelector } from '../types';
import { invalid, notSupported, required, type FieldError } from './field-error';
import { isConfigMapKey, isDNS1123Subdomain, isQualifiedName } from './names';

/**
 * ValidateEnv and validateEnvVarValueFrom, less resourceFieldRef: a name in printable ASCII
 * without '=' (relaxed validation, on by default since v1.34), and at most one source, never
 * beside a `value`. A fieldRef names one of the fields the downward API gives to environment
 * variables, or one label or annotation by subscript.
 * Source: pkg/apis/core/validation/validation.go (ValidateEnv, validateEnvVarValueFrom,
 * validateObjectFieldSelector, validateConfigMapKeySelector, validateSecretKeySelector);
 * pkg/api/pod/util.go ConvertDownwardAPIFieldLabel.
 */
export function validateEnv(vars: EnvVar[], at: string): FieldError[] {
  const errs: FieldError[] = [];
  vars.forEach((ev, i) => {
    const idx = `${at}[${i}]`;
    if (!ev.name) errs.push(required(`${idx}.name`));
    else if (![...ev.name].every((ch) => ch >= ' ' && ch <= '~' && ch !== '=')) {
      errs.push(invalid(`${idx}.name`, ev.name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    }
    if (ev.valueFrom) errs.push(...validateValueFrom(ev, `${idx}.valueFrom`));
  });
  return errs;
}

/** The fields an environment variable may read without a subscript (validEnvDownwardAPIFieldPathExpressions). */
const envFieldPaths = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
/** What ConvertDownwardAPIFieldLabel accepts for a v1 Pod (spec.host is the old name of spec.nodeName). */
const convertible = ['metadata.annotations', 'metadata.labels', 'spec.restartPolicy', 'spec.schedulerName', 'status.phase', ...envFieldPaths];

function validateValueFrom(ev: EnvVar, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const from = ev.valueFrom!;
  let sources = 0;
  if (from.fieldRef) {
    sources++;
    errs.push(...validateFieldRef(from.fieldRef, `${at}.fieldRef`));
  }
  if (from.configMapKeyRef) {
    sources++;
    errs.push(...validateKeySelector(from.configMapKeyRef, `${at}.configMapKeyRef`));
  }
  if (from.secretKeyRef) {
    sources++;
    errs.push(...validateKeySelector(from.secretKeyRef, `${at}.secretKeyRef`));
  }
  if (sources === 0) errs.push(invalid(at, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  if (ev.value) {
    if (sources !== 0) errs.push(invalid(at, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) errs.push(invalid(at, '', 'may not have more than one field specified at a time'));
  return errs;
}

function validateFieldRef(ref: { apiVersion?: string; fieldPath?: string }, at: string): FieldError[] {
  if (!ref.apiVersion) return [required(`${at}.apiVersion`)];
  if (!ref.fieldPath) return [required(`${at}.fieldPath`)];
  const path = ref.fieldPath === 'spec.host' ? 'spec.nodeName' : ref.fieldPath;
  const subscripted = /^([^[]+)\['([^']*)'\]$/.exec(path);
  let error: string | undefined;
  if (ref.apiVersion !== 'v1') error = `unsupported pod version: ${ref.apiVersion}`;
  else if (subscripted && !['metadata.annotations', 'metadata.labels'].includes(subscripted[1])) error = `field label does not support subscript: ${path}`;
  else if (!subscripted && !convertible.includes(path)) error = `field label not supported: ${path}`;
  if (error) return [invalid(`${at}.fieldPath`, ref.fieldPath, `error converting fieldPath: ${error}`)];
  if (subscripted) {
    const key = subscripted[1] === 'metadata.annotations' ? subscripted[2].toLowerCase() : subscripted[2];
    return isQualifiedName(key).map((m) => invalid(at, key, m));
  }
  return envFieldPaths.includes(path) ? [] : [notSupported(`${at}.fieldPath`, path, envFieldPaths)];
}

function validateKeySelector(s: KeySelector, at: string): FieldError[] {
  const errs = isDNS1123Subdomain(s.name ?? '').map((m) => invalid(`${at}.name`, s.name ?? '', m));
  if (!s.key) errs.push(required(`${at}.key`));
  else for (const m of isConfigMapKey(s.key)) errs.push(invalid(`${at}.key`, s.key, m));
  return errs;
}
