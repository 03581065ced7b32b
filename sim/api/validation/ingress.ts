import type { HTTPIngressPath, Ingress, IngressBackend, IngressClass } from '../types';
import { invalid, notSupported, required, type FieldError } from './field-error';
import { isDNS1035Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names';
import { parseIPSloppy } from './ip';

/**
 * Ingress and IngressClass validation. Source: kubernetes/kubernetes
 * pkg/apis/networking/validation/validation.go (ValidateIngressCreate, ValidateIngressSpec,
 * validateIngressRules, validateHTTPIngressPath, validateIngressBackend, validateIngressTLS,
 * validateIngressClassSpec), in the order it reports them.
 */

/** The deprecated annotation that named a class before spec.ingressClassName (annotationIngressClass). */
export const ingressClassAnnotation = 'kubernetes.io/ingress.class';

const pathTypes = ['Exact', 'ImplementationSpecific', 'Prefix'];
const invalidPathSequences = ['//', '/./', '/../', '%2f', '%2F'];
const invalidPathSuffixes = ['/..', '/.'];

export function validateIngress(ing: Ingress): FieldError[] {
  const spec = ing.spec ?? {};
  const errs: FieldError[] = [];
  if (!(spec.rules ?? []).length && !spec.defaultBackend) errs.push(invalid('spec', spec.rules ?? null, 'either `defaultBackend` or `rules` must be specified'));
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  (spec.rules ?? []).forEach((rule, i) => {
    const at = `spec.rules[${i}]`;
    if (rule.host) {
      if (parseIPSloppy(rule.host)) errs.push(invalid(`${at}.host`, rule.host, 'must be a DNS name, not an IP address'));
      for (const m of hostErrors(rule.host)) errs.push(invalid(`${at}.host`, rule.host, m));
    }
    if (rule.http) {
      if (!(rule.http.paths ?? []).length) errs.push(required(`${at}.http.paths`));
      (rule.http.paths ?? []).forEach((p, j) => errs.push(...validatePath(p, `${at}.http.paths[${j}]`)));
    }
  });
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => {
      for (const m of hostErrors(host)) errs.push(invalid(`spec.tls[${i}].hosts[${j}]`, host, m));
    });
    if (tls.secretName) for (const m of isDNS1123Subdomain(tls.secretName)) errs.push(invalid(`spec.tls[${i}].secretName`, tls.secretName, m));
  });
  if (spec.ingressClassName !== undefined) {
    for (const m of isDNS1123Subdomain(spec.ingressClassName)) errs.push(invalid('spec.ingressClassName', spec.ingressClassName, m));
  }
  const annotation = ing.metadata.annotations?.[ingressClassAnnotation];
  if (annotation !== undefined && spec.ingressClassName !== undefined && annotation !== spec.ingressClassName) {
    errs.push(invalid(`annotations.${ingressClassAnnotation}`, annotation, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

/** A host is a DNS subdomain, or a wildcard `*.example.com` (IsWildcardDNS1123Subdomain). */
function hostErrors(host: string): string[] {
  if (!host.includes('*')) return isDNS1123Subdomain(host);
  const fmt = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
  if (new RegExp(`^${fmt}$`).test(host) && host.length <= 253) return [];
  return [`a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '${fmt}')`];
}

function validatePath(p: HTTPIngressPath, at: string): FieldError[] {
  if (p.pathType === undefined) return [required(`${at}.pathType`, 'pathType must be specified')];
  const errs: FieldError[] = [];
  const path = p.path ?? '';
  if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
    if (!path.startsWith('/')) errs.push(invalid(`${at}.path`, path, 'must be an absolute path'));
    for (const seq of invalidPathSequences) if (path.includes(seq)) errs.push(invalid(`${at}.path`, path, `must not contain '${seq}'`));
    for (const suffix of invalidPathSuffixes) if (path.endsWith(suffix)) errs.push(invalid(`${at}.path`, path, `cannot end with '${suffix}'`));
  } else if (p.pathType === 'ImplementationSpecific') {
    if (path && !path.startsWith('/')) errs.push(invalid(`${at}.path`, path, 'must be an absolute path'));
  } else errs.push(notSupported(`${at}.pathType`, p.pathType, pathTypes));
  return [...errs, ...validateBackend(p.backend ?? {}, `${at}.backend`)];
}

function validateBackend(b: IngressBackend, at: string): FieldError[] {
  if (b.resource && b.service) return [invalid(at, '', 'cannot set both resource and service backends')];
  if (b.resource) {
    const errs: FieldError[] = [];
    if (!b.resource.kind) errs.push(required(`${at}.resource.kind`));
    if (!b.resource.name) errs.push(required(`${at}.resource.name`));
    return errs;
  }
  if (!b.service) return [invalid(at, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const { name, port } = b.service;
  if (!name) errs.push(required(`${at}.service.name`));
  else for (const m of isDNS1035Label(name)) errs.push(invalid(`${at}.service.name`, name, m));
  const byName = !!port?.name;
  const byNumber = !!port?.number;
  if (byName && byNumber) errs.push(invalid(at, '', 'cannot set both port name & port number'));
  else if (byName) for (const m of isValidPortName(port!.name!)) errs.push(invalid(`${at}.service.port.name`, port!.name, m));
  else if (byNumber) for (const m of isValidPortNum(port!.number!)) errs.push(invalid(`${at}.service.port.number`, port!.number, m));
  else errs.push(required(at, 'port name or number is required'));
  return errs;
}

/** validateIngressClassSpec: a controller, as a domain-prefixed path (`example.com/ingress-controller`). */
export function validateIngressClass(ic: IngressClass): FieldError[] {
  const controller = ic.spec?.controller ?? '';
  if (!controller) return [required('spec.controller')];
  if (controller.length > 250) return [{ type: 'Invalid value', field: 'spec.controller', value: '', detail: 'Too long: may not be more than 250 bytes' }];
  const [domain, ...rest] = controller.split('/');
  const errs: FieldError[] = [];
  if (!rest.length) errs.push(invalid('spec.controller', controller, 'must be a domain-prefixed path (such as "acme.io/foo")'));
  else for (const m of isDNS1123Subdomain(domain)) errs.push(invalid('spec.controller', domain, m));
  return errs;
}
