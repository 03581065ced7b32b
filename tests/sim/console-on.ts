import { Cluster } from '../../sim/cluster';
import { Console } from '../../sim/console/console';

/** A new default cluster and a Console on it that reads `files` as the reader's files. */
export function consoleOn(files: Record<string, string> = {}) {
  const cluster = new Cluster();
  return { cluster, console: new Console(cluster, { readFile: (path) => files[path] }) };
}
