import type { FakeApi, FakeRequest, FakeResponse } from './fakeApi';
import type { Fault, FaultOptions } from './faults';
import type { SampleDataOptions } from './dailyFakeApi';
import { generateLagoApiLogs, type LagoApiLogRecord } from './lagoData';
import { examplesBeforeGenerated } from './specExamples';
import { FilterCache, filterKey } from './filterCache';
import type { RateLimit, RateWindowState } from './networkProfile';

const maxPerPage = 100;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function unprocessable(field: string, problem: string): FakeResponse {
  return { status: 422, body: { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { [field]: [problem] } } };
}

/** Array parameters arrive as `name[]` (Rails) or, for `request_paths`, also as a plain repeated name. */
function list(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(`${name}[]`), ...query.getAll(name)].filter((value) => value !== '');
}

function statusMatches(status: number, filters: string[]): boolean {
  return filters.some((filter) => (filter === 'succeeded' ? status < 400 : filter === 'failed' ? status >= 400 : Number(filter) === status));
}

/** Lago's API (`/api/v1`): `GET /api_logs`, following the spec and Lago's server behaviour. */
export class LagoFakeApi implements FakeApi {
  readonly pathPrefix = '/api/v1';
  readonly rateLimit: RateLimit = { requests: 100, windowMs: 1000 };
  private logs: LagoApiLogRecord[] | undefined;
  private readonly filtered = new FilterCache<LagoApiLogRecord[] | FakeResponse>();

  constructor(
    private readonly token: string,
    private readonly data: SampleDataOptions,
  ) {}

  checkAuth(authorization: string | undefined): FakeResponse | undefined {
    return authorization === `Bearer ${this.token}` ? undefined : { status: 401, body: { status: 401, error: 'Unauthorized' } };
  }

  errorBody(status: number, fault: Fault): unknown {
    if (status === 403) {
      return fault === 'featureUnavailable'
        ? { status: 403, error: 'Forbidden', code: 'feature_unavailable' }
        : { status: 403, error: 'Forbidden', code: 'forbidden' };
    }
    if (status === 422) {
      return { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { per_page: ['invalid_value'] } };
    }
    const errors: Record<number, string> = { 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed', 429: 'Too Many Requests' };
    return { status, error: errors[status] ?? 'Internal Server Error', code: status === 404 ? 'not_found' : undefined };
  }

  rateLimitHeaders(options: FaultOptions): Record<string, string> {
    const reset = options.retryAfterSeconds === undefined ? 1 : (options.retryAfterSeconds ?? 1);
    return { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) };
  }

  /** Reset in whole seconds, as Lago sends it. */
  rateWindowHeaders(state: RateWindowState): Record<string, string> {
    return {
      'X-RateLimit-Limit': String(state.limit),
      'X-RateLimit-Remaining': String(state.remaining),
      'X-RateLimit-Reset': String(Math.ceil(state.resetMs / 1000)),
    };
  }

  private generate(): LagoApiLogRecord[] {
    const logs = generateLagoApiLogs(this.data.seed, this.data.rowCount, this.data.now);
    return this.data.specExamples === 'beforeGenerated' ? examplesBeforeGenerated(logs, 1, ['logged_at', 'created_at']) : logs;
  }

  handle(request: FakeRequest): FakeResponse {
    if (request.path !== '/api_logs') {
      return { status: 404, body: this.errorBody(404, 'notFound') };
    }
    const logs = (this.logs ??= this.generate());
    const key = filterKey(request.query, ['from_date', 'to_date', 'http_methods[]', 'http_methods', 'http_statuses[]', 'http_statuses', 'api_version', 'request_paths[]', 'request_paths']);
    const filtered = this.filtered.get(key, () => this.filter(logs, request.query));
    return typeof filtered === 'object' && !Array.isArray(filtered) ? filtered : this.page(filtered, request);
  }

  private filter(logs: LagoApiLogRecord[], query: URLSearchParams): LagoApiLogRecord[] | FakeResponse {
    const from = query.get('from_date');
    const to = query.get('to_date');
    for (const [name, value] of [['from_date', from], ['to_date', to]] as const) {
      if (value !== null && (!datePattern.test(value) || Number.isNaN(Date.parse(value)))) {
        return unprocessable(name, 'invalid_date');
      }
    }
    const methods = list(query, 'http_methods');
    if (methods.some((method) => !['post', 'put', 'delete'].includes(method))) {
      return unprocessable('http_methods', 'invalid_value');
    }
    const statuses = list(query, 'http_statuses');
    if (statuses.some((s) => s !== 'succeeded' && s !== 'failed' && !/^[1-5]\d\d$/.test(s))) {
      return unprocessable('http_statuses', 'invalid_value');
    }
    const version = query.get('api_version');
    const paths = list(query, 'request_paths');
    const fromMs = from === null ? -Infinity : Date.parse(`${from}T00:00:00Z`);
    const toMs = to === null ? Infinity : Date.parse(`${to}T00:00:00Z`);
    return logs.filter((log) => {
      const at = Date.parse(log.logged_at);
      return (
        at >= fromMs && at < toMs &&
        (methods.length === 0 || methods.includes(log.http_method)) &&
        (statuses.length === 0 || statusMatches(log.http_status, statuses)) &&
        (version === null || log.api_version === version) &&
        (paths.length === 0 || paths.some((path) => log.request_path.includes(path)))
      );
    });
  }

  private page(logs: LagoApiLogRecord[], { query, fault }: FakeRequest): FakeResponse {
    const page = Number(query.get('page') ?? 1);
    const perPage = Number(query.get('per_page') ?? maxPerPage);
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1) {
      return unprocessable(Number.isInteger(page) && page >= 1 ? 'per_page' : 'page', 'invalid_value');
    }
    const size = Math.min(perPage, maxPerPage);
    const totalPages = Math.max(1, Math.ceil(logs.length / size));
    const rows = fault === 'emptyPages' ? [] : logs.slice((page - 1) * size, page * size).map((log) => ({ ...log }));
    if (fault === 'wrongTypes' && rows.length > 1) {
      (rows[1] as Record<string, unknown>).http_status = 'two hundred';
    }
    const next = fault === 'repeatingCursor' ? page : page < totalPages ? page + 1 : null;
    const meta = { current_page: page, next_page: next, prev_page: page > 1 ? page - 1 : null, total_pages: totalPages, total_count: logs.length };
    return { status: 200, body: { api_logs: rows, meta } };
  }
}
