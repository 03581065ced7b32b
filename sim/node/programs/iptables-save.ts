import { fail, ok, type Program } from '../programs';
import type { TableName } from '../../net/netfilter';
import { renderTable } from '../../net/netfilter-render';

/** The tables iptables-save knows; the simulated nodes only have rules in nat and filter. */
const knownTables = ['raw', 'mangle', 'filter', 'security', 'nat'];

/**
 * `iptables-save [-t|--table TABLE]`: prints the node's tables as iptables-save does, the date
 * lines from the virtual clock. Without -t it prints every table with rules (filter, then nat,
 * the nf_tables backend's table order). A table with nothing in it, or a name that is no table,
 * prints nothing (iptables/xtables-save.c __do_output returns early).
 */
export const iptablesSave: Program = (ctx, args) => {
  let only: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t' || a === '--table') {
      only = args[++i];
      if (only === undefined) return fail(`iptables-save: option '${a}' requires an argument\n`, 1);
    } else if (a.startsWith('--table=')) only = a.slice('--table='.length);
    else if (a.startsWith('-t') && a.length > 2) only = a.slice(2);
    else return fail(`iptables-save: unrecognized option '${a}'\n`, 1);
  }
  const now = ctx.cluster.clock.epochMs + ctx.cluster.clock.now;
  const tables: TableName[] = only === undefined ? ['filter', 'nat'] : only === 'nat' || only === 'filter' ? [only] : [];
  if (only !== undefined && !knownTables.includes(only)) return ok('');
  return ok(tables.map((t) => renderTable(ctx.node!.netfilter.table(t), now)).join(''));
};
