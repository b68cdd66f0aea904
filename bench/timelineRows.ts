/**
 * Realistic rows for the timeline benchmarks: the sample data's generators (the records the fake servers serve),
 * parsed by the providers' own schemas and mapped by their mappers, so JSON bodies, ids and phone numbers are the
 * ones *Find Related* and the grid really see.
 */
import { providerLabels } from '../src/auth/account';
import type { LogRow, StreamDefinition } from '../src/protocol/streamDefinition';
import type { Page, PageRequest } from '../src/providers/connection';
import { dailyApiLogsStream } from '../src/providers/daily/dailyApiLogsStream';
import { mapDailyApiLog } from '../src/providers/daily/dailyMappers';
import { dailyApiLogSchema } from '../src/providers/daily/dailySchemas';
import { lagoApiLogsStream } from '../src/providers/lago/lagoApiLogsStream';
import { mapLagoApiLog } from '../src/providers/lago/lagoMappers';
import { lagoApiLogSchema } from '../src/providers/lago/lagoSchemas';
import { mapSignalwireVoiceLog } from '../src/providers/signalwire/signalwireMappers';
import { signalwireVoiceLogSchema } from '../src/providers/signalwire/signalwireSchemas';
import { signalwireVoiceLogsStream } from '../src/providers/signalwire/signalwireVoiceLogsStream';
import { LogSession } from '../src/query/logSession';
import { generateDailyApiLogs } from '../src/sample/dailyApiLogData';
import { generateLagoApiLogs } from '../src/sample/lagoData';
import { generateVoiceLogs } from '../src/sample/signalwireData';
import type { SourceInfo } from '../src/timeline/sourceRows';

export const benchNow = Date.UTC(2026, 10, 23, 12);

const makers: Readonly<Record<'daily' | 'lago' | 'signalwire', { definition: StreamDefinition; rows(seed: number, count: number): LogRow[] }>> = {
  daily: { definition: dailyApiLogsStream, rows: (seed, count) => generateDailyApiLogs('api', seed, count, benchNow).map((r) => mapDailyApiLog(dailyApiLogSchema.parse(r))) },
  lago: { definition: lagoApiLogsStream, rows: (seed, count) => generateLagoApiLogs(seed, count, benchNow).map((r) => mapLagoApiLog(lagoApiLogSchema.parse(r))) },
  signalwire: {
    definition: signalwireVoiceLogsStream,
    rows: (seed, count) => generateVoiceLogs(seed, count, benchNow, 'https://example.signalwire.com').map((r) => mapSignalwireVoiceLog(signalwireVoiceLogSchema.parse(r))),
  },
};

/** One stream's rows, newest first, as its session would hold them. */
export function streamRows(provider: 'daily' | 'lago' | 'signalwire', seed: number, count: number): LogRow[] {
  return makers[provider].rows(seed, count).sort((a, b) => b.time - a.time);
}

/** `count` sources (Daily API, Lago API and SignalWire voice logs in turn, two accounts each), `rows` rows each. */
export function benchSources(count: number, rows: number): { info: SourceInfo; rows: LogRow[] }[] {
  const providers = ['daily', 'lago', 'signalwire'] as const;
  return Array.from({ length: count }, (_, index) => {
    const provider = providers[index % 3];
    const { definition } = makers[provider];
    const label = `${index < 3 ? 'Acme' : 'Globex'} · ${providerLabels[provider]} · ${definition.label}`;
    return { info: { index, provider, label, definition }, rows: streamRows(provider, 11 + index, rows) };
  });
}

/** A session paging `rows` from memory, 100 a page, so a figure is the extension's work and not the network's. */
export function memorySession(rows: readonly LogRow[], maxRows: number): LogSession {
  const fetchPage = async (request: PageRequest): Promise<Page> => {
    const start = Number(request.cursor ?? 0);
    const end = start + 100;
    return { rows: rows.slice(start, end), next: end < rows.length ? String(end) : undefined };
  };
  return new LogSession({ fetchPage, filters: {}, pageSize: 100, maxRows, tailIntervalMs: 60_000 });
}

/** Wall and CPU milliseconds of `work` (CPU: this process, all threads). */
export async function timed(work: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}
