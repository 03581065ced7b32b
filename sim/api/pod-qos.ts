import type { PodSpec } from './types';

/**
 * A Pod's quality of service class, as the API server records it in status.qosClass and kubectl
 * describe prints it: BestEffort when no container requests or limits CPU or memory; Guaranteed
 * when every container limits both and requests exactly its limits; Burstable otherwise.
 * Source: kubernetes/pkg/apis/core/v1/helper/qos/qos.go (GetPodQOS).
 */
export type QOSClass = 'BestEffort' | 'Burstable' | 'Guaranteed';

const computeResources = ['cpu', 'memory'];

/** Classes computed so far, by spec: the kubelet asks at every status write, with the stored (unchanging) spec. */
const computed = new WeakMap<PodSpec, QOSClass>();

export function podQOSClass(spec: PodSpec): QOSClass {
  let qos = computed.get(spec);
  if (qos === undefined) computed.set(spec, (qos = computeQOSClass(spec)));
  return qos;
}

function computeQOSClass(spec: PodSpec): QOSClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const c of spec.containers) {
    for (const [list, into] of [[c.resources?.requests, requests], [c.resources?.limits, limits]] as const) {
      for (const name of computeResources) {
        const amount = list?.[name] === undefined ? 0 : quantity(list[name]);
        if (amount > 0) into.set(name, (into.get(name) ?? 0) + amount);
      }
    }
    if (!computeResources.every((name) => c.resources?.limits?.[name] !== undefined)) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed && computeResources.every((name) => requests.get(name) === limits.get(name))) return 'Guaranteed';
  return 'Burstable';
}

const binarySuffixes: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimalSuffixes: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A resource quantity (`500m`, `128Mi`, `1.5`, `2e3`) as a number; NaN when it is not one. */
export function quantity(value: string | number): number {
  if (typeof value === 'number') return value;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(value.trim());
  if (!m) return NaN;
  const suffix = m[2] ?? '';
  const scale = binarySuffixes[suffix] ?? decimalSuffixes[suffix] ?? 10 ** Number(suffix.slice(1));
  return Number(m[1]) * scale;
}
