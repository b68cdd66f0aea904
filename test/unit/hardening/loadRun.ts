import type { ProviderConnection } from '../../../src/providers/connection';
import { createProviderConnection } from '../../../src/providers/providerRegistry';
import type { ProviderKind, StreamId } from '../../../src/protocol/streamDefinition';
import { LogSession } from '../../../src/query/logSession';
import { generateDailyApiLogs } from '../../../src/sample/dailyApiLogData';
import type { RecordedRequest } from '../../../src/sample/fakeHttpServer';
import { startFakeServer, type FakeProviderServer } from '../../../src/sample/fakeServers';
import { generateLagoApiLogs } from '../../../src/sample/lagoData';
import { generateVideoLogs } from '../../../src/sample/signalwireData';
import type { Logger } from '../../../src/util/logging';

/** One "Load all" run: the real client and LogSession against a fake server, optionally rate limited. */
export interface LoadRunOptions {
  readonly provider: ProviderKind;
  readonly rows: number;
  readonly pageSize: number;
  readonly maxRows?: number;
  /** Answer 429 to every Nth request (the retries included, as a real limiter would count them). */
  readonly rateLimitEvery?: number;
  /** The 429's Retry-After in seconds; null sends none (the client backs off exponentially). */
  readonly retryAfterSeconds?: number | null;
  /** The client's first backoff step; the production default (500 ms) when absent. */
  readonly retryBaseDelayMs?: number;
}

export interface LoadRunResult {
  /** Row ids held by the session after Load all, newest first. */
  readonly ids: readonly string[];
  /** Every id the server's data set holds for the stream, newest first. */
  readonly expected: readonly string[];
  readonly ms: number;
  readonly requests: number;
  /** 429 answers the server sent. */
  readonly rateLimited: number;
  /** 429 answers after which the same URL was requested again and answered 200. */
  readonly retried429: number;
  readonly error: string | null;
  readonly more: boolean;
  readonly heapMb: number;
}

const seed = 11;
const now = Date.parse('2026-01-15T12:00:00Z');
const streams: Readonly<Record<ProviderKind, StreamId>> = { daily: 'daily.api', lago: 'lago.api', signalwire: 'signalwire.video' };

const silent: Logger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => silent };

/** The ids the fake server pages through, newest first, regenerated from the same seed and clock. */
function expectedIds(server: FakeProviderServer, rows: number): string[] {
  switch (server.provider) {
    case 'daily':
      return generateDailyApiLogs('api', seed, rows, now).map((record) => record.id);
    case 'lago':
      return generateLagoApiLogs(seed, rows, now).map((record) => record.request_id);
    case 'signalwire':
      return generateVideoLogs(seed, rows, now, new URL(server.baseUrl).origin)
        .filter((record) => !record.deleted)
        .map((record) => record.id);
  }
}

function connect(server: FakeProviderServer, retryBaseDelayMs: number | undefined): ProviderConnection {
  const options = { timeoutMs: 30_000, retryBaseDelayMs };
  const secret = server.token;
  return server.provider === 'signalwire'
    ? createProviderConnection({ provider: 'signalwire', baseUrl: server.baseUrl, projectId: server.projectId ?? '', secret }, options, silent)
    : createProviderConnection({ provider: server.provider, baseUrl: server.baseUrl, secret }, options, silent);
}

export async function runLoad(options: LoadRunOptions): Promise<LoadRunResult> {
  const server = await startFakeServer(options.provider, { seed, now, rowCount: options.rows });
  const connection = connect(server, options.retryBaseDelayMs);
  try {
    const client = connection.stream(streams[options.provider]);
    const session = new LogSession({
      fetchPage: (request) => client.fetchPage(request),
      filters: {},
      pageSize: options.pageSize,
      maxRows: options.maxRows ?? 10_000_000,
      tailIntervalMs: 60_000,
    });
    await client.fetchPage({ filters: {}, pageSize: 1 });
    const expected = expectedIds(server, options.rows);
    const mark = server.requests.length;
    if (options.rateLimitEvery) {
      server.setFault('rateLimited', { every: options.rateLimitEvery, retryAfterSeconds: options.retryAfterSeconds });
    }
    const started = performance.now();
    await session.refresh();
    await session.loadAll();
    const ms = performance.now() - started;
    const requests = server.requests.length - mark;
    const observed = server.requests.slice(mark);
    return {
      ids: Array.from(session.rows, (row) => row.id),
      expected,
      ms,
      requests,
      rateLimited: observed.filter((request) => request.status === 429).length,
      retried429: retriedAfter429(observed),
      error: session.error?.message ?? null,
      more: session.status().more,
      heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
    };
  } finally {
    connection.dispose();
    await server.close();
  }
}

/** How many 429 answers were followed by a successful request for the same URL. */
function retriedAfter429(requests: readonly RecordedRequest[]): number {
  return requests.filter(
    (request, index) => request.status === 429 && requests.slice(index + 1).some((later) => later.url === request.url && later.status === 200),
  ).length;
}

/** Problems with a run's rows against its data set: duplicates, gaps, wrong order (empty when none). */
export function rowProblems(result: LoadRunResult, held: number): string[] {
  const problems: string[] = [];
  if (new Set(result.ids).size !== result.ids.length) problems.push(`${result.ids.length - new Set(result.ids).size} duplicate ids`);
  if (result.ids.length !== held) problems.push(`${result.ids.length} rows held, expected ${held}`);
  const firstMismatch = result.expected.slice(0, held).findIndex((id, index) => result.ids[index] !== id);
  if (firstMismatch >= 0) problems.push(`a gap or reorder at row ${firstMismatch}`);
  return problems;
}

export function describeRun(label: string, result: LoadRunResult): string {
  const seconds = (result.ms / 1000).toFixed(2);
  return `${label.padEnd(44)} ${String(result.ids.length).padStart(7)} rows  ${String(result.requests).padStart(5)} requests  ${String(result.rateLimited).padStart(4)} × 429  ${seconds.padStart(7)} s  heap ${result.heapMb.toFixed(0)} MB`;
}
