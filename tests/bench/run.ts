// `npm run bench`: runs every tests/bench/*.bench.ts in turn; each prints its own figures.
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  console.log(`\n## ${file}`);
  await import(new URL(file, dir).href);
}
