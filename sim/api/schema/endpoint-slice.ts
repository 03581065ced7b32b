import { array, boolean, int32, map, object, string } from './schema';
import { resource } from './meta';

/** v1.ObjectReference, as endpoints name their Pod. */
export const objectReference = object('v1.ObjectReference', {
  kind: string, namespace: string, name: string, uid: string, apiVersion: string, resourceVersion: string, fieldPath: string,
});

/**
 * discovery.k8s.io/v1 EndpointSlice (sim/api/types.ts EndpointSlice; k8s.io/api/discovery/v1/types.go).
 * Its fields sit at the top level, beside metadata: there is no spec. Both lists are atomic.
 */
export const endpointSliceSchema = resource('v1.EndpointSlice', {
  addressType: string,
  endpoints: array(
    object('v1.Endpoint', {
      addresses: array(string),
      conditions: object('v1.EndpointConditions', { ready: boolean, serving: boolean, terminating: boolean }),
      hostname: string,
      targetRef: objectReference,
      deprecatedTopology: map(),
      nodeName: string,
      zone: string,
      hints: object('v1.EndpointHints', { forZones: array(object('v1.ForZone', { name: string })) }),
    }),
  ),
  ports: array(object('v1.EndpointPort', { name: string, protocol: string, port: int32, appProtocol: string })),
});
