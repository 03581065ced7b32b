import { fail, type ExecResult, type Program } from '../programs';
import { formatEntry } from '../../net/conntrack';

/** conntrack-tools release whose messages are imitated. */
const banner = 'conntrack v1.4.8 (conntrack-tools):';

/**
 * `conntrack -L|--dump [-p PROTO] [-s|--src IP] [-d|--dst IP]`, `conntrack -C|--count` and
 * `conntrack -F|--flush`, on the node's connection tracking table. Output as conntrack-tools prints
 * it: the entries on stdout, the summary line on stderr.
 */
export const conntrack: Program = (ctx, args) => {
  const now = ctx.cluster.clock.now;
  const table = ctx.node!.conntrack;
  let command: 'list' | 'count' | 'flush' | undefined;
  const filter: { proto?: string; src?: string; dst?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => args[++i];
    if (a === '-L' || a === '--dump') command = 'list';
    else if (a === '-C' || a === '--count') command = 'count';
    else if (a === '-F' || a === '--flush') command = 'flush';
    else if (a === '-p' || a === '--proto') filter.proto = value()?.toLowerCase();
    else if (a === '-s' || a === '--src' || a === '--orig-src') filter.src = value();
    else if (a === '-d' || a === '--dst' || a === '--orig-dst') filter.dst = value();
    else return fail(`${banner} Bad parameter \`${a}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`, 2);
  }
  if (!command) return fail(`${banner} no command specified\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`, 2);
  if (command === 'flush') {
    table.flush();
    return { stdout: '', stderr: `${banner} connection tracking table has been emptied.\n`, exitCode: 0 };
  }
  const entries = table.list(now).filter(
    (e) => (!filter.proto || e.protocol.toLowerCase() === filter.proto) && (!filter.src || e.original.src === filter.src) && (!filter.dst || e.original.dst === filter.dst),
  );
  if (command === 'count') return { stdout: `${entries.length}\n`, stderr: '', exitCode: 0 };
  const result: ExecResult = {
    stdout: entries.map((e) => formatEntry(e, now) + '\n').join(''),
    stderr: `${banner} ${entries.length} flow entries have been shown.\n`,
    exitCode: 0,
  };
  return result;
};
