import { boolean, map } from './schema';
import { resource } from './meta';

/** v1 ConfigMap (sim/api/types.ts ConfigMap). */
export const configMapSchema = resource('v1.ConfigMap', { data: map(), binaryData: map(), immutable: boolean });
