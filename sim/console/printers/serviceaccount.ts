import type { ServiceAccount } from '../../api/types';
import { since } from './age';
import type { KindPrinter } from './table';

/** printServiceAccount (pkg/printers/internalversion/printers.go): SECRETS counts `secrets`. */
export const serviceAccountPrinter: KindPrinter<ServiceAccount> = {
  columns: ['Name', 'Secrets', 'Age'],
  wideColumns: [],
  row(sa, ctx) {
    return [sa.metadata.name, String(sa.secrets?.length ?? 0), since(sa.metadata.creationTimestamp, ctx.nowMs)];
  },
};
