// Runs every bench/*.bench.ts with tsx, clients first, one after another; fails if any of them fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = dirname(fileURLToPath(import.meta.url));
const tsx = join(folder, '..', 'node_modules', '.bin', 'tsx');
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort((a, b) => (a === 'clients.bench.ts' ? -1 : b === 'clients.bench.ts' ? 1 : a.localeCompare(b)));

let failed = false;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const result = spawnSync(tsx, [join(folder, file)], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
