import type { PodSpec } from '../types';
import { invalid, notSupported, required, type FieldError } from './field-error';
import { isDNS1123Label, isDNS1123Subdomain } from './names';
import { isValidIP } from './ip';

/** At most 3 nameservers (glibc's MAXNS). Source: pkg/apis/core/validation/validation.go, MaxDNSNameservers. */
export const maxDNSNameservers = 3;
/** At most 32 search domains and 2048 characters (the expanded limits, GA since 1.28). Source: MaxDNSSearchPaths, MaxDNSSearchListChars. */
export const maxDNSSearchPaths = 32;
export const maxDNSSearchListChars = 2048;

const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

/** validateDNSPolicy: one of four. */
export function validateDNSPolicy(spec: PodSpec, field: string): FieldError[] {
  return spec.dnsPolicy !== undefined && !dnsPolicies.includes(spec.dnsPolicy) ? [notSupported(`${field}.dnsPolicy`, spec.dnsPolicy, dnsPolicies)] : [];
}

/**
 * The rest of a PodSpec's DNS fields, in ValidatePodSpec's order: dnsPolicy None needs a
 * dnsConfig with a nameserver; dnsConfig has at most 3 valid IP nameservers, at most 32 search
 * domains (each a DNS subdomain, a trailing dot allowed) in at most 2048 characters, and named
 * options; then hostname and subdomain are DNS labels.
 * Source: kubernetes/kubernetes pkg/apis/core/validation/validation.go (ValidatePodSpec,
 * validatePodDNSConfig).
 */
export function validatePodDNSConfig(spec: PodSpec, field: string): FieldError[] {
  const errs = dnsConfigErrors(spec, field);
  if (spec.hostname) for (const m of isDNS1123Label(spec.hostname)) errs.push(invalid(`${field}.hostname`, spec.hostname, m));
  if (spec.subdomain) for (const m of isDNS1123Label(spec.subdomain)) errs.push(invalid(`${field}.subdomain`, spec.subdomain, m));
  return errs;
}

function dnsConfigErrors(spec: PodSpec, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const config = spec.dnsConfig;
  const at = `${field}.dnsConfig`;
  if (spec.dnsPolicy === 'None') {
    if (!config) return [required(at, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!config.nameservers?.length) return [required(`${at}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!config) return errs;
  const nameservers = config.nameservers ?? [];
  if (nameservers.length > maxDNSNameservers) errs.push(invalid(`${at}.nameservers`, nameservers, `must not have more than ${maxDNSNameservers} nameservers`));
  nameservers.forEach((ns, i) => errs.push(...isValidIP(`${at}.nameservers[${i}]`, ns)));
  const searches = config.searches ?? [];
  if (searches.length > maxDNSSearchPaths) errs.push(invalid(`${at}.searches`, searches, `must not have more than ${maxDNSSearchPaths} search paths`));
  if (searches.join(' ').length > maxDNSSearchListChars) {
    errs.push(invalid(`${at}.searches`, searches, `must not have more than ${maxDNSSearchListChars} characters (including spaces) in the search list`));
  }
  searches.forEach((s, i) => {
    const name = s.replace(/\.$/, '');
    for (const m of isDNS1123Subdomain(name)) errs.push(invalid(`${at}.searches[${i}]`, name, m));
  });
  (config.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(`${at}.options[${i}]`, 'must not be empty'));
  });
  return errs;
}
