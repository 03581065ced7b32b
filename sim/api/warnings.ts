import type { KubeObject, Service } from './types';

/**
 * The warnings the API server returns with a write, which kubectl prints as `Warning: …` on
 * stderr (the registries' WarningsOnCreate / WarningsOnUpdate).
 * - A Service's spec.externalIPs is deprecated since v1.36 (CVE-2020-8554: anyone who may create a
 *   Service can capture traffic to any address); the API server answers `spec.externalIPs is
 *   deprecated` (as kube-apiserver v1.36 logs it on the client side, warnings.go).
 */
export function objectWarnings(obj: KubeObject): string[] {
  if (obj.kind === 'Service' && (obj as Service).spec?.externalIPs?.length) return ['spec.externalIPs is deprecated'];
  return [];
}
