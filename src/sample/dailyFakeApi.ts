import type { FakeApi, FakeRequest, FakeResponse } from './fakeApi';
import type { Fault } from './faults';
import { FilterCache, indexOfId } from './filterCache';
import type { RateLimit } from './networkProfile';
import { dailySpecExamples, generateDailyApiLogs, type DailyApiLogRecord } from './dailyApiLogData';
import {
  generateDailyMeetingLogs,
  generateDailyMeetings,
  generateDailyMetrics,
  sampleMeetingLogLevels,
  type DailyMeetingLogRecord,
  type MeetingLogLevelName,
  type DailyMeetingRecord,
  type DailyMetricRecord,
} from './dailyMeetingData';
import { examplesBeforeGenerated, type SpecExamplesDating } from './specExamples';

export interface SampleDataOptions {
  readonly seed: number;
  /** Rows per log stream. */
  readonly rowCount: number;
  /** The newest data is just before this moment (epoch ms). */
  readonly now: number;
  /** Daily meeting logs: this server's number for each level name (default `sampleMeetingLogLevels`). */
  readonly meetingLogLevels?: Readonly<Record<MeetingLogLevelName, number>>;
  /** Where the spec's example records are dated (default as in the spec). */
  readonly specExamples?: SpecExamplesDating;
}

const maxLimit = 100;

function invalid(info: string): FakeResponse {
  return { status: 400, body: { error: 'invalid-request-error', info } };
}

function limitOf(query: URLSearchParams): number | FakeResponse {
  const text = query.get('limit');
  if (text === null) {
    return 20;
  }
  const limit = Number(text);
  return Number.isInteger(limit) && limit >= 0 ? Math.min(limit, maxLimit) : invalid('limit must be a non-negative integer');
}

/** Daily's REST API (`/v1`): `/logs/api`, `/logs` and `/meetings`, following the specs and Daily's known behaviour. */
export class DailyFakeApi implements FakeApi {
  readonly pathPrefix = '/v1';
  /** Daily answers 429 past about 20 requests a second, without rate-limit headers or Retry-After. */
  readonly rateLimit: RateLimit = { requests: 20, windowMs: 1000 };
  private readonly apiLogs = new Map<string, DailyApiLogRecord[]>();
  private meetingList: DailyMeetingRecord[] | undefined;
  private filtered = new FilterCache<DailyApiLogRecord[]>();
  private readonly sessionLogs = new Map<string, DailyMeetingLogRecord[]>();
  private readonly sessionMetrics = new Map<string, DailyMetricRecord[]>();

  private readonly levels: Readonly<Record<MeetingLogLevelName, number>>;

  constructor(
    private readonly token: string,
    private readonly data: SampleDataOptions,
  ) {
    this.levels = data.meetingLogLevels ?? sampleMeetingLogLevels;
  }

  checkAuth(authorization: string | undefined): FakeResponse | undefined {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    if (!match) {
      return { status: 400, body: { error: 'authorization-header-error', info: 'Authorization header must be "Bearer <api key>"' } };
    }
    return match[1] === this.token ? undefined : { status: 401, body: { error: 'authentication-error', info: 'Invalid API key' } };
  }

  errorBody(status: number, fault: Fault): unknown {
    const errors: Record<number, [string, string]> = {
      401: ['authentication-error', 'Invalid API key'],
      403: ['forbidden', 'This API key cannot read logs'],
      404: ['not-found', 'No such resource'],
      405: ['invalid-request-error', 'Method not allowed'],
      422: ['invalid-request-error', 'limit must be a number'],
      429: ['rate-limit-error', 'Too many requests, slow down'],
    };
    const [error, info] = errors[status] ?? ['server-error', `Internal server error (${fault})`];
    return { error, info };
  }

  handle(request: FakeRequest): FakeResponse {
    switch (request.path) {
      case '/logs/api':
        return this.listApiLogs(request);
      case '/logs':
        return this.listMeetingLogs(request);
      case '/meetings':
        return this.listMeetings(request);
      default:
        return { status: 404, body: this.errorBody(404, 'notFound') };
    }
  }

  /** Newer API log records, as if the API had just been called (watch and live-tail tests). */
  addApiLogs(records: readonly DailyApiLogRecord[]): void {
    this.apiLogs.set('api', [...records, ...this.records('api')]);
    this.filtered = new FilterCache<DailyApiLogRecord[]>();
  }

  private records(source: 'api' | 'webhook'): DailyApiLogRecord[] {
    let records = this.apiLogs.get(source);
    if (!records) {
      records = generateDailyApiLogs(source, this.data.seed, this.data.rowCount, this.data.now);
      if (this.data.specExamples === 'beforeGenerated' && source === 'api') records = examplesBeforeGenerated(records, dailySpecExamples.length, ['createdAt']);
      this.apiLogs.set(source, records);
    }
    return records;
  }

  private meetings(): DailyMeetingRecord[] {
    this.meetingList ??= generateDailyMeetings(this.data.seed, Math.max(40, Math.floor(this.data.rowCount / 10)), this.data.now);
    return this.meetingList;
  }

  private logsOf(meeting: DailyMeetingRecord): DailyMeetingLogRecord[] {
    let logs = this.sessionLogs.get(meeting.id);
    if (!logs) {
      logs = generateDailyMeetingLogs(meeting, this.data.seed, this.levels);
      this.sessionLogs.set(meeting.id, logs);
    }
    return logs;
  }

  private metricsOf(meeting: DailyMeetingRecord): DailyMetricRecord[] {
    let metrics = this.sessionMetrics.get(meeting.id);
    if (!metrics) {
      metrics = generateDailyMetrics(meeting, this.data.seed);
      this.sessionMetrics.set(meeting.id, metrics);
    }
    return metrics;
  }

  private listApiLogs({ query, fault }: FakeRequest): FakeResponse {
    const source = query.get('source') ?? 'api';
    if (source !== 'api' && source !== 'webhook') {
      return invalid(`"source" must be one of [webhook, api] [Received source="${source}"]`);
    }
    const limit = limitOf(query);
    if (typeof limit !== 'number') {
      return limit;
    }
    const url = query.get('url');
    const all = this.records(source);
    const matching = url ? this.filtered.get(`${source}?${url}`, () => all.filter((record) => record.url.includes(url))) : all;
    const page = fault === 'repeatingCursor' ? matching.slice(0, limit) : cursorPage(matching, query, limit);
    const body = (fault === 'emptyPages' ? [] : page).map((record) => ({ ...record }));
    if (fault === 'wrongTypes' && body.length > 1) {
      (body[1] as Record<string, unknown>).status = { code: body[1].status };
    }
    return { status: 200, body };
  }

  private listMeetingLogs({ query, fault }: FakeRequest): FakeResponse {
    const mtg = query.get('mtgSessionId');
    const user = query.get('userSessionId');
    if (!mtg && !user) {
      return invalid('mtgSessionId or userSessionId is required');
    }
    const limit = limitOf(query);
    if (typeof limit !== 'number') {
      return limit;
    }
    const window = timeWindow(query);
    if (typeof window === 'string') {
      return invalid(window);
    }
    const meetings = this.meetings().filter((m) => (!mtg || m.id === mtg) && (!user || m.participants.some((p) => p.participant_id === user)));
    const level = query.get('logLevel');
    if (level !== null && !(level in this.levels)) {
      return invalid('logLevel must be one of [ERROR, INFO, DEBUG]');
    }
    const descending = (query.get('order') ?? 'DESC').toUpperCase() !== 'ASC';
    const offset = fault === 'repeatingCursor' ? 0 : Number(query.get('offset') ?? 0);
    const inWindow = (time: string) => Date.parse(time) >= window.start && Date.parse(time) <= window.end;
    const arrange = <T>(items: T[]) => (descending ? items.reverse() : items).slice(offset, offset + limit);
    const logs = meetings
      .flatMap((m) => this.logsOf(m))
      .filter((log) => (!user || log.userSessionId === user) && (level === null || log.level === this.levels[level as MeetingLogLevelName]) && inWindow(log.time));
    const body: Record<string, unknown> = {};
    if (query.get('includeLogs') !== 'false') {
      body.logs = fault === 'emptyPages' ? [] : arrange(logs).map((log) => ({ ...log }));
    }
    if (query.get('includeMetrics') === 'true') {
      const metrics = meetings.flatMap((m) => this.metricsOf(m));
      body.metrics = arrange(metrics.filter((s) => (!user || s.userSessionId === user) && inWindow(String(s.time))));
    }
    if (fault === 'wrongTypes' && Array.isArray(body.logs) && body.logs.length > 1) {
      (body.logs[1] as Record<string, unknown>).level = [1];
    }
    return { status: 200, body };
  }

  private listMeetings({ query }: FakeRequest): FakeResponse {
    const limit = limitOf(query);
    if (typeof limit !== 'number') {
      return limit;
    }
    const room = query.get('room');
    const [start, end] = ['timeframe_start', 'timeframe_end'].map((name) => query.get(name));
    if ([start, end].some((value) => value !== null && !/^\d+$/.test(value))) {
      return invalid('timeframe_start and timeframe_end must be unix timestamps (seconds)');
    }
    const after = start === null ? -Infinity : Number(start);
    const before = end === null ? Infinity : Number(end);
    const all = this.meetings().filter((m) => (!room || m.room === room) && m.start_time >= after && m.start_time <= before);
    return { status: 200, body: { total_count: all.length, data: cursorPage(all, query, limit, (m) => m.id) } };
  }
}

/** Daily's cursor paging over a newest-first list: `starting_after` = older than that id, `ending_before` newer. */
function cursorPage<T>(items: T[], query: URLSearchParams, limit: number, idOf: (item: T) => string = (item) => (item as { id: string }).id): T[] {
  const after = query.get('starting_after');
  const before = query.get('ending_before');
  if (after) {
    const index = indexOfId(items, after, idOf);
    return index < 0 ? [] : items.slice(index + 1, index + 1 + limit);
  }
  if (before) {
    const index = indexOfId(items, before, idOf);
    return index < 0 ? [] : items.slice(Math.max(0, index - limit), index);
  }
  return items.slice(0, limit);
}

function timeWindow(query: URLSearchParams): { start: number; end: number } | string {
  const start = query.get('startTime');
  const end = query.get('endTime');
  const startMs = start === null ? 0 : Number(start);
  const endMs = end === null ? Date.now() + 86_400_000 : Number(end);
  if (!Number.isInteger(startMs) || !Number.isInteger(endMs)) {
    return 'startTime and endTime must be integers (ms since epoch)';
  }
  return { start: startMs, end: endMs };
}
