import type { Service } from '../types';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from './field-error';
import { validateLabels, validatePortNumOrName, validateProtocol } from './common';
import { isDNS1123Label, isValidPortNum } from './names';

const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const affinities = ['ClientIP', 'None'];

/**
 * ValidateService, for the fields the engine models.
 * Source: kubernetes/kubernetes pkg/apis/core/validation/validation.go (ValidateService, validateServicePort).
 */
export function validateServiceSpec(spec: Service['spec']): FieldError[] {
  const errs: FieldError[] = [];
  const type = spec.type ?? 'ClusterIP';
  if (!types.includes(type)) errs.push(notSupported('spec.type', type, types));
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && type !== 'ExternalName' && !headless) errs.push(required('spec.ports'));
  if (type === 'ExternalName' && !spec.externalName) errs.push(required('spec.externalName'));
  // A headless Service has no ClusterIP for a NodePort or a load balancer to forward to.
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) errs.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push(required(`${at}.name`));
    if (p.name) {
      for (const m of isDNS1123Label(p.name)) errs.push(invalid(`${at}.name`, p.name, m));
      if (names.has(p.name)) errs.push(duplicate(`${at}.name`, p.name));
      names.add(p.name);
    }
    for (const m of isValidPortNum(p.port ?? 0)) errs.push(invalid(`${at}.port`, p.port ?? 0, m));
    errs.push(...validateProtocol(p.protocol, `${at}.protocol`));
    errs.push(...validatePortNumOrName(p.targetPort, `${at}.targetPort`));
    if (p.nodePort !== undefined && (type === 'ClusterIP' || type === 'ExternalName')) {
      errs.push(forbidden(`${at}.nodePort`, `may not be used when \`type\` is '${type}'`));
    }
  });
  if (spec.sessionAffinity !== undefined && !affinities.includes(spec.sessionAffinity)) {
    errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, affinities));
  }
  errs.push(...validateLabels(spec.selector, 'spec.selector'));
  return errs;
}
