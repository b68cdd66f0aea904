// Runs bench/*.bench.ts with tsx (clients first, one after another), then prints every figure with its target.
// `npm run bench -- [--strict] [suite…]`: suites by file name without `.bench.ts` (default all); with --strict a
// missed target fails the command. bench-results.json gets the figures, when they ran and the machine's load.
import { spawnSync, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = dirname(fileURLToPath(import.meta.url));
const resultsFile = join(folder, '..', 'bench-results.json');
const tsx = join(folder, '..', 'node_modules', '.bin', 'tsx');
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const wanted = args.filter((arg) => !arg.startsWith('--'));
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.includes(name.replace(/\.bench\.ts$/, '')))
  .sort((a, b) => (a === 'clients.bench.ts' ? -1 : b === 'clients.bench.ts' ? 1 : a.localeCompare(b)));

/** What else is using the (shared) machine: the busiest processes, so a figure can be read with its noise. */
function busiestProcesses() {
  try {
    const text = execFileSync('ps', ['-eo', 'pcpu,comm', '--sort=-pcpu', '--no-headers'], { encoding: 'utf8' });
    return text.split('\n').slice(0, 6).map((line) => line.trim()).filter(Boolean);
  } catch {
    return [];
  }
}

const load = () => loadavg().map((value) => Number(value.toFixed(2)));

/**
 * A fixed CPU workload (sorting the same 1,000,000 numbers), timed before and after the suites: this shared
 * machine's speed drifts by half from hour to hour, so figures of two runs compare only next to it.
 */
function fixedWorkloadMs() {
  const numbers = new Float64Array(1_000_000);
  let seed = 1;
  for (let i = 0; i < numbers.length; i++) numbers[i] = (seed = (seed * 16807) % 2147483647);
  const started = performance.now();
  numbers.sort();
  return Number((performance.now() - started).toFixed(1));
}
const startedAt = new Date().toISOString();
const before = { loadAverage: load(), busiest: busiestProcesses(), fixedWorkloadMs: fixedWorkloadMs() };
writeFileSync(resultsFile, JSON.stringify({ startedAt, machine: { cpus: cpus().length, before }, rows: [] }, null, 2) + '\n');

// The bundles users run: the webview suites load dist/, which otherwise holds whatever the last build left there.
process.stdout.write('== production build (node esbuild.mjs --production)\n');
let crashed = spawnSync(process.execPath, [join(folder, '..', 'esbuild.mjs'), '--production'], { stdio: 'inherit' }).status !== 0;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const result = spawnSync(tsx, [join(folder, file)], { stdio: 'inherit' });
  crashed ||= result.status !== 0;
}

const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
results.machine.after = { loadAverage: load(), busiest: busiestProcesses(), fixedWorkloadMs: fixedWorkloadMs() };
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');

const missed = results.rows.filter((row) => row.ok === false);
const targets = results.rows.filter((row) => row.ok !== undefined);
process.stdout.write(`\n== summary: ${targets.length - missed.length}/${targets.length} targets met`);
process.stdout.write(`; load average ${before.loadAverage.join(' ')} before, ${results.machine.after.loadAverage.join(' ')} after (${cpus().length} CPUs)\n`);
process.stdout.write(`machine speed: sorting 1,000,000 numbers took ${before.fixedWorkloadMs} ms before, ${results.machine.after.fixedWorkloadMs} ms after\n`);
for (const row of missed) {
  process.stdout.write(`MISSED  ${row.suite}: ${row.name}: ${Number(row.value.toFixed(3))} ${row.unit} (target ${row.target})\n`);
}
process.stdout.write(`busiest processes at the start: ${before.busiest.join('; ')}\n`);
process.exit(crashed || (strict && missed.length > 0) ? 1 : 0);
