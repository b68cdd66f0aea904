import type { FakeApi, FakeRequest, FakeResponse } from './fakeApi';
import type { Fault } from './faults';
import type { SampleDataOptions } from './dailyFakeApi';
import { generateVideoLogs, generateVoiceLogs, type SignalwireRecord } from './signalwireData';
import { examplesBeforeGenerated } from './specExamples';
import { FilterCache, filterKey, indexOfId } from './filterCache';
import { callEventsOf } from './signalwireCallEvents';

const docsUrl = 'https://developer.signalwire.com/rest/signalwire-rest/overview/error-codes';

function unprocessable(attribute: string, code: string, message: string): FakeResponse {
  return { status: 422, body: { errors: [{ type: 'validation_error', code, message, attribute, url: `${docsUrl}#${code}` }] } };
}

/** `YYYY-MM-DD` or ISO 8601 → epoch ms; NaN when neither. */
function parseDate(text: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
}

const pageToken = (offset: number) => `PA${Buffer.from(`offset:${offset}`).toString('base64url')}`;

function offsetOf(token: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token.slice(2), 'base64url').toString());
  return token.startsWith('PA') && match ? Number(match[1]) : undefined;
}

/** SignalWire's space API: `/api/video/logs` and `/api/voice/logs`, Basic auth, `links.next` paging with page tokens. */
export class SignalwireFakeApi implements FakeApi {
  readonly pathPrefix = '';
  private readonly logs = new Map<string, SignalwireRecord[]>();
  private readonly filtered = new FilterCache<SignalwireRecord[] | FakeResponse>();

  constructor(
    private readonly projectId: string,
    private readonly token: string,
    private readonly data: SampleDataOptions,
    /** Names this origin in `links` instead of the server's own (a proxy in front of it). */
    private readonly linkOrigin?: string,
  ) {}

  checkAuth(authorization: string | undefined): FakeResponse | undefined {
    const expected = `Basic ${Buffer.from(`${this.projectId}:${this.token}`).toString('base64')}`;
    return authorization === expected ? undefined : { status: 401, body: { error: 'Unauthorized' } };
  }

  errorBody(status: number, fault: Fault): unknown {
    if (status === 422) {
      return { errors: [{ type: 'validation_error', code: 'invalid_parameter', message: 'page_size must be between 1 and 1000', attribute: 'page_size', url: docsUrl }] };
    }
    const errors: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 429: 'Too Many Requests' };
    return { error: errors[status] ?? (fault === 'serverError' ? 'Internal Server Error' : 'Internal Server Error') };
  }

  handle(request: FakeRequest): FakeResponse {
    const events = /^\/api\/voice\/logs\/([^/]+)\/events$/.exec(request.path);
    if (events) {
      return this.callEvents(decodeURIComponent(events[1]), request);
    }
    const kind = request.path === '/api/video/logs' ? 'video' : request.path === '/api/voice/logs' ? 'voice' : undefined;
    if (!kind) {
      return { status: 404, body: this.errorBody(404, 'notFound') };
    }
    const key = `${kind}?${filterKey(request.query, ['created_after', 'created_before', 'created_on', 'include_deleted'])}`;
    const filtered = this.filtered.get(key, () => this.filter(this.records(kind, request.origin), request.query));
    return Array.isArray(filtered) ? this.page(filtered, request) : filtered;
  }

  /** `GET /api/voice/logs/{id}/events`: every event on one page (a call has a handful). */
  private callEvents(id: string, { origin, path, fault }: FakeRequest): FakeResponse {
    const records = this.records('voice', origin);
    const record = records[indexOfId(records, id, (item) => item.id)];
    if (!record) {
      return { status: 404, body: this.errorBody(404, 'notFound') };
    }
    const data: Record<string, unknown>[] = callEventsOf(record).map((event) => ({ ...event }));
    if (fault === 'wrongTypes' && data.length > 1) {
      data[1].event_at = 1_700_000_000;
    }
    return { status: 200, body: { links: { self: `${this.linkOrigin ?? origin}${path}` }, data } };
  }

  private records(kind: 'video' | 'voice', origin: string): SignalwireRecord[] {
    let records = this.logs.get(kind);
    if (!records) {
      const generate = kind === 'video' ? generateVideoLogs : generateVoiceLogs;
      records = generate(this.data.seed, this.data.rowCount, this.data.now, origin);
      if (this.data.specExamples === 'beforeGenerated' && kind === 'video') records = examplesBeforeGenerated(records, 1, ['created_at', 'started_at', 'ended_at']);
      this.logs.set(kind, records);
    }
    return records;
  }

  private filter(records: SignalwireRecord[], query: URLSearchParams): SignalwireRecord[] | FakeResponse {
    const bounds: Record<string, number> = {};
    for (const name of ['created_after', 'created_before', 'created_on']) {
      const value = query.get(name);
      if (value !== null) {
        bounds[name] = parseDate(value);
        if (Number.isNaN(bounds[name])) {
          return unprocessable(name, 'invalid_parameter', `${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`);
        }
      }
    }
    const withDeleted = query.get('include_deleted') === 'true';
    const day = bounds.created_on;
    return records.filter((record) => {
      const at = Date.parse(record.created_at);
      return (
        (withDeleted || !record.deleted) &&
        (bounds.created_after === undefined || at > bounds.created_after) &&
        (bounds.created_before === undefined || at < bounds.created_before) &&
        (day === undefined || (at >= day && at < day + 86_400_000))
      );
    });
  }

  private page(records: SignalwireRecord[], { query, origin, path, fault }: FakeRequest): FakeResponse {
    const size = Number(query.get('page_size') ?? 50);
    const number = Number(query.get('page_number') ?? 0);
    if (!Number.isInteger(size) || size < 1 || size > 1000) {
      return unprocessable('page_size', 'invalid_parameter', 'page_size must be between 1 and 1000');
    }
    const token = query.get('page_token');
    if (!Number.isInteger(number) || number < 0 || (number > 0 && !token)) {
      return unprocessable('page_token', 'missing_required_parameter', 'page_token is required when page_number is greater than 0');
    }
    const offset = number === 0 ? 0 : offsetOf(token ?? '');
    if (offset === undefined) {
      return unprocessable('page_token', 'invalid_parameter', 'page_token is not valid');
    }
    const link = (pageNumber: number, start: number) => {
      const params = new URLSearchParams(query);
      params.set('page_number', String(pageNumber));
      params.set('page_size', String(size));
      if (pageNumber === 0) params.delete('page_token');
      else params.set('page_token', pageToken(start));
      return `${this.linkOrigin ?? origin}${path}?${params.toString()}`;
    };
    const rows = fault === 'emptyPages' ? [] : records.slice(offset, offset + size).map(({ deleted, ...record }) => record);
    if (fault === 'wrongTypes' && rows.length > 1) {
      rows[1].created_at = 1_700_000_000 as unknown as string;
    }
    const hasNext = offset + size < records.length;
    const links: Record<string, string> = { self: link(number, offset), first: link(0, 0) };
    if (fault === 'repeatingCursor') {
      links.next = links.self;
    } else if (hasNext) {
      links.next = link(number + 1, offset + size);
    }
    if (number > 0) {
      links.prev = link(number - 1, Math.max(0, offset - size));
    }
    return { status: 200, body: { links, data: rows } };
  }
}
