import type { ConfigMap } from '../../api/types';
import { since } from './age';
import type { KindPrinter } from './table';

/** printConfigMap (pkg/printers/internalversion/printers.go): DATA counts the keys. */
export const configMapPrinter: KindPrinter<ConfigMap> = {
  columns: ['Name', 'Data', 'Age'],
  wideColumns: [],
  row(cm, ctx) {
    return [cm.metadata.name, String(Object.keys(cm.data ?? {}).length), since(cm.metadata.creationTimestamp, ctx.nowMs)];
  },
};
