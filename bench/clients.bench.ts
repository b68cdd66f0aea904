import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseDailyApiLogs } from '../src/providers/daily/dailyApiLogsClient';
import { parseDailyMeetingLogs } from '../src/providers/daily/dailyMeetingLogsClient';
import { parseLagoApiLogs } from '../src/providers/lago/lagoApiLogsClient';
import { createProviderConnection } from '../src/providers/providerRegistry';
import { parseSignalwireLogs } from '../src/providers/signalwire/signalwireLogsClient';
import type { ProviderStreamId, StreamId } from '../src/protocol/streamDefinition';
import { generateDailyApiLogs } from '../src/sample/dailyApiLogData';
import { generateDailyMeetingLogs, generateDailyMeetings } from '../src/sample/dailyMeetingData';
import { generateLagoApiLogs } from '../src/sample/lagoData';
import { generateVideoLogs, generateVoiceLogs } from '../src/sample/signalwireData';
import type { Logger } from '../src/util/logging';
import { startRemoteServer, type RemoteServer } from './remoteServer';
import { atLeast, atMost, recordBench, reference, type Figure } from './results';

const silent: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const now = Date.parse('2026-06-01T00:00:00Z');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median ms of `runs` timed calls after `warmup` untimed ones. */
function timeIt(action: () => void, runs = 40, warmup = 10): number {
  for (let i = 0; i < warmup; i++) action();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    action();
    times.push(performance.now() - started);
  }
  return median(times);
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

const parseRuns = 40;

function parseAndMapRows(): Figure[] {
  return Object.entries(payloads()).map(([id, { text, parse }]) => {
    const ms = timeIt(() => parse(JSON.parse(text)), parseRuns);
    return atMost(`parse+map 1,000 rows ${id} (JSON.parse + zod + mapper), median`, ms, 'ms', 3, parseRuns);
  });
}

function getJson(url: string, authorization: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { authorization, accept: 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text)));
      response.on('error', reject);
    }).on('error', reject);
  });
}

interface PagingCase {
  readonly id: StreamId;
  readonly server: RemoteServer;
  readonly pageSize: number;
  /** The bare loop: same URLs as the client, `http.get` + `JSON.parse` only. Returns rows seen. */
  bare(): Promise<number>;
}

function connectTo(server: RemoteServer) {
  const config = server.provider === 'signalwire'
    ? { provider: 'signalwire' as const, baseUrl: server.baseUrl, projectId: server.projectId ?? '', secret: server.token }
    : { provider: server.provider, baseUrl: server.baseUrl, secret: server.token };
  return createProviderConnection(config, { timeoutMs: 30_000 }, silent);
}

async function client(testCase: { id: StreamId; server: RemoteServer; pageSize: number }): Promise<number> {
  const connection = connectTo(testCase.server);
  let rows = 0;
  for await (const page of connection.stream(testCase.id).pages({ filters: {}, pageSize: testCase.pageSize })) {
    rows += page.rows.length;
  }
  connection.dispose();
  return rows;
}

async function pagingCases(voiceRows: number, dailyRows: number, latencyMs: number): Promise<PagingCase[]> {
  const voice = await startRemoteServer('signalwire', voiceRows, { latencyMs });
  const daily = await startRemoteServer('daily', dailyRows, { latencyMs });
  const basic = `Basic ${Buffer.from(`${voice.projectId}:${voice.token}`).toString('base64')}`;
  return [
    {
      id: 'signalwire.voice', server: voice, pageSize: 1000,
      bare: async () => {
        let rows = 0;
        let url: string | undefined = `${voice.baseUrl}/api/voice/logs?page_size=1000`;
        while (url) {
          const body = (await getJson(url, basic)) as { data: unknown[]; links: { next?: string } };
          rows += body.data.length;
          url = body.links.next;
        }
        return rows;
      },
    },
    {
      id: 'daily.api', server: daily, pageSize: 100,
      bare: async () => {
        let rows = 0;
        let cursor = '';
        for (;;) {
          const body = (await getJson(`${daily.baseUrl}/logs/api?source=api&limit=100${cursor}`, `Bearer ${daily.token}`)) as { id: string }[];
          rows += body.length;
          if (body.length < 100) return rows;
          cursor = `&starting_after=${body[body.length - 1].id}`;
        }
      },
    },
  ];
}

async function timeAsync(action: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const rows = await action();
  return { ms: performance.now() - started, rows };
}

/** Client vs bare loop over the same cursor pages; the client must stay within `limit` × the bare loop. */
async function pagingRows(voiceRows: number, dailyRows: number, latencyMs: number, limit: number, rounds: number): Promise<Figure[]> {
  const cases = await pagingCases(voiceRows, dailyRows, latencyMs);
  const rows: Figure[] = [];
  for (const testCase of cases) {
    await testCase.bare();
    await client(testCase);
    const bare: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const b = await timeAsync(() => testCase.bare());
      const c = await timeAsync(() => client(testCase));
      if (b.rows !== c.rows || c.rows < Math.min(voiceRows, dailyRows) * 0.9) throw new Error(`${testCase.id}: bare saw ${b.rows} rows, client ${c.rows}`);
      bare.push(b.ms);
      ours.push(c.ms);
    }
    const ratio = median(ours) / median(bare);
    const label = `${testCase.id} ${rowsOf(testCase, voiceRows, dailyRows)} rows, ${testCase.pageSize}/page, ${latencyMs} ms latency`;
    rows.push(reference(`page through ${label}: bare http.get loop, median`, median(bare), 'ms', rounds));
    rows.push(reference(`page through ${label}: client, median`, median(ours), 'ms', rounds));
    rows.push(atMost(`page through ${label}: client / bare`, ratio, '×', limit, rounds));
    testCase.server.close();
  }
  return rows;
}

function rowsOf(testCase: PagingCase, voiceRows: number, dailyRows: number): string {
  return (testCase.id === 'signalwire.voice' ? voiceRows : dailyRows).toLocaleString('en');
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
    ...(await pagingRows(50_000, 50_000, 0, 1.1, 7)),
    ...(await pagingRows(20_000, 5_000, 50, 1.05, 5)),
    ...(await loadAllRows(10_000, 50, 3)),
  ];
  recordBench('clients', rows);
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
