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

/**
 * The DNS fields of a PodSpec, as ValidatePodSpec checks them: hostname and subdomain are DNS
 * labels; dnsPolicy is one of four; dnsPolicy None needs a dnsConfig with a nameserver; dnsConfig
 * has at most 3 valid IP nameservers, at most 32 search domains (each a DNS subdomain, a trailing
 * dot allowed) in at most 2048 characters, and named options.
 * Source: kubernetes/kubernetes pkg/apis/core/validation/validation.go (ValidatePodSpec,
 * validateDNSPolicy, validatePodDNSConfig).
 */
export function validatePodDNS(spec: PodSpec, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.hostname) for (const m of isDNS1123Label(spec.hostname)) errs.push(invalid(`${field}.hostname`, spec.hostname, m));
  if (spec.subdomain) for (const m of isDNS1123Label(spec.subdomain)) errs.push(invalid(`${field}.subdomain`, spec.subdomain, m));
  if (spec.dnsPolicy !== undefined && !dnsPolicies.includes(spec.dnsPolicy)) errs.push(notSupported(`${field}.dnsPolicy`, spec.dnsPolicy, dnsPolicies));
  const config = spec.dnsConfig;
  const at = `${field}.dnsConfig`;
  if (spec.dnsPolicy === 'None') {
    if (!config) return [...errs, required(at, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!config.nameservers?.length) return [...errs, required(`${at}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
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
