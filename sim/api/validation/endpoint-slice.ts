import type { EndpointSlice } from '../types';
import { duplicate, invalid, notSupported, required, tooMany, type FieldError } from './field-error';
import { validateProtocol } from './common';
import { isDNS1123Label, isDNS1123Subdomain } from './names';
import { isValidIPv4Address, isValidIPv6Address, validateEndpointIP } from './ip';

/** discovery/v1 AddressType values, as the API server lists them (sorted). */
const addressTypes = ['FQDN', 'IPv4', 'IPv6'];
/** Limits of pkg/apis/discovery/validation: maxEndpoints, maxAddresses, maxPorts. */
const maxEndpoints = 1000;
const maxAddresses = 100;
const maxPorts = 20000;

/**
 * ValidateEndpointSlice beyond ObjectMeta: addressType, each endpoint's addresses (valid for the
 * address type, and no loopback, link-local or unspecified IP), nodeName, hostname, and the ports.
 * Source: kubernetes/kubernetes pkg/apis/discovery/validation/validation.go. An IP that does not
 * parse gets only the address type's error, as in current releases. The label
 * kubernetes.io/service-name is not checked: a slice without it is valid, and serves no Service
 * (kube-proxy and CoreDNS find a Service's slices by that label alone).
 */
export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errs: FieldError[] = [];
  const type = slice.addressType as string | undefined;
  if (!type) errs.push(required('addressType'));
  else if (!addressTypes.includes(type)) errs.push(notSupported('addressType', type, addressTypes));
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > maxEndpoints) errs.push(tooMany('endpoints', endpoints.length, maxEndpoints));
  else endpoints.forEach((ep, i) => errs.push(...validateEndpoint(ep, type, `endpoints[${i}]`)));
  const ports = slice.ports ?? [];
  if (ports.length > maxPorts) return [...errs, tooMany('ports', ports.length, maxPorts)];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `ports[${i}]`;
    const name = p.name ?? '';
    if (name) for (const m of isDNS1123Label(name)) errs.push(invalid(`${at}.name`, name, m));
    if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
    names.add(name);
    if (p.protocol === undefined) errs.push(required(`${at}.protocol`));
    else errs.push(...validateProtocol(p.protocol, `${at}.protocol`));
  });
  return errs;
}

function validateEndpoint(ep: EndpointSlice['endpoints'][number], type: string | undefined, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const addresses = ep.addresses ?? [];
  if (addresses.length === 0) errs.push(required(`${at}.addresses`, 'must contain at least 1 address'));
  else if (addresses.length > maxAddresses) errs.push(tooMany(`${at}.addresses`, addresses.length, maxAddresses));
  addresses.forEach((address, j) => {
    const field = `${at}.addresses[${j}]`;
    if (type === 'IPv4' || type === 'IPv6') {
      const bad = type === 'IPv4' ? isValidIPv4Address(field, address) : isValidIPv6Address(field, address);
      errs.push(...(bad.length ? bad : validateEndpointIP(address, field)));
    } else if (type === 'FQDN') {
      errs.push(...isFullyQualifiedDomainName(field, address));
    }
  });
  if (ep.nodeName !== undefined) for (const m of isDNS1123Subdomain(ep.nodeName)) errs.push(invalid(`${at}.nodeName`, ep.nodeName, m));
  if (ep.hostname !== undefined) for (const m of isDNS1123Label(ep.hostname)) errs.push(invalid(`${at}.hostname`, ep.hostname, m));
  return errs;
}

/** IsFullyQualifiedDomainName (apimachinery util/validation): two labels at least, a DNS subdomain. */
function isFullyQualifiedDomainName(field: string, value: string): FieldError[] {
  const name = value.toLowerCase().replace(/\.$/, '');
  if (!name) return [required(field)];
  if (name.split('.').length < 2) return [invalid(field, value, 'should be a domain with at least two segments separated by dots')];
  return isDNS1123Subdomain(name).map((m) => invalid(field, value, m));
}
