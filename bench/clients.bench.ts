import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseDailyApiLogs } from '../src/providers/daily/dailyApiLogsClient';
import { parseDailyMeetingLogs } from '../src/providers/daily/dailyMeetingLogsClient';
import { parseLagoApiLogs } from '../src/providers/lago/lagoApiLogsClient';
import { parseSignalwireLogs } from '../src/providers/signalwire/signalwireLogsClient';
import type { ProviderStreamId } from '../src/protocol/streamDefinition';
import { generateDailyApiLogs } from '../src/sample/dailyApiLogData';
import { generateDailyMeetingLogs, generateDailyMeetings } from '../src/sample/dailyMeetingData';
import { generateLagoApiLogs } from '../src/sample/lagoData';
import { generateVideoLogs, generateVoiceLogs } from '../src/sample/signalwireData';
import { client, connectTo, cpuMs, cursorPaging, median } from './cursorPaging';
import { startRemoteServer } from './remoteServer';
import { atLeast, atMost, recordBench, reference, type Figure } from './results';

const now = Date.parse('2026-06-01T00:00:00Z');

/** Medians of `runs` timed calls (wall clock and this process's CPU time), after `warmup` untimed ones. */
function timeIt(action: () => void, runs: number, warmup: number): { wall: number; cpu: number } {
  for (let i = 0; i < warmup; i++) action();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const startedCpu = cpuMs();
    action();
    cpu.push(cpuMs() - startedCpu);
    wall.push(performance.now() - started);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** 1,000 raw rows per stream as the wire carries them (JSON text), built by the sample-data generators. */
function payloads(): Record<ProviderStreamId, { text: string; parse: (body: unknown) => unknown }> {
  const meetings = generateDailyMeetings(1, 200, now);
  const meetingLogs = meetings.flatMap((m) => generateDailyMeetingLogs(m, 1)).slice(0, 1000);
  const strip = <T extends object>(rows: T[]) => rows.map(({ deleted, ...row }: T & { deleted?: boolean }) => row);
  return {
    'daily.api': { text: JSON.stringify(generateDailyApiLogs('api', 1, 1000, now).slice(0, 1000)), parse: parseDailyApiLogs },
    'daily.webhook': { text: JSON.stringify(generateDailyApiLogs('webhook', 1, 1000, now)), parse: parseDailyApiLogs },
    'daily.meeting': { text: JSON.stringify({ logs: meetingLogs }), parse: parseDailyMeetingLogs },
    'lago.api': { text: JSON.stringify({ api_logs: generateLagoApiLogs(1, 1000, now).slice(0, 1000), meta: { current_page: 1, next_page: 2, total_pages: 9, total_count: 9000 } }), parse: parseLagoApiLogs },
    'signalwire.video': { text: JSON.stringify({ links: { self: 'x' }, data: strip(generateVideoLogs(1, 1000, now, 'https://example.signalwire.com').slice(0, 1000)) }), parse: (b) => parseSignalwireLogs('video', b) },
    'signalwire.voice': { text: JSON.stringify({ links: { self: 'x' }, data: strip(generateVoiceLogs(1, 1000, now, 'https://example.signalwire.com')) }), parse: (b) => parseSignalwireLogs('voice', b) },
  };
}

const parseRuns = 300;
const parseWarmup = 100;

/** A full garbage collection, so one stream's timing does not pay for the garbage of generating the others. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function parseAndMapRows(): Figure[] {
  return Object.entries(payloads()).flatMap(([id, { text, parse }]) => {
    collectGarbage();
    const { wall, cpu } = timeIt(() => parse(JSON.parse(text)), parseRuns, parseWarmup);
    return [
      atMost(`parse+map 1,000 rows ${id} (JSON.parse + zod + mapper), median`, wall, 'ms', 3, parseRuns),
      atMost(`parse+map 1,000 rows ${id}, median CPU time`, cpu, 'ms', 3, parseRuns),
    ];
  });
}

async function timeAsync(action: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const rows = await action();
  return { ms: performance.now() - started, rows };
}

/** Lago *Load all* of `rowCount` rows at `latencyMs` under Lago's rate limit: page after page vs `pages()` in parallel. */
async function loadAllRows(rowCount: number, latencyMs: number, rounds: number): Promise<Figure[]> {
  const server = await startRemoteServer('lago', rowCount, { latencyMs, limited: true });
  const sequential = async () => {
    const connection = connectTo(server);
    let rows = 0;
    for (let cursor: string | undefined = '1'; cursor !== undefined; ) {
      const page = await connection.stream('lago.api').fetchPage({ filters: {}, cursor, pageSize: 100 });
      rows += page.rows.length;
      cursor = page.next;
    }
    connection.dispose();
    return rows;
  };
  const seq: number[] = [];
  const par: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const s = await timeAsync(sequential);
    const p = await timeAsync(() => client({ id: 'lago.api', server, pageSize: 100 }));
    if (s.rows !== p.rows || p.rows < rowCount) throw new Error(`lago.api: sequential saw ${s.rows} rows, parallel ${p.rows}`);
    seq.push(s.ms);
    par.push(p.ms);
  }
  const { rateLimited } = await server.counts();
  server.close();
  const label = `Load all lago.api ${rowCount.toLocaleString('en')} rows, ${latencyMs} ms latency, Lago rate limit`;
  return [
    reference(`${label}: page after page, median`, median(seq), 'ms', rounds),
    reference(`${label}: parallel pages(), median`, median(par), 'ms', rounds),
    atLeast(`${label}: speed-up`, median(seq) / median(par), '×', 3, rounds),
    atMost(`${label}: 429 answers (all rounds)`, rateLimited, 'responses', 0, rounds * 2),
  ];
}

async function main(): Promise<void> {
  const rows = [
    ...parseAndMapRows(),
    ...(await cursorPaging(50_000, 0, 1.1, 7, 2)),
    ...(await cursorPaging(50_000, 50, 1.05, 3, 1)),
    ...(await loadAllRows(10_000, 50, 3)),
  ];
  recordBench('clients', rows);
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
