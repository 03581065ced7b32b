import type { Container, Pod } from './types';

/**
 * A container of the Pod by name: a regular one, or an ephemeral one added by `kubectl debug`
 * (podutil's VisitContainers sees both kinds as well).
 */
export function podContainer(pod: Pod | undefined, name: string | undefined): Container | undefined {
  if (!pod || name === undefined) return undefined;
  return pod.spec.containers.find((c) => c.name === name) ?? pod.spec.ephemeralContainers?.find((c) => c.name === name);
}
