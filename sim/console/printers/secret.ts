import type { Secret } from '../../api/types';
import { since } from './age';
import type { KindPrinter } from './table';

/** printSecret (pkg/printers/internalversion/printers.go): TYPE, and DATA counts the keys. */
export const secretPrinter: KindPrinter<Secret> = {
  columns: ['Name', 'Type', 'Data', 'Age'],
  wideColumns: [],
  row(secret, ctx) {
    return [secret.metadata.name, secret.type ?? '', String(Object.keys(secret.data ?? {}).length), since(secret.metadata.creationTimestamp, ctx.nowMs)];
  },
};
