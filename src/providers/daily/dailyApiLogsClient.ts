import type { HttpClient, QueryParams } from '../../http/httpClient';
import { parseWithSchema } from '../../http/parseWithSchema';
import type { Logger } from '../../util/logging';
import { BaseStreamClient } from '../baseStreamClient';
import type { Page, PageRequest } from '../connection';
import { matchesOneOf, matchesStatusClass } from '../httpFilters';
import { listValue, textValue } from '../rowHelpers';
import type { FilterValues, LogRow, StreamDefinition } from '../../protocol/streamDefinition';
import { adaptDailyError } from './dailyErrors';
import { mapDailyApiLog } from './dailyMappers';
import { fastRows } from '../fastRows';
import { dailyApiLogListSchema, dailyApiLogShape, dailyWrappedApiLogsSchema, isWrappedDailyPage, type DailyApiLog } from './dailySchemas';

/** The rows decoded on the fast path (with the schema's "createdAt or created_at" rule), or undefined for zod. */
function fastDailyRows(list: unknown): DailyApiLog[] | undefined {
  const rows = fastRows<DailyApiLog>(list, dailyApiLogShape);
  return rows?.every((row) => row.createdAt !== undefined || row.created_at !== undefined) ? rows : undefined;
}

/** Parses and maps one `/logs/api` body; throws `ProviderError('badResponse')` on a schema failure. */
export function parseDailyApiLogs(body: unknown): { rows: LogRow[]; total?: number } {
  if (isWrappedDailyPage(body)) {
    const wrapped = body as { data?: unknown; total_count?: unknown };
    const fast = fastDailyRows(wrapped.data);
    const page = fast
      ? { data: fast, total_count: Number.isInteger(wrapped.total_count) ? (wrapped.total_count as number) : undefined }
      : parseWithSchema(dailyWrappedApiLogsSchema, body, 'Daily API logs');
    return { rows: page.data.map(mapDailyApiLog), total: page.total_count };
  }
  const items = fastDailyRows(body) ?? parseWithSchema(dailyApiLogListSchema, body, 'Daily API logs');
  return { rows: items.map(mapDailyApiLog) };
}

/**
 * `GET /logs/api` for one `source` (api or webhook), newest first. The cursor is the id of the last row of the
 * previous page, sent as `starting_after`; a short page means there is nothing older.
 */
export class DailyApiLogsClient extends BaseStreamClient {
  constructor(
    definition: StreamDefinition,
    private readonly source: 'api' | 'webhook',
    private readonly http: HttpClient,
    logger: Logger,
  ) {
    super(definition, logger);
  }

  /** The query for one page, in the order it is sent. */
  query(request: PageRequest): QueryParams {
    const params: Array<[string, string]> = [['source', this.source]];
    const url = textValue(request.filters, 'url');
    if (url !== undefined) {
      params.push(['url', url]);
    }
    params.push(['limit', String(this.pageSize(request))]);
    if (request.cursor !== undefined) {
      params.push(['starting_after', request.cursor]);
    }
    return params;
  }

  async load(request: PageRequest): Promise<unknown> {
    try {
      return await this.http.getJson('/logs/api', this.query(request), request);
    } catch (error) {
      throw adaptDailyError(error);
    }
  }

  peekNext(body: unknown, request: PageRequest): string | undefined {
    const items = Array.isArray(body) ? body : (body as { data?: unknown } | null)?.data;
    if (!Array.isArray(items) || items.length < this.pageSize(request)) {
      return undefined;
    }
    const id = (items[items.length - 1] as { id?: unknown } | null)?.id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  }

  decode(body: unknown, request: PageRequest): Page {
    const { rows, total } = parseDailyApiLogs(body);
    const lastId = rows.at(-1)?.id;
    const full = rows.length >= this.pageSize(request) && lastId !== undefined;
    const repeatedCursor = full && lastId === request.cursor;
    const next = full && !repeatedCursor ? lastId : undefined;
    return { rows: applyLocalFilters(rows, request.filters), next, total, scannedTo: rows.at(-1)?.time, repeatedCursor };
  }
}

function applyLocalFilters(rows: LogRow[], filters: FilterValues): LogRow[] {
  const methods = listValue(filters, 'method');
  const classes = listValue(filters, 'statusClass');
  if (methods.length === 0 && classes.length === 0) {
    return rows;
  }
  return rows.filter((row) => matchesOneOf(row.fields.method, methods) && matchesStatusClass(row.fields.status, classes));
}
