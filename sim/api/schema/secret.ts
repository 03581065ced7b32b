import { boolean, map, string } from './schema';
import { resource } from './meta';

/** v1 Secret (sim/api/types.ts Secret). */
export const secretSchema = resource('v1.Secret', { type: string, data: map(), stringData: map(), immutable: boolean });
