import type { PodSpec } from './types';

/**
 * A Pod's quality of service class, as the API server records it in status.qosClass and kubectl
 * describe prints it: BestEffort when no container requests or limits CPU or memory; Guaranteed
 * when every container limits both and requests exactly its limits; Burstable otherwise.
 * Source: kubernetes/pkg/apis/core/v1/helper/qos/qos.go (GetPodQOS).
 */
export type QOSClass = 'BestEffort' | 'Burstable' | 'Guaranteed';

const computeResources = ['cpu', 'memory'] as const;

/** Classes computed so far, by spec: the kubelet asks at every status write, with the stored (unchanging) spec. */
const computed = new WeakMap<PodSpec, QOSClass>();

export function podQOSClass(spec: PodSpec): QOSClass {
  let qos = computed.get(spec);
  if (qos === undefined) computed.set(spec, (qos = computeQOSClass(spec)));
  return qos;
}

function computeQOSClass(spec: PodSpec): QOSClass {
  // Sums per resource, 0 when no container asks for it (a Map and a tuple per container cost more:
  // this runs for every new Pod, mostly before the JIT has warmed up).
  const requests = { cpu: 0, memory: 0 };
  const limits = { cpu: 0, memory: 0 };
  let any = false;
  let guaranteed = true;
  for (const c of spec.containers) {
    const r = c.resources?.requests;
    const l = c.resources?.limits;
    for (const name of computeResources) {
      const requested = r?.[name] === undefined ? 0 : quantity(r[name]);
      const limited = l?.[name] === undefined ? 0 : quantity(l[name]);
      if (requested > 0) requests[name] += requested;
      if (limited > 0) limits[name] += limited;
      if (requested > 0 || limited > 0) any = true;
      if (l?.[name] === undefined) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  if (guaranteed && requests.cpu === limits.cpu && requests.memory === limits.memory) return 'Guaranteed';
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
