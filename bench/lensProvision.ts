/**
 * One CodeLens provision run in a fresh process (run by callSites.bench.ts, prints one JSON line): 10,000 Daily
 * API rows reach a real LogSession (parsed by the real parser, folded as they arrive, the way an open panel's rows
 * are), then a 2,000-line file naming the Daily host is provided for the first time (cold), and then typed in
 * (each keystroke a new document version: mentions rescanned, figures cached). What it times is LensBuilder, all
 * the provider computes; left out is turning 50 models into vscode.CodeLens objects.
 */
import { performance } from 'node:perf_hooks';
import type { Account } from '../src/auth/account';
import { LensBuilder } from '../src/code/lensBuilder';
import { LensRowCache } from '../src/code/lensRowCache';
import { PanelFolds } from '../src/code/panelFolds';
import { parseDailyApiLogs } from '../src/providers/daily/dailyApiLogsClient';
import { LogSession } from '../src/query/logSession';
import { generateDailyApiLogs } from '../src/sample/dailyApiLogData';
import { Random } from '../src/sample/random';
import { callForms } from './callForms';

export interface ProvisionFigures {
  readonly lenses: number;
  /** Folding the 10,000 rows as they reached the session (the arrival path, not the lens path). */
  readonly arrivalFoldMs: number;
  readonly coldMs: number;
  readonly coldCpuMs: number;
  /** Per keystroke, over 30 keystrokes. */
  readonly typingMs: readonly number[];
  readonly typingCpuMs: number;
  /** The provision after 100 more rows arrived (figures recomputed from the folds). */
  readonly afterNewRowsMs: number;
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** 2,000 lines naming the Daily host; every 40th line calls the presence endpoint in one of the forms. */
export function fileText(): string {
  const random = new Random(7);
  const lines = Array.from({ length: 2000 }, (_, i) =>
    i % 40 === 0 ? random.pick(callForms)('standup') : `  const value${i} = compute(value${i - 1}, 'daily', '/api/users/${i}');`,
  );
  return lines.join('\n');
}

async function provision(): Promise<ProvisionFigures> {
  const now = Date.now();
  const rows = parseDailyApiLogs(generateDailyApiLogs('api', 1, 10_100, now)).rows;
  const [loaded, older] = [rows.slice(0, 10_000), rows.slice(10_000)];
  const session = new LogSession({
    fetchPage: ({ cursor }) => Promise.resolve(cursor === undefined ? { rows: loaded, next: 'older' } : { rows: older }),
    filters: {},
    pageSize: 10_000,
    maxRows: 100_000,
    tailIntervalMs: 60_000,
  });
  const folds = new PanelFolds(new Set(['daily.api']));
  const builder = new LensBuilder(folds, new LensRowCache(() => Promise.resolve([]), 60_000), () => accounts);
  folds.onDidChange(() => builder.rowsChanged());
  // Listeners run in order: the first and the last stamp the rows event around the fold.
  let foldStarted = 0;
  let arrivalFoldMs = 0;
  session.onEvent((event) => event.type === 'rows' && (foldStarted = performance.now()));
  folds.attach({ identity: { accountId: 'acme', streamId: 'daily.api' }, session });
  session.onEvent((event) => event.type === 'rows' && event.mode === 'replace' && (arrivalFoldMs = performance.now() - foldStarted));
  await session.refresh();
  if (session.rows.length !== loaded.length) throw new Error(`the session holds ${session.rows.length} rows`);
  const text = fileText();
  const document = (version: number) => ({ key: 'file:///work/presence.ts', version: `${version}`, text: () => text });

  const coldCpu = process.cpuUsage();
  const coldStarted = performance.now();
  const lenses = builder.build(document(1), Date.now()).length;
  const coldMs = performance.now() - coldStarted;
  const coldCpuMs = cpuMs(process.cpuUsage(coldCpu));

  const typingMs: number[] = [];
  const typingCpu = process.cpuUsage();
  for (let version = 2; version < 32; version++) {
    const started = performance.now();
    builder.build(document(version), Date.now());
    typingMs.push(performance.now() - started);
  }
  const typingCpuMs = cpuMs(process.cpuUsage(typingCpu)) / 30;

  await session.loadOlder();
  const afterStarted = performance.now();
  builder.build(document(40), Date.now());
  const afterNewRowsMs = performance.now() - afterStarted;
  session.dispose();
  return { lenses, arrivalFoldMs, coldMs, coldCpuMs, typingMs, typingCpuMs, afterNewRowsMs };
}

const accounts: readonly Account[] = [{ id: 'acme', name: 'Acme', connections: [{ provider: 'daily' }] }];

if (require.main === module) void provision().then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`));
