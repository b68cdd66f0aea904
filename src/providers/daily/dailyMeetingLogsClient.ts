import type { HttpClient, QueryParams } from '../../http/httpClient';
import { parseWithSchema } from '../../http/parseWithSchema';
import { ProviderError } from '../../http/providerError';
import type { Logger } from '../../util/logging';
import { BaseStreamClient } from '../baseStreamClient';
import type { IndexedPageSource, ParallelPaging } from '../parallelPager';
import type { Page, PageRequest } from '../connection';
import { booleanValue, numberValue, textValue } from '../rowHelpers';
import type { LogRow, StreamDefinition } from '../../protocol/streamDefinition';
import { meetingBounds } from '../timeRangeParams';
import { adaptDailyError } from './dailyErrors';
import { DailyLevelTable, isDailyLevelName } from './dailyLevelNames';
import { mapDailyMeetingLog, mapDailyMetric, type LevelNameOf } from './dailyMappers';
import { fastRows } from '../fastRows';
import { dailyMeetingLogShape, dailyMeetingLogsPageSchema, type DailyMeetingLog } from './dailySchemas';

/** The page decoded on the fast path (logs only: a page with metrics goes to zod), or undefined for zod. */
function fastMeetingPage(body: unknown): { logs?: DailyMeetingLog[] | null; metrics?: null | [] } | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return undefined;
  }
  const { logs, metrics } = body as { logs?: unknown; metrics?: unknown };
  if (!(metrics === undefined || metrics === null || (Array.isArray(metrics) && metrics.length === 0))) {
    return undefined;
  }
  const rows = logs === undefined || logs === null ? logs : fastRows<DailyMeetingLog>(logs, dailyMeetingLogShape);
  return rows === undefined && logs !== undefined ? undefined : { logs: rows, metrics: metrics as null | [] | undefined };
}

/**
 * Parses and maps one `/logs` body, naming levels only as `levelName` confirms them. `counts` are the raw list
 * lengths, used to decide whether more pages exist.
 */
export function parseDailyMeetingLogs(body: unknown, levelName?: LevelNameOf): { rows: LogRow[]; counts: number[] } {
  const page = fastMeetingPage(body) ?? parseWithSchema(dailyMeetingLogsPageSchema, body, 'Daily meeting logs');
  const occurrences = new Map<string, number>();
  const rows = (page.logs ?? []).map((log) => {
    const first = mapDailyMeetingLog(log, 0, levelName);
    const seen = occurrences.get(first.id) ?? 0;
    occurrences.set(first.id, seen + 1);
    return seen === 0 ? first : mapDailyMeetingLog(log, seen, levelName);
  });
  const fallbackTime = rows[0]?.time ?? 0;
  const metrics = (page.metrics ?? []).map((metric, index) => mapDailyMetric(metric, fallbackTime, index));
  return { rows: [...rows, ...metrics], counts: [page.logs?.length ?? 0, page.metrics?.length ?? 0] };
}

/** Records per level probe: enough to see that a server ignored the filter (several numbers). */
const probeLimit = 5;

/**
 * `GET /logs` for one meeting or participant session, paged by `offset` (the cursor) + `limit`. Level numbers are
 * named from the connection's `DailyLevelTable`, which each response teaches (see `learnLevels`). *Load all*
 * requests offsets ahead in parallel, spaced to stay under Daily's ~20 requests a second (it sends no rate headers).
 */
export class DailyMeetingLogsClient extends BaseStreamClient implements IndexedPageSource {
  readonly parallel: ParallelPaging = { maxInFlight: 4, requestsPerSecond: 20 };

  constructor(
    definition: StreamDefinition,
    private readonly http: HttpClient,
    logger: Logger,
    private readonly levels: DailyLevelTable,
  ) {
    super(definition, logger);
  }

  query(request: PageRequest): QueryParams {
    const { filters } = request;
    const params: Array<[string, string]> = [];
    const add = (name: string, value: string | undefined) => value !== undefined && params.push([name, value]);
    add('mtgSessionId', textValue(filters, 'mtgSessionId'));
    add('userSessionId', textValue(filters, 'userSessionId'));
    if (params.length === 0) {
      throw new ProviderError('invalid', 'Choose a meeting session (or enter a participant session ID) first.');
    }
    add('logLevel', textValue(filters, 'logLevel')?.toUpperCase());
    add('order', textValue(filters, 'order')?.toUpperCase());
    const bounds = request.range ? meetingBounds(filters, request.range) : { start: numberValue(filters, 'startTime'), end: numberValue(filters, 'endTime') };
    add('startTime', bounds.start?.toFixed(0));
    add('endTime', bounds.end?.toFixed(0));
    const metricsOnly = booleanValue(filters, 'includeLogs') === false;
    add('includeLogs', metricsOnly ? 'false' : undefined);
    add('includeMetrics', metricsOnly || booleanValue(filters, 'includeMetrics') ? 'true' : undefined);
    params.push(['limit', String(this.pageSize(request))]);
    add('offset', request.cursor);
    return params;
  }

  async load(request: PageRequest): Promise<unknown> {
    offsetOf(request);
    try {
      const body = await this.http.getJson('/logs', this.query(request), request);
      await this.learnLevels(body, request);
      return body;
    } catch (error) {
      throw adaptDailyError(error);
    }
  }

  /**
   * A `logLevel`-filtered page names its numbers. Numbers still unknown are asked about once per session and
   * name: a small `logLevel=NAME` request per documented name. A failed probe leaves the numbers raw.
   */
  private async learnLevels(body: unknown, request: PageRequest): Promise<void> {
    const numbers = levelNumbers(body);
    const requested = textValue(request.filters, 'logLevel')?.toUpperCase();
    if (isDailyLevelName(requested)) this.levels.learn(requested, numbers);
    if (!this.levels.hasUnknown(numbers) || !dailyMeetingLogsPageSchema.safeParse(body).success) return;
    const session: QueryParams = this.query(request).filter(([name]) => name === 'mtgSessionId' || name === 'userSessionId');
    const names = this.levels.namesToProbe(session.map(([, value]) => value).join('|'));
    await Promise.all(
      names.map(async (name) => {
        try {
          const probe = await this.http.getJson('/logs', [...session, ['logLevel', name], ['limit', String(probeLimit)]], request.signal);
          this.levels.learn(name, levelNumbers(probe));
        } catch (error) {
          this.logger.debug(`level probe for ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
  }

  peekNext(body: unknown, request: PageRequest): string | undefined {
    const record = (body ?? {}) as { logs?: unknown; metrics?: unknown };
    const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
    const fetched = Math.max(count(record.logs), count(record.metrics));
    return fetched >= this.pageSize(request) ? String(offsetOf(request) + fetched) : undefined;
  }

  cursorAfter(cursor: string | undefined, steps: number, request: PageRequest): string {
    return String(offsetOf({ ...request, cursor }) + steps * this.pageSize(request));
  }

  decode(body: unknown, request: PageRequest): Page {
    const { rows, counts } = parseDailyMeetingLogs(body, (level) => this.levels.nameOf(level));
    const fetched = Math.max(...counts);
    const end = String(offsetOf(request) + fetched);
    const ascending = textValue(request.filters, 'order')?.toUpperCase() === 'ASC';
    return { rows, next: fetched >= this.pageSize(request) ? end : undefined, tailCursor: ascending ? end : undefined };
  }
}

/** The numeric levels of a raw `/logs` body (before validation: only a cheap look). */
function levelNumbers(body: unknown): number[] {
  const logs = (body as { logs?: unknown } | null)?.logs;
  if (!Array.isArray(logs)) return [];
  const levels = logs.map((log) => (log as { level?: unknown } | null)?.level);
  return levels.map((level) => (typeof level === 'string' && /^\d+$/.test(level) ? Number(level) : level)).filter(Number.isInteger) as number[];
}

function offsetOf(request: PageRequest): number {
  const offset = request.cursor === undefined ? 0 : Number(request.cursor);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new ProviderError('invalid', 'The meeting-logs position is not a valid offset.');
  }
  return offset;
}
