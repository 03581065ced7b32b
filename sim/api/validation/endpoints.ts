import type { EndpointAddress, Endpoints } from '../types';
import { invalid, required, type FieldError } from './field-error';
import { validateProtocol } from './common';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum } from './names';
import { isValidIP, validateEndpointIP } from './ip';

/**
 * ValidateEndpoints beyond ObjectMeta: each subset needs addresses or notReadyAddresses; each
 * address a valid, non-special IP; ports numbered 1–65535 with a protocol, named when a subset has
 * several. Source: kubernetes/kubernetes pkg/apis/core/validation/validation.go
 * (validateEndpointSubsets, validateEndpointAddress, validateEndpointPort).
 */
export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs: FieldError[] = [];
  (ep.subsets ?? []).forEach((ss, i) => {
    const at = `subsets[${i}]`;
    if (!ss.addresses?.length && !ss.notReadyAddresses?.length) errs.push(required(at, 'must specify `addresses` or `notReadyAddresses`'));
    (ss.addresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, `${at}.addresses[${j}]`)));
    (ss.notReadyAddresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, `${at}.notReadyAddresses[${j}]`)));
    const ports = ss.ports ?? [];
    ports.forEach((p, j) => {
      const pat = `${at}.ports[${j}]`;
      if (ports.length > 1 && !p.name) errs.push(required(`${pat}.name`));
      else if (p.name) for (const m of isDNS1123Label(p.name)) errs.push(invalid(`${pat}.name`, p.name, m));
      for (const m of isValidPortNum(p.port ?? 0)) errs.push(invalid(`${pat}.port`, p.port ?? 0, m));
      if (!p.protocol) errs.push(required(`${pat}.protocol`));
      else errs.push(...validateProtocol(p.protocol, `${pat}.protocol`));
    });
  });
  return errs;
}

function validateAddress(a: EndpointAddress, at: string): FieldError[] {
  const ip = a.ip ?? '';
  const errs = isValidIP(`${at}.ip`, ip);
  if (a.hostname) for (const m of isDNS1123Label(a.hostname)) errs.push(invalid(`${at}.hostname`, a.hostname, m));
  if (a.nodeName !== undefined) for (const m of isDNS1123Subdomain(a.nodeName)) errs.push(invalid(`${at}.nodeName`, a.nodeName, m));
  if (!errs.some((e) => e.field === `${at}.ip`)) errs.push(...validateEndpointIP(ip, `${at}.ip`));
  return errs;
}
