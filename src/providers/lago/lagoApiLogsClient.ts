import type { z } from 'zod';
import type { HttpClient, QueryParams } from '../../http/httpClient';
import { parseWithSchema } from '../../http/parseWithSchema';
import { ProviderError, isProviderError } from '../../http/providerError';
import type { Logger } from '../../util/logging';
import { BaseStreamClient } from '../baseStreamClient';
import type { IndexedPageSource, ParallelPaging } from '../parallelPager';
import type { Page, PageRequest } from '../connection';
import { listValue, textValue } from '../rowHelpers';
import type { LogRow, StreamDefinition } from '../../protocol/streamDefinition';
import { lagoDays } from '../timeRangeParams';
import { mapLagoApiLog } from './lagoMappers';
import { lagoApiLogShape, lagoApiLogsPageSchema, lagoMetaSchema, type LagoApiLog } from './lagoSchemas';
import { fastRows } from '../fastRows';

type LagoPage = z.output<typeof lagoApiLogsPageSchema>;

/** The page decoded on the fast path, or undefined for zod to judge. */
function fastLagoPage(body: unknown): LagoPage | undefined {
  const record = (body ?? {}) as { api_logs?: unknown; meta?: unknown };
  const rows = fastRows<LagoApiLog>(record.api_logs, lagoApiLogShape);
  const meta = rows && lagoMetaSchema.safeParse(record.meta);
  return rows && meta?.success ? { api_logs: rows, meta: meta.data } : undefined;
}

export function parseLagoApiLogs(body: unknown): { rows: LogRow[]; next?: number; total?: number } {
  const page = fastLagoPage(body) ?? parseWithSchema(lagoApiLogsPageSchema, body, 'Lago API logs');
  const { meta } = page;
  return { rows: page.api_logs.map(mapLagoApiLog), next: meta.next_page ?? undefined, total: meta.total_count ?? undefined };
}

/** Lago compares `to_date=D` with D at 00:00Z, so an inclusive "to" day is sent as the next day. */
export function nextDay(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new ProviderError('invalid', `"${date}" is not a date in the form YYYY-MM-DD.`);
  }
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Lago's plan-gated 403 gets an explanation instead of a generic "access denied". */
export function adaptLagoError(error: unknown): unknown {
  if (isProviderError(error) && error.details.status === 403 && error.details.code === 'feature_unavailable') {
    return new ProviderError(
      'auth',
      'Lago API logs are not included in this organisation\'s plan (403 feature_unavailable). The API key itself is fine, and retrying will not help: an organisation admin can turn API logs on by moving to a Lago premium plan.',
      error.details,
    );
  }
  return error;
}

/**
 * `GET /api_logs`, paged by page number (the cursor) and `per_page`. *Load all* requests pages ahead in parallel;
 * the connection's rate-limit gate keeps them within Lago's `X-RateLimit-*` budget.
 */
export class LagoApiLogsClient extends BaseStreamClient implements IndexedPageSource {
  readonly parallel: ParallelPaging = { maxInFlight: 4 };

  constructor(
    definition: StreamDefinition,
    private readonly http: HttpClient,
    logger: Logger,
  ) {
    super(definition, logger);
  }

  query(request: PageRequest): QueryParams {
    const { filters } = request;
    const params: Array<[string, string]> = [
      ['page', request.cursor ?? '1'],
      ['per_page', String(this.pageSize(request))],
    ];
    const add = (name: string, value: string | undefined) => value !== undefined && params.push([name, value]);
    const toDate = textValue(filters, 'to_date');
    const days = lagoDays(request.range ?? {}, textValue(filters, 'from_date'), toDate === undefined ? undefined : nextDay(toDate));
    add('from_date', days.from);
    add('to_date', days.to);
    listValue(filters, 'http_methods').forEach((method) => add('http_methods[]', method.toLowerCase()));
    listValue(filters, 'http_statuses').forEach((status) => add('http_statuses[]', status.toLowerCase()));
    add('api_version', textValue(filters, 'api_version'));
    add('request_paths', textValue(filters, 'request_paths'));
    return params;
  }

  async load(request: PageRequest): Promise<unknown> {
    if (request.cursor !== undefined && !/^[1-9]\d*$/.test(request.cursor)) {
      throw new ProviderError('invalid', 'The Lago page position is not a page number.');
    }
    try {
      return await this.http.getJson('/api_logs', this.query(request), request);
    } catch (error) {
      throw adaptLagoError(error);
    }
  }

  peekNext(body: unknown, request: PageRequest): string | undefined {
    const next = (body as { meta?: { next_page?: unknown } } | null)?.meta?.next_page;
    return Number.isInteger(next) && next !== Number(request.cursor ?? '1') ? String(next) : undefined;
  }

  cursorAfter(cursor: string | undefined, steps: number): string {
    return String(Number(cursor ?? '1') + steps);
  }

  pagesAfter(body: unknown): number | undefined {
    const meta = (body as { meta?: { current_page?: unknown; total_pages?: unknown } } | null)?.meta;
    const { current_page: current, total_pages: total } = meta ?? {};
    return Number.isInteger(current) && Number.isInteger(total) ? Math.max(0, (total as number) - (current as number)) : undefined;
  }

  decode(body: unknown, request: PageRequest): Page {
    const { rows, next, total } = parseLagoApiLogs(body);
    const repeatedCursor = next === Number(request.cursor ?? '1');
    return { rows, next: next === undefined || repeatedCursor ? undefined : String(next), total, repeatedCursor };
  }
}
