// Find Call Sites over a generated 5,000-file workspace (template pattern vs a plain literal search of the logged
// path), and CodeLens provision for a 2,000-line file.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { callSitePattern } from '../src/code/callSitePatterns';
import type { ScannedFile } from '../src/code/callSiteScanner';
import { literalMatches, scanFiles } from '../src/code/callSiteScanner';
import type { ProviderHints } from '../src/code/endpointMentions';
import { findEndpointMentions, knownResources } from '../src/code/endpointMentions';
import type { EndpointStats, PathSummaries } from '../src/code/endpointStats';
import { statsFromSummaries, summarizeByPath } from '../src/code/endpointStats';
import type { LensSource } from '../src/code/lensModels';
import { lensModels } from '../src/code/lensModels';
import { requestFields } from '../src/code/loggedRequest';
import { parseDailyApiLogs } from '../src/providers/daily/dailyApiLogsClient';
import { generateDailyApiLogs } from '../src/sample/dailyApiLogData';
import { Random } from '../src/sample/random';
import { recordBench, type BenchRow } from './results';

const loggedPath = '/v1/rooms/standup/presence';
const fileCount = 5_000;

/** The ways real code calls the endpoint; only the first spells the logged path literally. */
const callForms: readonly ((room: string) => string)[] = [
  () => `  const res = await fetch('https://api.daily.co${loggedPath}');`,
  () => '  const res = await fetch(`${DAILY_API}/rooms/${room}/presence`);',
  () => "  const res = await axios.get(DAILY_API + '/rooms/' + room + '/presence');",
  () => '    r = requests.get(f"{DAILY_API}/rooms/{room}/presence", headers=auth)',
  () => '    r = session.get("%s/rooms/%s/presence" % (DAILY_API, room))',
  () => "router.get('/rooms/:room/presence', presenceHandler);",
  (room) => `  return client.get(\`/v1/rooms/${room}/presence\`);`,
  () => '    path = "rooms/{}/presence".format(room)',
];

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

async function searchRows(root: string, realCallSites: number): Promise<Omit<BenchRow, 'suite'>[]> {
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
    { name: `template search: first result (${fileCount} files)`, value: first, unit: 'ms', target: '≤ 1000 ms', ok: first <= 1000 },
    { name: `template search: complete (${fileCount} files)`, value: complete, unit: 'ms', target: '≤ 3000 ms', ok: complete <= 3000 },
    { name: 'template search: complete, CPU time (this process)', value: completeCpu, unit: 'ms' },
    { name: `template search: real call sites found (of ${realCallSites})`, value: real, unit: 'sites', target: `${realCallSites}`, ok: real === realCallSites },
    { name: 'template search: false positives', value: matches.length - real, unit: 'lines', target: '0', ok: matches.length === real },
    { name: `literal "${loggedPath}": complete`, value: literal, unit: 'ms' },
    { name: `literal "${loggedPath}": real call sites found (of ${realCallSites})`, value: literalFound, unit: 'sites' },
  ];
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function lensRows(): Omit<BenchRow, 'suite'>[] {
  const hints: ProviderHints[] = [{ provider: 'daily', hosts: ['api.daily.co'], resources: knownResources.daily ?? [], keyword: 'daily' }];
  const random = new Random(7);
  const lines = Array.from({ length: 2000 }, (_, i) =>
    i % 40 === 0 ? random.pick(callForms)('standup') : `  const value${i} = compute(value${i - 1}, 'daily', '/api/users/${i}');`,
  );
  const text = lines.join('\n');
  const rows = parseDailyApiLogs(generateDailyApiLogs('api', 1, 10_000, Date.now())).rows;
  const sources: LensSource[] = [{ accountId: 'a', provider: 'daily', streamId: 'daily.api', label: 'Daily' }];
  const fields = requestFields['daily.api'];
  if (!fields) throw new Error('no Daily request fields');
  // What the provider does: rows folded by path once per source, then each endpoint's figures from the folds.
  const provide = (memo: Map<string, EndpointStats>, folded: { summaries?: PathSummaries }) => {
    const mentions = findEndpointMentions(text, hints);
    return lensModels(mentions, sources, (_, template) => {
      const key = template.join('/');
      let stats = memo.get(key);
      folded.summaries ??= summarizeByPath(rows, fields, Date.now());
      if (!stats) memo.set(key, (stats = statsFromSummaries([folded.summaries], fields, template)));
      return stats;
    }, Date.now());
  };
  const coldStarted = performance.now();
  const coldCpuStarted = process.cpuUsage();
  const lenses = provide(new Map(), {}).length;
  const cold = performance.now() - coldStarted;
  const coldCpu = cpuMs(process.cpuUsage(coldCpuStarted));
  const memo = new Map<string, EndpointStats>();
  const folded = {};
  provide(memo, folded);
  const times: number[] = [];
  const cpuStarted = process.cpuUsage();
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    provide(memo, folded);
    times.push(performance.now() - started);
  }
  const typingCpu = cpuMs(process.cpuUsage(cpuStarted)) / 30;
  const typing = times.sort((a, b) => a - b)[15];
  return [
    { name: `CodeLens 2,000-line file, ${lenses} lenses, cold stats over 10,000 rows`, value: cold, unit: 'ms', target: '≤ 20 ms', ok: cold <= 20 },
    { name: 'CodeLens 2,000-line file, cold: CPU time', value: coldCpu, unit: 'ms', target: '≤ 20 ms', ok: coldCpu <= 20 },
    { name: 'CodeLens 2,000-line file, typing (rescan, stats cached; median)', value: typing, unit: 'ms', target: '≤ 20 ms', ok: typing <= 20 },
    { name: 'CodeLens 2,000-line file, typing: CPU time (mean)', value: typingCpu, unit: 'ms', target: '≤ 20 ms', ok: typingCpu <= 20 },
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
