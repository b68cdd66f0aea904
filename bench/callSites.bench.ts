// Find Call Sites over a generated 5,000-file workspace (template pattern vs a plain literal search of the logged
// path), and CodeLens provision for a 2,000-line file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { callSitePattern } from '../src/code/callSitePatterns';
import type { ScannedFile } from '../src/code/callSiteScanner';
import { literalMatches, scanFiles } from '../src/code/callSiteScanner';
import { Random } from '../src/sample/random';
import { callForms, loggedPath } from './callForms';
import type { ProvisionFigures } from './lensProvision';
import { median } from './pageRows';
import { atLeast, atMost, recordBench, reference, type Figure } from './results';

const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
const fileCount = 5_000;
/** Fresh processes the cold CodeLens provision is measured in. */
const provisionRuns = 7;

function filler(random: Random, lines: number, ext: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const name = `value${random.int(0, 9999)}`;
    out.push(
      ext === 'py'
        ? `    ${name} = compute_${random.int(0, 99)}(items, "${random.hex(6)}")  # rooms and presence are words too`
        : `  const ${name} = compute${random.int(0, 99)}(items, '/api/${random.pick(['users', 'orders', 'rooms-list', 'presence-check'])}/${random.hex(4)}');`,
    );
  }
  return out;
}

/** 5,000 files in nested folders; every 125th holds one real call site in one of the forms. */
function generateWorkspace(root: string): number {
  const random = new Random(42);
  let callSites = 0;
  for (let i = 0; i < fileCount; i++) {
    const ext = random.pick(['ts', 'js', 'py']);
    const lines = filler(random, random.int(40, 160), ext);
    if (i % 125 === 7) {
      lines.splice(random.int(0, lines.length), 0, `  // create the call`, callForms[callSites % callForms.length](random.pick(['standup', 'sales'])));
      callSites++;
    }
    const folder = join(root, `pkg${i % 20}`, `mod${i % 7}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `file${i}.${ext}`), lines.join('\n'));
  }
  return callSites;
}

function workspaceFiles(root: string): ScannedFile[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|js|py)$/.test(name))
    .map((name) => ({ path: name, read: () => readFile(join(root, name)) }));
}

async function searchRows(root: string, realCallSites: number): Promise<Figure[]> {
  const pattern = callSitePattern(loggedPath);
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let first = Number.NaN;
  const files = workspaceFiles(root);
  const matches = await scanFiles(files, pattern, { onMatches: () => (first = Number.isNaN(first) ? performance.now() - started : first) });
  const complete = performance.now() - started;
  const completeCpu = cpuMs(process.cpuUsage(cpuStarted));
  const literalStarted = performance.now();
  let literalFound = 0;
  for (const file of workspaceFiles(root)) literalFound += literalMatches((await file.read()).toString(), loggedPath);
  const literal = performance.now() - literalStarted;
  const real = matches.filter((match) => !match.lineText.includes('compute')).length;
  return [
    atMost(`template search: first result (${fileCount} files)`, first, 'ms', 1000, 1),
    atMost(`template search: complete (${fileCount} files)`, complete, 'ms', 3000, 1),
    reference('template search: complete, CPU time (this process)', completeCpu, 'ms', 1),
    atLeast(`template search: real call sites found (of ${realCallSites})`, real, 'sites', realCallSites, 1),
    atMost('template search: false positives', matches.length - real, 'lines', 0, 1),
    reference(`literal "${loggedPath}": complete`, literal, 'ms', 1),
    reference(`literal "${loggedPath}": real call sites found (of ${realCallSites})`, literalFound, 'sites', 1),
  ];
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** The CodeLens provision, each run in a fresh process (a cold provision is the first in its extension host). */
function lensRows(): Figure[] {
  const runs = Array.from({ length: provisionRuns }, (): ProvisionFigures => {
    const result = spawnSync(tsx, [join(__dirname, 'lensProvision.ts')], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`the lens provision run failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as ProvisionFigures;
  });
  const lenses = runs[0].lenses;
  const cold = runs.map((run) => run.coldMs);
  const coldCpu = runs.map((run) => run.coldCpuMs);
  const typing = runs.flatMap((run) => run.typingMs);
  const name = `CodeLens 2,000-line file, ${lenses} lenses, 10,000 rows`;
  return [
    atMost(`${name}: cold first provision, slowest fresh process`, Math.max(...cold), 'ms', 20, provisionRuns),
    reference(`${name}: cold first provision, median`, median(cold), 'ms', provisionRuns),
    atMost(`${name}: cold first provision, CPU time, slowest`, Math.max(...coldCpu), 'ms', 20, provisionRuns),
    atMost(`${name}: typing (rescan, figures cached), median keystroke`, median(typing), 'ms', 20, typing.length),
    atMost(`${name}: typing, CPU time per keystroke (mean)`, median(runs.map((run) => run.typingCpuMs)), 'ms', 20, provisionRuns),
    reference(`${name}: provision after 100 more rows arrived, median`, median(runs.map((run) => run.afterNewRowsMs)), 'ms', provisionRuns),
    reference(`${name}: folding the rows as they arrive (not on the lens path), median`, median(runs.map((run) => run.arrivalFoldMs)), 'ms', provisionRuns),
  ];
}

async function main(): Promise<void> {
  process.stdout.write(`load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${cpus().length} cores\n`);
  const root = mkdtempSync(join(tmpdir(), 'api-logs-callsites-'));
  try {
    const real = generateWorkspace(root);
    recordBench('code', [...(await searchRows(root, real)), ...lensRows()]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
