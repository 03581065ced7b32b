import { readFileSync } from 'node:fs';
import { Cluster } from '../../../sim/cluster';
import { Console } from '../../../sim/console/console';
const c = new Console(new Cluster(), { readFile: (p) => readFileSync('/tmp/ks/' + p, 'utf8') });
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = c.run(line);
  process.stdout.write(`$ ${line}\n${r.stdout}${r.stderr}`);
}
