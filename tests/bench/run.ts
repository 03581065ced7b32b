// `npm run bench`: runs every tests/bench/*.bench.ts in turn, each in a Node process of its own, and
// each prints its own figures. In one shared process a bench ran amid the earlier ones' heap,
// compiled code and leftovers (the browser bench's Chromium and server): its figures depended on
// the order, and a "cold" figure was not cold.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  console.log(`\n## ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], { stdio: 'inherit' });
  if (run.status !== 0) process.exitCode = 1;
}
