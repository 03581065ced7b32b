import { array, int32, object, string } from './schema';
import { resource } from './meta';
import { objectReference } from './endpoint-slice';

const address = object('v1.EndpointAddress', { ip: string, hostname: string, nodeName: string, targetRef: objectReference });

/** v1 Endpoints (sim/api/types.ts Endpoints; k8s.io/api/core/v1/types.go EndpointSubset). */
export const endpointsSchema = resource('v1.Endpoints', {
  subsets: array(
    object('v1.EndpointSubset', {
      addresses: array(address),
      notReadyAddresses: array(address),
      ports: array(object('v1.EndpointPort', { name: string, port: int32, protocol: string, appProtocol: string })),
    }),
  ),
});
