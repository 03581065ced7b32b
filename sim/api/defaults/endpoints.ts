import type { EndpointSlice, Endpoints } from '../types';

/**
 * EndpointSlice defaults. Source: kubernetes/kubernetes pkg/apis/discovery/v1/defaults.go
 * SetDefaults_EndpointPort (name "", protocol TCP). An endpoint's `conditions` is a Go struct, not a
 * pointer, so the server always returns it, `{}` when none is set; `endpoints` and `ports` read
 * back as empty lists here (the server writes `null`).
 */
export function setEndpointSliceDefaults(slice: EndpointSlice): void {
  slice.endpoints ??= [];
  slice.ports ??= [];
  for (const e of slice.endpoints) e.conditions ??= {};
  for (const p of slice.ports) {
    p.name ??= '';
    p.protocol ??= 'TCP';
  }
}

/** v1 Endpoints defaults: each subset port's protocol TCP (pkg/apis/core/v1/defaults.go SetDefaults_Endpoints). */
export function setEndpointsDefaults(ep: Endpoints): void {
  for (const subset of ep.subsets ?? []) for (const p of subset.ports ?? []) p.protocol ??= 'TCP';
}
